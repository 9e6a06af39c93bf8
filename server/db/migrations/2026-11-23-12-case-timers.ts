// Durable timers of the case's promised limit (W3): when the yellow warning and the red escalation of a case
// fired (case-timers.ts). A mark is cleared when the due date moves so that the light is no longer reached
// (resumed after a wait on the applicant, calendar overrides), which re-arms the timer.
// Frozen in time: written against Kysely<any>, imports no app code, runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('workflow_case').addColumn('promised_warned_at', 'varchar(40)').execute();
  await db.schema.alterTable('workflow_case').addColumn('promised_escalated_at', 'varchar(40)').execute();
  await db.schema.createIndex('workflow_case_promised_warn').on('workflow_case').columns(['status', 'promised_warned_at', 'promised_warn']).execute();
  await db.schema.createIndex('workflow_case_promised_esc').on('workflow_case').columns(['status', 'promised_escalated_at', 'promised_due']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('workflow_case_promised_esc').execute();
  await db.schema.dropIndex('workflow_case_promised_warn').execute();
  await db.schema.alterTable('workflow_case').dropColumn('promised_escalated_at').execute();
  await db.schema.alterTable('workflow_case').dropColumn('promised_warned_at').execute();
}
