// Picking the right language out of {zh, en} content, and formatting dates for the UI language.
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

export function formatDate(iso: string | null | undefined, locale: Locale, withTime = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', {
    year: 'numeric', month: '2-digit', day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  });
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
