// Online applications (issue 3): versioned form and process definitions, cases, tasks, timeline,
// outbox, idempotency keys, in-app notifications, and the person data forms bind to.
// Frozen in time: written against Kysely<any>, imports no app code, runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Records the university holds about a person beyond the account (一张表, to be fed by source systems).
  await db.schema.createTable('person_profile')
    .addColumn('person_id', 'varchar(36)', (c) => c.primaryKey().references('person.id'))
    .addColumn('staff_no', 'varchar(40)')
    .addColumn('title', 'text')
    .addColumn('bank_name', 'text')
    .addColumn('bank_card', 'varchar(40)')
    .addColumn('hire_date', 'varchar(10)')
    .addColumn('supervisor_id', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  for (const t of ['form_definition', 'process_definition']) {
    await db.schema.createTable(t)
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('service_code', 'varchar(40)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('definition', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)')
      .addUniqueConstraint(`${t}_unique`, ['service_code', 'version'])
      .execute();
  }
  await db.schema.createTable('case_counter')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createTable('workflow_case')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('number', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('service_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('department_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('process_version', 'integer', (c) => c.notNull())
    .addColumn('applicant_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('on_behalf_of', 'varchar(36)', (c) => c.references('person.id'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rev', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('workflow_case_applicant').on('workflow_case').columns(['applicant_id', 'created_at']).execute();
  await db.schema.createTable('case_task')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('workflow_case.id'))
    .addColumn('step_id', 'varchar(60)', (c) => c.notNull())
    .addColumn('branch_id', 'varchar(60)')
    .addColumn('assignee_kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('assignee_role', 'varchar(32)')
    .addColumn('assignee_org', 'varchar(40)')
    .addColumn('assignee_person', 'varchar(36)')
    .addColumn('state', 'varchar(10)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(20)')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)')
    // Timers are columns, so a restart loses none: the worker warns from warn_date (80 % of the step limit)
    // and escalates after due_date, marking each once.
    .addColumn('warn_date', 'varchar(10)')
    .addColumn('warned_at', 'varchar(32)')
    .addColumn('escalated_at', 'varchar(32)')
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('done_by', 'varchar(36)')
    .execute();
  await db.schema.createIndex('case_task_case').on('case_task').column('case_id').execute();
  await db.schema.createIndex('case_task_role').on('case_task').columns(['state', 'assignee_role', 'assignee_org']).execute();
  await db.schema.createIndex('case_task_person').on('case_task').columns(['assignee_person', 'state']).execute();
  await db.schema.createIndex('case_task_done_by').on('case_task').column('done_by').execute();
  // The timer scan runs every second in every process.
  await db.schema.createIndex('case_task_warn').on('case_task').columns(['state', 'warn_date']).execute();
  await db.schema.createIndex('case_task_due').on('case_task').columns(['state', 'due_date']).execute();
  await db.schema.createTable('case_event')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('workflow_case.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('type', 'varchar(30)', (c) => c.notNull())
    .addColumn('step_id', 'varchar(60)')
    .addColumn('task_id', 'varchar(64)')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_event_seq', ['case_id', 'seq'])
    .execute();
  await db.schema.createTable('outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('done_at', 'varchar(32)')
    .addColumn('failed_at', 'varchar(32)')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['done_at', 'next_attempt_at']).execute();
  await db.schema.createTable('idempotency_key')
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('key', 'varchar(200)', (c) => c.notNull())
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pk', ['person_id', 'key'])
    .execute();
  // Uploaded files: bytes on disk under DATA_DIR/uploads by SHA-256 (stored once however often uploaded),
  // one row per upload with its owner, the type sniffed from the content, and the name it came with.
  await db.schema.createTable('upload')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'varchar(100)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('upload_person').on('upload').column('person_id').execute();
  // Out-of-office delegation (委托): the delegate works the delegator's tasks between two dates.
  await db.schema.createTable('delegation')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('delegate_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('delegation_delegate').on('delegation').columns(['delegate_id', 'ends_on']).execute();
  // A half-filled form survives a closed tab: one draft per person and service.
  await db.schema.createTable('form_draft')
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('service_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_draft_pk', ['person_id', 'service_code'])
    .execute();
  await db.schema.createTable('notification')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('event', 'varchar(30)', (c) => c.notNull())
    .addColumn('case_id', 'varchar(36)')
    .addColumn('task_id', 'varchar(64)')
    .addColumn('outbox_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(32)')
    // One row per delivery and recipient: a redelivered outbox row cannot notify twice.
    .addUniqueConstraint('notification_once', ['outbox_id', 'person_id'])
    .execute();
  await db.schema.createIndex('notification_person').on('notification').columns(['person_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notification', 'delegation', 'upload', 'form_draft', 'idempotency_key', 'outbox', 'case_event', 'case_task', 'workflow_case', 'case_counter',
    'process_definition', 'form_definition', 'person_profile']) {
    await db.schema.dropTable(t).execute();
  }
}
