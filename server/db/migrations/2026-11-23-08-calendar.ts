// Working-day calendar overrides (W3): days the admins declare off or working, for years `chinese-days` does
// not know yet (or to correct it). Frozen in time: written against Kysely<any>, imports no app code.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('calendar_override')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey()) // 'YYYY-MM-DD', China time
    .addColumn('working', 'integer', (c) => c.notNull()) // 1 working day, 0 day off
    .addColumn('reason', 'varchar(100)', (c) => c.notNull()) // e.g. 春节, 国庆节调休, 校庆
    .addColumn('updated_by', 'varchar(36)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // Every process keeps the overrides in memory and reloads them when this counter moves.
  await db.insertInto('revision').values({ name: 'calendar', revision: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('revision').where('name', '=', 'calendar').execute();
  await db.schema.dropTable('calendar_override').execute();
}
