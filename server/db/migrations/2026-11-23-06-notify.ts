// Outgoing messages: a log of every e-mail / SMS attempt and the dev mailbox (used without SMTP).
// Frozen in time: written against Kysely<any>, imports no app code, runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('delivery_log')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('outbox_id', 'varchar(36)')
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delivery_log_outbox').on('delivery_log').columns(['outbox_id', 'status']).execute();
  await db.schema.createIndex('delivery_log_at').on('delivery_log').column('at').execute();
  await db.schema.createTable('dev_message')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dev_message_person').on('dev_message').columns(['person_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dev_message').execute();
  await db.schema.dropTable('delivery_log').execute();
}
