// The exact interface texts the journeys look for, taken from the web app's own catalogues, so a
// locator reads like what a person sees ("打印指南", "Print guide") and never drifts from the UI.
import { zhCN, type Catalog } from '../../web/src/i18n/zh-CN.ts';
import { en } from '../../web/src/i18n/en.ts';
import type { Localized } from '../../common/catalog.ts';

export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];

/** The interface catalogue of a language. */
export function ui(lang: Lang): Catalog {
  return lang === 'en' ? en : zhCN;
}

/** i18next-style interpolation of "{{name}}" placeholders. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
}

/** A content text in the language the portal shows it (English falls back to Chinese). */
export function pick(text: Localized, lang: Lang): string {
  return lang === 'en' && text.en.trim() !== '' ? text.en : text.zh;
}

/** Plural key of a count the way i18next picks it (English "_one"/"_other"; Chinese always "_other"). */
export function plural(lang: Lang, count: number): '_one' | '_other' {
  return lang === 'en' && count === 1 ? '_one' : '_other';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The accessible name of an antd button with this text. antd puts a space between the two characters
 * of a two-character Chinese label ("登 录"), so the name is matched with that space optional.
 */
export function buttonName(text: string): RegExp {
  if (/^[\u4e00-\u9fff]{2}$/.test(text)) return new RegExp(`^\\s*${text[0]}\\s?${text[1]}\\s*$`);
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

/** A regular expression matching exactly this text. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}$`);
}
