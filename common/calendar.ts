// The working-day calendar's admin contract (W3): a year as the hall sees it — the official holidays and
// 调休 make-up working days of `chinese-days`, overlaid with the admins' overrides — and bulk changes.
import { Type, type Static } from '@sinclair/typebox';
import { Localized } from './catalog.ts';

export const CALENDAR_YEAR_MIN = 2000;
export const CALENDAR_YEAR_MAX = 2099;
/** Most dates one request may set or remove (a year and a bit). */
export const CALENDAR_CHANGES_MAX = 400;

export const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (China)' });

export const CalendarChanges = Type.Object({
  set: Type.Optional(Type.Array(Type.Object({
    date: CalendarDate,
    working: Type.Boolean({ description: 'true: a working day (e.g. 调休上班); false: a day off (e.g. 春节)' }),
    reason: Type.String({ minLength: 1, maxLength: 100, description: 'why, e.g. 春节 or 国庆节调休上班' }),
  }, { additionalProperties: false }), { maxItems: CALENDAR_CHANGES_MAX, description: 'Add or replace these overrides' })),
  remove: Type.Optional(Type.Array(CalendarDate, { maxItems: CALENDAR_CHANGES_MAX, description: 'Remove the overrides of these dates' })),
}, { additionalProperties: false });
export type CalendarChanges = Static<typeof CalendarChanges>;

const Nullable = <T extends ReturnType<typeof Type.Object>>(t: T) => Type.Union([t, Type.Null()]);

export const CalendarDay = Type.Object({
  date: Type.String(),
  working: Type.Boolean({ description: 'the answer every time limit uses' }),
  source: Type.Union([Type.Literal('override'), Type.Literal('package'), Type.Literal('week')], {
    description: 'override: an admin decided; package: an official holiday or make-up day; week: Monday–Friday work, weekends off',
  }),
  /** what the package (or the plain week) says without the override */
  officialWorking: Type.Boolean(),
  holiday: Nullable(Localized),
  override: Nullable(Type.Object({
    working: Type.Boolean(), reason: Type.String(), updatedAt: Type.String(),
    updatedBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  })),
});
export type CalendarDay = Static<typeof CalendarDay>;

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  packageHasData: Type.Boolean({ description: 'false: chinese-days has no official arrangement for this year; only overrides and the plain week count' }),
  overrides: Type.Integer({ description: 'how many dates of the year an admin has overridden' }),
  days: Type.Array(CalendarDay),
});
export type CalendarYear = Static<typeof CalendarYear>;
