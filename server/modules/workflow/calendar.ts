// Working-day arithmetic on the Chinese calendar (W3). Holidays and 调休 make-up working days come from
// `chinese-days`; the caller passes admin-entered overrides for days (or years) the package does not know,
// and an override always wins. Dates are plain 'YYYY-MM-DD' strings in China time, never Date objects, so
// the server's time zone cannot shift a deadline by a day.
import chineseDays from 'chinese-days';

/** Admin overrides: date 'YYYY-MM-DD' → true (working day) or false (day off). */
export type CalendarOverrides = Readonly<Record<string, boolean>>;

/** Traffic light of a time limit. */
export type DeadlineStatus = 'normal' | 'yellow' | 'red';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
// A limit is weeks, not decades; the cap turns a wrong argument into an error instead of a hang.
const MAX_SPAN_DAYS = 366 * 50;

function toEpochDay(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: '${date}'`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`no such date: '${date}'`);
  return ms / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date in China (UTC+8, no daylight saving) of an ISO instant. */
export function chinaDate(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: '${instant}'`);
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whether a date is a working day: override first, then the package's holidays and make-up days. */
export function isWorkingDay(date: string, overrides: CalendarOverrides = {}): boolean {
  toEpochDay(date);
  if (Object.hasOwn(overrides, date)) return overrides[date];
  let work = packageVerdicts.get(date);
  if (work === undefined) {
    // getDayDetail is given the string, not a Date: the package formats dates in the local time zone.
    work = chineseDays.getDayDetail(date).work;
    if (packageVerdicts.size >= 20_000) packageVerdicts.clear();
    packageVerdicts.set(date, work);
  }
  return work;
}

/** The package's verdict per date (its data never changes in a process; due dates ask about the same weeks all day). */
const packageVerdicts = new Map<string, boolean>();

/** The date n working days after `start` (n < 0: before); the start day itself is not counted. */
export function addWorkingDays(start: string, n: number, overrides: CalendarOverrides = {}): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
  let day = toEpochDay(start);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  for (let walked = 0; left > 0; walked++) {
    if (walked > MAX_SPAN_DAYS) throw new RangeError('working-day span too long');
    day += step;
    if (isWorkingDay(fromEpochDay(day), overrides)) left--;
  }
  return fromEpochDay(day);
}

/** The package's (or the plain week's) view of a date, before overrides: working or not, and the holiday's name. */
export function packageDay(date: string): { working: boolean; holiday: { zh: string; en: string } | null } {
  toEpochDay(date);
  const d = chineseDays.getDayDetail(date);
  // Named days read 'National Day,国庆节,3' (holidays and their make-up working days); others a weekday name.
  const [en, zh] = d.name.split(',');
  return { working: d.work, holiday: zh && en ? { zh, en } : null };
}

/**
 * Whether `chinese-days` knows the official holiday arrangement of a year. Every published year has holidays on
 * weekdays (元旦, 清明, 劳动节 …); a year without any is one the package has no data for yet.
 */
export function packageKnowsYear(year: number): boolean {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a year: ${year}`);
  return chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
}

/** Every date of a year, 'YYYY-MM-DD', in order. */
export function datesOfYear(year: number): string[] {
  const first = toEpochDay(`${String(year).padStart(4, '0')}-01-01`);
  const next = toEpochDay(`${String(year + 1).padStart(4, '0')}-01-01`);
  const out: string[] = [];
  for (let d = first; d < next; d++) out.push(fromEpochDay(d));
  return out;
}

/** Whether a string is a real calendar date 'YYYY-MM-DD' (2026-02-30 is not). */
export function isDate(date: string): boolean {
  try { toEpochDay(date); return true; } catch { return false; }
}

/** Working days in (a, b]; when b is before a, minus those in [b, a) — the inverse of addWorkingDays. */
export function workingDaysBetween(a: string, b: string, overrides: CalendarOverrides = {}): number {
  const from = toEpochDay(a);
  const to = toEpochDay(b);
  if (Math.abs(to - from) > MAX_SPAN_DAYS) throw new RangeError('working-day span too long');
  const [low, high, sign] = to >= from ? [from + 1, to, 1] : [to, from - 1, -1];
  let count = 0;
  for (let day = low; day <= high; day++) if (isWorkingDay(fromEpochDay(day), overrides)) count++;
  return count === 0 ? 0 : sign * count;
}

/**
 * Due and warning dates of a step limit of `limit` working days that started on China date `start`: due after
 * `limit` working days, the warning from 80 % of them (deadlineStatus: 5·elapsed ≥ 4·limit).
 */
export function limitDates(start: string, limit: number, overrides: CalendarOverrides = {}): { due: string; warn: string } {
  return { due: addWorkingDays(start, limit, overrides), warn: addWorkingDays(start, Math.ceil((limit * 4) / 5), overrides) };
}

/** Traffic light for a time limit: yellow from 80 % of the limit, red from 100 % (W3). */
export function deadlineStatus(elapsedWorkingDays: number, limit: number): DeadlineStatus {
  if (limit <= 0) return elapsedWorkingDays > 0 ? 'red' : 'normal';
  if (elapsedWorkingDays >= limit) return 'red';
  // 5·e ≥ 4·l rather than e ≥ 0.8·l: 8 of 10 days is yellow without floating-point doubt.
  if (elapsedWorkingDays * 5 >= limit * 4) return 'yellow';
  return 'normal';
}
