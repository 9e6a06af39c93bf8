// Picking the right language out of {zh, en} content, and the UI language's punctuation (dates: lib/dates.ts).
import { useTranslation } from 'react-i18next';
import type { Locale, Localized } from '../api/types.ts';

/** English when the UI is English and the English text exists; Chinese otherwise. */
export function pickText(text: Localized | undefined | null, locale: Locale): string {
  if (!text) return '';
  return locale === 'en' && text.en.trim() !== '' ? text.en : text.zh;
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** `l(text)` gives the text in the current UI language. */
export function useL() {
  const locale = useLocale();
  return (text: Localized | undefined | null) => pickText(text, locale);
}

/** Punctuation differs: Chinese uses full-width colon, enumeration comma and parentheses. */
export function usePunct() {
  const { t } = useTranslation();
  return {
    colon: t('app.colon'),
    list: (xs: string[]) => xs.join(t('app.listSep')),
    semi: t('app.semi'),
    paren: (text: string) => t('app.paren', { text }),
  };
}
