// The case's promised limit (承诺时限, W3): the whole case, not one step, must be done within it. Rules, precisely:
// - The limit is taken once, at submission: the pinned process definition's `promisedLimitDays` (working days)
//   when it has one, otherwise the service item's published promised limit in its own unit (working or natural
//   days). The case keeps it; a later change of the item or the process does not move a running case.
// - The clock starts on the China date of submission; that day is not counted (as for a step's limit). Due is
//   the day the limit runs out, the warning (yellow) from 80 % of it, rounded up; red once the due date passed.
// - The clock pauses while the case waits on the applicant: returned for correction (status waiting_applicant), or
//   running with only applicant steps open (online choice, signing).
//   The days waited are those in (day of the return, day of the resubmission], counted in the limit's unit on
//   the calendar of the resubmission day; due and warning dates move by exactly that many days. While paused,
//   the light stands as it was on the day of the return.
// - Working days honour the admins' overrides; when they change, open cases' dates are counted again
//   (limit + days waited, from the same start) with the new overrides, as open tasks' are (deadlines.ts).
import type { Selectable } from 'kysely';
import type { TimeLimit } from '../../../common/catalog.ts';
import type { Db } from '../../db/index.ts';
import type { WorkflowCaseTable } from '../../db/schema-workflow.ts';
import { nowIso } from '../../clock.ts';
import { rearmed } from './case-timers.ts';
import { addWorkingDays, chinaDate, workingDaysBetween, type CalendarOverrides, type DeadlineStatus } from './calendar.ts';

export type PromiseUnit = 'working_day' | 'natural_day';
export interface PromisedLimit { limit: number; unit: PromiseUnit }
/** What a case's promise is computed from: limit, unit, start date, days waited (closed pauses). */
export interface PromiseClock extends PromisedLimit { start: string; paused: number }

const DAY_MS = 86_400_000;
const epoch = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** The limit a case promises: the pinned process's working days, else the service item's limit in its unit. */
export function promisedLimitOf(process: { promisedLimitDays?: number }, item?: TimeLimit | null): PromisedLimit | null {
  if (process.promisedLimitDays !== undefined) return { limit: process.promisedLimitDays, unit: 'working_day' };
  return item ? { limit: Math.ceil(item.value), unit: item.unit } : null;
}

