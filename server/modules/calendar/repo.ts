// Queries of the working-day calendar.
import type { Db } from '../../db/index.ts';

export async function calendarRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('revision').select('revision').where('name', '=', 'calendar').executeTakeFirst();
  return row?.revision ?? 0;
}

export async function bumpCalendarRevision(trx: Db): Promise<void> {
  await trx.updateTable('revision').set((eb) => ({ revision: eb('revision', '+', 1) })).where('name', '=', 'calendar').execute();
}

export function allOverrides(db: Db) {
  return db.selectFrom('calendar_override').select(['date', 'working']).execute();
}

/** The overrides of one year with who made them. */
export function overridesOfYear(db: Db, year: number) {
  return db.selectFrom('calendar_override as o')
    .leftJoin('person as p', 'p.id', 'o.updated_by')
    .select(['o.date', 'o.working', 'o.reason', 'o.updated_at', 'o.updated_by', 'p.display_name'])
    .where('o.date', '>=', `${year}-01-01`).where('o.date', '<=', `${year}-12-31`)
    .orderBy('o.date').execute();
}

export function overridesOn(db: Db, dates: string[]) {
  if (dates.length === 0) return Promise.resolve([]);
  return db.selectFrom('calendar_override').select(['date', 'working', 'reason']).where('date', 'in', dates).execute();
}

export async function upsertOverride(trx: Db, o: { date: string; working: boolean; reason: string }, actorId: string, now: string): Promise<void> {
  const row = { working: o.working ? 1 : 0, reason: o.reason, updated_by: actorId, updated_at: now };
  await trx.insertInto('calendar_override').values({ date: o.date, ...row })
    .onConflict((oc) => oc.column('date').doUpdateSet(row)).execute();
}

export async function deleteOverrides(trx: Db, dates: string[]): Promise<void> {
  if (dates.length) await trx.deleteFrom('calendar_override').where('date', 'in', dates).execute();
}
