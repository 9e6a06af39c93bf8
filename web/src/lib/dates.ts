// The one way the portal writes dates and times, in both languages: dates as YYYY-MM-DD (as promised dates
// come from the server), date-times as YYYY-MM-DD HH:mm, always in China time (UTC+8, no daylight saving)
// whatever the browser's time zone. Date and time are joined by a no-break space so a date-time never breaks
// across lines, even inside a translated sentence. In JSX use <DateText> (components/date-text.tsx).

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NBSP = '\u00a0';

/** The instant as an ISO string on the China clock ("YYYY-MM-DDTHH:mm…"), or null when it is no date. */
function chinaIso(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_OFFSET_MS).toISOString();
}

/** "2026-12-10": the China date of an instant; a plain date (YYYY-MM-DD) stays as it is; '' for nothing. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (DATE_ONLY.test(value)) return value;
  return chinaIso(value)?.slice(0, 10) ?? value;
}

/** "2026-12-07 18:24" (China time, no-break space); a plain date stays a date; '' for nothing. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  if (DATE_ONLY.test(value)) return value;
  const iso = chinaIso(value);
  return iso ? `${iso.slice(0, 10)}${NBSP}${iso.slice(11, 16)}` : value;
}

type UiLocale = 'zh-CN' | 'en';
const WEEKDAY = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { weekday: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }),
};
const MONTH = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }),
};

/** A calendar day with its weekday: "2026-12-07 星期一", "2026-12-07 (Monday)". `date` is YYYY-MM-DD. */
export function formatDateWithWeekday(date: string, locale: UiLocale): string {
  const day = WEEKDAY[locale].format(new Date(`${date}T00:00:00Z`));
  return locale === 'en' ? `${date} (${day})` : `${date} ${day}`;
}

/** The month of a calendar day, as a calendar's caption: "十二月", "December". `date` is YYYY-MM-DD. */
export function formatMonthName(date: string, locale: UiLocale): string {
  return MONTH[locale].format(new Date(`${date}T00:00:00Z`));
}
