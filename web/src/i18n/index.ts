// i18next set-up: zh-CN by default and in the first load; the English catalogue is a small chunk loaded
// when it is first needed (before the first render when English is the remembered language).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN, type Catalog } from './zh-CN.ts';
import type { Locale } from '../api/types.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

const STORAGE_KEY = 'onestop.locale';

/** The language remembered on this device, else Chinese. */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

let english: Promise<void> | null = null;

/** Makes sure the catalogue of `locale` is there (Chinese always is). Call after i18nReady. */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale !== 'en') return Promise.resolve();
  english ??= import('./en.ts').then(({ en }) => {
    i18next.addResourceBundle('en', 'translation', en, true, true);
  });
  return english;
}

const initial = storedLocale();

/** Resolves when the remembered language's texts are ready; render after it. */
export const i18nReady: Promise<unknown> = (initial === 'en' ? import('./en.ts').then((m) => m.en) : Promise.resolve(null))
  .then((enCatalog) => {
    if (enCatalog) english = Promise.resolve();
    return i18next.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, ...(enCatalog ? { en: { translation: enCatalog } } : {}) },
      partialBundledLanguages: true,
      lng: initial,
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  });

export default i18next;
