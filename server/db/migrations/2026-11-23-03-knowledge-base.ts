// Knowledge base (issue 4): FAQ categories, FAQ articles with similar phrasings and a linked service,
// notices with audience and publish window, and the search backlog (queries the base could not answer).
// Frozen in time: written against Kysely<any>, imports no app code, runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('kb_category')
    .addColumn('code', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createTable('faq')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('category_code', 'varchar(40)', (c) => c.notNull().references('kb_category.code'))
    .addColumn('question_zh', 'text', (c) => c.notNull())
    .addColumn('answer_zh', 'text', (c) => c.notNull())
    .addColumn('question_en', 'text')
    .addColumn('answer_en', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('service_code', 'varchar(40)')
    .addColumn('owner_department', 'varchar(40)', (c) => c.references('org_unit.code'))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful_yes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)')
    .addColumn('updated_by', 'varchar(36)')
    .execute();
  await db.schema.createIndex('faq_category').on('faq').columns(['category_code', 'state']).execute();
  await db.schema.createIndex('faq_owner').on('faq').column('owner_department').execute();
  await db.schema.createTable('notice')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('audiences', 'text', (c) => c.notNull())
    .addColumn('publish_from', 'varchar(32)', (c) => c.notNull())
    .addColumn('publish_until', 'varchar(32)')
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)')
    .execute();
  await db.schema.createTable('search_backlog')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('query', 'varchar(200)', (c) => c.notNull())
    .addColumn('reason', 'varchar(20)', (c) => c.notNull())
    .addColumn('faq_id', 'varchar(64)')
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('first_seen', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('resolved_by', 'varchar(36)')
    .addUniqueConstraint('search_backlog_unique', ['query', 'reason'])
    .execute();
  await db.schema.createIndex('search_backlog_status').on('search_backlog').columns(['status', 'last_seen']).execute();
  // Other processes rebuild their search index when this moves (like the catalog's counter).
  await db.insertInto('revision').values({ name: 'kb', revision: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('revision').where('name', '=', 'kb').execute();
  for (const t of ['search_backlog', 'notice', 'faq', 'kb_category']) await db.schema.dropTable(t).execute();
}
