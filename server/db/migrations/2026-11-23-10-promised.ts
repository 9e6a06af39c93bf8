// The case-level promised time limit (承诺时限, W3): the limit taken at submission, the days the case waited on the
// applicant, and the dates it implies, so the inbox can find overdue cases with an index and a restart loses none.
// Frozen in time: written against Kysely<any>, imports no app code, runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const add = (name: string, type: 'integer' | 'varchar(12)' | 'varchar(10)') => db.schema.alterTable('workflow_case').addColumn(name, type).execute();
  await add('promised_limit', 'integer');
  await add('promised_unit', 'varchar(12)');
  await add('promised_start', 'varchar(10)');
  await db.schema.alterTable('workflow_case').addColumn('promised_paused', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await add('promised_paused_since', 'varchar(10)');
  await add('promised_due', 'varchar(10)');
  await add('promised_warn', 'varchar(10)');
  await db.schema.createIndex('workflow_case_promised_due').on('workflow_case').columns(['promised_due', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('workflow_case_promised_due').execute();
  for (const c of ['promised_warn', 'promised_due', 'promised_paused_since', 'promised_paused', 'promised_start', 'promised_unit', 'promised_limit']) {
    await db.schema.alterTable('workflow_case').dropColumn(c).execute();
  }
}
