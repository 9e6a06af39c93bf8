// The working-day calendar's rules: a year as the hall sees it (official data overlaid with overrides) and
// bulk changes to the overrides — checked whole, written in one transaction with the audit row, the
// revision bump that tells every process, and the new dates of the open tasks they move.
import type { CalendarChanges, CalendarDay, CalendarYear } from '../../../common/calendar.ts';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN } from '../../../common/calendar.ts';
import type { Lang } from '../../../common/problems.ts';
import type { Db } from '../../db/index.ts';
import { nowIso } from '../../clock.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { OrgDirectory } from '../org/directory.ts';
import { datesOfYear, isDate, packageDay, packageKnowsYear } from '../workflow/calendar.ts';
import { rescheduleOpenTasks } from '../workflow/deadlines.ts';
import { rescheduleOpenPromises } from '../workflow/promise.ts';
import type { CalendarCache } from './cache.ts';
import { canManageCalendar } from './policy.ts';
import * as repo from './repo.ts';

export interface CalendarDeps { db: Db; calendar: CalendarCache; org: () => OrgDirectory }

function mustManage(deps: CalendarDeps, actor: Actor): void {
  if (!canManageCalendar(actor, deps.org())) throw new AppError('forbidden');
}

/** Every date of a year: working or not, and why (override, official holiday / make-up day, or the plain week). */
export async function yearView(deps: CalendarDeps, actor: Actor, year: number): Promise<CalendarYear> {
  mustManage(deps, actor);
  const rows = new Map((await repo.overridesOfYear(deps.db, year)).map((r) => [r.date, r]));
  const days = datesOfYear(year).map((date): CalendarDay => {
    const official = packageDay(date);
    const o = rows.get(date);
    return {
      date,
      working: o ? o.working === 1 : official.working,
      source: o ? 'override' : official.holiday ? 'package' : 'week',
      officialWorking: official.working,
      holiday: official.holiday,
      override: o ? {
        working: o.working === 1, reason: o.reason, updatedAt: o.updated_at,
        updatedBy: o.updated_by ? { id: o.updated_by, name: o.display_name ?? o.updated_by } : null,
      } : null,
    };
  });
  return { year, packageHasData: packageKnowsYear(year), overrides: rows.size, days };
}

/** Everything wrong with a set of changes, each tied to its place in the body. */
function changeProblems(changes: CalendarChanges, existing: Set<string>, lang: Lang): FieldProblem[] {
  const say = (path: string, zh: string, en: string): FieldProblem => ({ path, message: lang === 'en' ? en : zh });
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  const checkDate = (date: string, path: string) => {
    if (!isDate(date)) return out.push(say(path, `没有 ${date} 这一天`, `there is no date ${date}`));
    const year = Number(date.slice(0, 4));
    if (year < CALENDAR_YEAR_MIN || year > CALENDAR_YEAR_MAX) {
      return out.push(say(path, `年份须在 ${CALENDAR_YEAR_MIN}–${CALENDAR_YEAR_MAX} 之间`, `the year must be ${CALENDAR_YEAR_MIN}–${CALENDAR_YEAR_MAX}`));
    }
    if (seen.has(date)) return out.push(say(path, `${date} 出现了不止一次`, `${date} appears more than once`));
    seen.add(date);
  };
  (changes.set ?? []).forEach((s, i) => {
    checkDate(s.date, `/set/${i}/date`);
    if (!s.reason.trim()) out.push(say(`/set/${i}/reason`, '请填写原因（如“春节”）', 'give a reason (e.g. "Spring Festival")'));
  });
  (changes.remove ?? []).forEach((date, i) => {
    const before = out.length;
    checkDate(date, `/remove/${i}`);
    if (out.length === before && !existing.has(date)) out.push(say(`/remove/${i}`, `${date} 没有调整可删除`, `${date} has no override to remove`));
  });
  if (!changes.set?.length && !changes.remove?.length) out.push(say('', '没有要保存的调整', 'there are no changes'));
  return out;
}

/** Adds, replaces and removes overrides all at once or not at all; answers what changed. */
export async function changeOverrides(deps: CalendarDeps, actor: Actor, changes: CalendarChanges, lang: Lang) {
  mustManage(deps, actor);
  const out = await deps.db.transaction().execute(async (trx) => {
    // Bumping the revision first takes its row lock: two changes at once (two processes) run one after the other,
    // each reading the overrides the other committed. The table is small (a few dozen dates a year).
    await repo.bumpCalendarRevision(trx);
    const before = Object.fromEntries((await repo.allOverrides(trx)).map((r) => [r.date, r.working === 1]));
    const problems = changeProblems(changes, new Set(Object.keys(before)), lang);
    if (problems.length) throw new AppError('calendar_invalid', { count: problems.length }, problems);
    const set = (changes.set ?? []).map((s) => ({ date: s.date, working: s.working, reason: s.reason.trim() }));
    const remove = changes.remove ?? [];
    const removed = await repo.overridesOn(trx, remove);
    const now = nowIso();
    for (const s of set) await repo.upsertOverride(trx, s, actor.id, now);
    await repo.deleteOverrides(trx, remove);
    const after: Record<string, boolean> = { ...before };
    for (const d of remove) delete after[d];
    for (const s of set) after[s.date] = s.working;
    const rescheduled = await rescheduleOpenTasks(trx, before, after, [...set.map((s) => s.date), ...remove]);
    // Open cases' promised limits move alike (reported in the audit row; the answer keeps its shape).
    const rescheduledCases = await rescheduleOpenPromises(trx, after, [...set.map((s) => s.date), ...remove]);
    const dates = [...set.map((s) => s.date), ...remove].sort();
    await recordAudit(trx, {
      actorId: actor.id, action: 'calendar.change', entity: 'calendar', entityId: `${dates[0]}..${dates[dates.length - 1]}`,
      detail: { set, removed: removed.map((r) => ({ date: r.date, working: r.working === 1, reason: r.reason })), rescheduledTasks: rescheduled, rescheduledCases },
    });
    return { set: set.length, removed: remove.length, rescheduledTasks: rescheduled };
  });
  // This process computes with the new overrides from the next request on; others within a poll.
  await deps.calendar.reload();
  return out;
}
