// Keeps the due and warning dates of open tasks true to the calendar. A task's dates are fixed when it opens
// (service.ts applyResult, with the overrides of that moment); when an admin later declares a day off or a
// working day inside a task's span, the task keeps its limit in working days and its dates move.
import type { Db } from '../../db/index.ts';
import { nowIso } from '../../clock.ts';
import { chinaDate, limitDates, workingDaysBetween, type CalendarOverrides } from './calendar.ts';

/**
 * Recomputes the dates of every open task whose span (opening day, due date] holds one of `changed`, from the
 * overrides `before` (with which its limit is counted back) to those `after`; returns how many tasks moved.
 * A warning or escalation already sent whose date now lies ahead again is cleared, so it fires on the new date.
 * Call inside the transaction that changes the overrides.
 */
export async function rescheduleOpenTasks(trx: Db, before: CalendarOverrides, after: CalendarOverrides, changed: string[]): Promise<number> {
  if (changed.length === 0) return 0;
  const earliest = [...changed].sort()[0]!;
  const tasks = await trx.selectFrom('case_task').select(['id', 'opened_at', 'due_date', 'warn_date', 'warned_at', 'escalated_at'])
    .where('state', '=', 'open').where('due_date', 'is not', null).where('due_date', '>=', earliest).execute();
  const today = chinaDate(nowIso());
  let moved = 0;
  for (const t of tasks) {
    const start = chinaDate(t.opened_at);
    if (!changed.some((d) => d > start && d <= t.due_date!)) continue;
    const limit = workingDaysBetween(start, t.due_date!, before);
    const dates = limitDates(start, limit, after);
    if (dates.due === t.due_date && dates.warn === t.warn_date) continue;
    await trx.updateTable('case_task').set({
      due_date: dates.due, warn_date: dates.warn,
      warned_at: t.warned_at !== null && dates.warn > today ? null : t.warned_at,
      escalated_at: t.escalated_at !== null && dates.due >= today ? null : t.escalated_at,
    }).where('id', '=', t.id).where('state', '=', 'open').execute();
    moved++;
  }
  return moved;
}