/** The date n days of `unit` after `start` (the start itself not counted). */
export function addDays(unit: PromiseUnit, start: string, n: number, overrides: CalendarOverrides): string {
  if (unit === 'working_day') return addWorkingDays(start, n, overrides);
  return new Date((epoch(start) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Days of `unit` in (a, b]. */
export function daysBetween(unit: PromiseUnit, a: string, b: string, overrides: CalendarOverrides): number {
  return unit === 'working_day' ? workingDaysBetween(a, b, overrides) : epoch(b) - epoch(a);
}

/** Due and warning (80 %, rounded up) dates: the limit plus the days waited, counted from the start. */
export function promiseDates(c: PromiseClock, overrides: CalendarOverrides): { due: string; warn: string } {
  return {
    due: addDays(c.unit, c.start, c.limit + c.paused, overrides),
    warn: addDays(c.unit, c.start, Math.ceil((c.limit * 4) / 5) + c.paused, overrides),
  };
}

/** The clock after the applicant resubmitted on `today`: the days waited since `pausedSince` are added. */
export function resumed(c: PromiseClock, pausedSince: string, today: string, overrides: CalendarOverrides): PromiseClock {
  return { ...c, paused: c.paused + Math.max(0, daysBetween(c.unit, pausedSince, today, overrides)) };
}

/** Traffic light on `today` (China date): red after the due date, yellow from the warning date; frozen while paused. */
export function promiseStatus(p: { due: string; warn: string; pausedSince: string | null }, today: string): DeadlineStatus {
  const on = p.pausedSince !== null && p.pausedSince < today ? p.pausedSince : today;
  if (on > p.due) return 'red';
  return on >= p.warn ? 'yellow' : 'normal';
}

// ---------------------------------------------------------------------------------------------------------
// The shell: columns of workflow_case (migration 2026-11-23-10-promised)

type CaseRow = Selectable<WorkflowCaseTable>;

/** The promise columns of a case submitted at `now` (none when the service promises no limit). */
export function promiseColumns(limit: PromisedLimit | null, now: string, overrides: CalendarOverrides) {
  if (!limit) return {};
  const start = chinaDate(now);
  const { due, warn } = promiseDates({ ...limit, start, paused: 0 }, overrides);
  return { promised_limit: limit.limit, promised_unit: limit.unit, promised_start: start, promised_paused: 0, promised_due: due, promised_warn: warn };
}

function clockOf(row: Pick<CaseRow, 'promised_limit' | 'promised_unit' | 'promised_start' | 'promised_paused'>): PromiseClock | null {
  if (row.promised_limit === null || row.promised_start === null) return null;
  return { limit: row.promised_limit, unit: row.promised_unit as PromiseUnit, start: row.promised_start, paused: row.promised_paused };
}

/**
 * Whether a case in `status` whose open tasks are `open` waits on the applicant: returned for correction, or
 * running with every open task the applicant's own (an online choice, signing). The one rule for the pause, at
 * the start of a case (submit.ts) and on every later change (followStatus).
 */
export function waitsOnApplicant(status: string, open: readonly { assignee_kind: string }[]): boolean {
  if (status === 'waiting_applicant') return true;
  return status === 'running' && open.length > 0 && open.every((t) => t.assignee_kind === 'applicant');
}

async function openTasks(trx: Db, caseId: string) {
  return trx.selectFrom('case_task').select('assignee_kind').where('case_id', '=', caseId).where('state', '=', 'open').execute();
}

/**
 * Pauses or resumes the promise when the case starts or stops waiting on the applicant (returned for correction,
 * or only applicant steps open: an online choice, signing an agreement); call in the transaction that changed the
 * case, after its tasks were written. Leaving the wait in any direction (resubmitted, step done, withdrawn) closes
 * the pause; the new dates re-arm the case timers whose light is no longer reached (case-timers.ts).
 */
export async function followStatus(trx: Db, row: CaseRow, status: string, now: string, overrides: CalendarOverrides): Promise<void> {
  const clock = clockOf(row);
  if (!clock) return;
  const wasWaiting = row.promised_paused_since !== null;
  if (!wasWaiting && status === row.status && status !== 'running') return;
  const waiting = waitsOnApplicant(status, status === 'running' ? await openTasks(trx, row.id) : []);
  if (waiting === wasWaiting) return;
  const today = chinaDate(now);
  if (waiting) {
    await trx.updateTable('workflow_case').set({ promised_paused_since: today }).where('id', '=', row.id).execute();
  } else {
    const next = resumed(clock, row.promised_paused_since!, today, overrides);
    const { due, warn } = promiseDates(next, overrides);
    await trx.updateTable('workflow_case').set({ promised_paused: next.paused, promised_paused_since: null, promised_due: due, promised_warn: warn, ...rearmed(due, warn, today) })
      .where('id', '=', row.id).execute();
  }
}

/**
 * Counts the dates of every open case with a promise in working days again, with the overrides `after`, when
 * one of `changed` could lie in its span; returns how many cases moved. Call inside the transaction that
 * changes the overrides (calendar/service.ts), beside rescheduleOpenTasks.
 */
export async function rescheduleOpenPromises(trx: Db, after: CalendarOverrides, changed: string[]): Promise<number> {
  if (changed.length === 0) return 0;
  const earliest = [...changed].sort()[0]!;
  const rows = await trx.selectFrom('workflow_case').select(['id', 'promised_limit', 'promised_unit', 'promised_start', 'promised_paused', 'promised_due', 'promised_warn'])
    .where('status', 'in', ['running', 'waiting_applicant']).where('promised_unit', '=', 'working_day')
    .where('promised_due', '>=', earliest).execute();
  let moved = 0;
  const today = chinaDate(nowIso());
  for (const r of rows) {
    const clock = clockOf(r);
    if (!clock) continue;
    const { due, warn } = promiseDates(clock, after);
    if (due === r.promised_due && warn === r.promised_warn) continue;
    await trx.updateTable('workflow_case').set({ promised_due: due, promised_warn: warn, ...rearmed(due, warn, today) }).where('id', '=', r.id).execute();
    moved++;
  }
  return moved;
}

/** The promise as the API shows it; undefined when the case has none (older cases, services without a limit). */
export function presentPromise(row: Pick<CaseRow, 'status' | 'finished_at' | 'promised_limit' | 'promised_unit' | 'promised_start' | 'promised_paused'
  | 'promised_paused_since' | 'promised_due' | 'promised_warn'>, today: string) {
  const clock = clockOf(row);
  if (!clock || row.promised_due === null || row.promised_warn === null) return undefined;
  const open = row.status === 'running' || row.status === 'waiting_applicant';
  const decided = row.status === 'completed' || row.status === 'rejected';
  return {
    limit: clock.limit, unit: clock.unit, startedOn: clock.start, dueDate: row.promised_due, warnDate: row.promised_warn,
    pausedDays: clock.paused, pausedSince: open ? row.promised_paused_since : null,
    status: open ? promiseStatus({ due: row.promised_due, warn: row.promised_warn, pausedSince: row.promised_paused_since }, today) : null,
    metOnTime: decided && row.finished_at ? chinaDate(row.finished_at) <= row.promised_due : null,
  };
}
export type PromiseOut = NonNullable<ReturnType<typeof presentPromise>>;

/** The case's promise on an inbox card: due date and light, or nothing when the case has none. */
export function inboxPromise(r: { case_status: string; promised_due: string | null; promised_warn: string | null; promised_paused_since: string | null }, today: string) {
  if (r.promised_due === null || r.promised_warn === null) return {};
  const open = r.case_status === 'running' || r.case_status === 'waiting_applicant';
  return {
    promise: {
      dueDate: r.promised_due, paused: open && r.promised_paused_since !== null,
      status: open ? promiseStatus({ due: r.promised_due, warn: r.promised_warn, pausedSince: r.promised_paused_since }, today) : null,
    },
  };
}
