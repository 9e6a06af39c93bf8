// Foundation schema: org tree, people and roles, sessions, catalog with versions, favourites, audit log.
// Frozen in time: written against Kysely<any>, imports no app code, runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('campus')
    .addColumn('code', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('address_zh', 'text', (c) => c.notNull())
    .addColumn('address_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('org_unit')
    .addColumn('code', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('parent_code', 'varchar(40)', (c) => c.references('org_unit.code'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('campus_code', 'varchar(40)', (c) => c.notNull().references('campus.code'))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createTable('category')
    .addColumn('code', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createTable('person')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('org_unit_code', 'varchar(40)', (c) => c.notNull().references('org_unit.code'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('elder_mode', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locale', 'varchar(10)', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createTable('role_grant')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addColumn('scope_code', 'varchar(40)', (c) => c.notNull().references('org_unit.code'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('role_grant_unique', ['person_id', 'role', 'scope_code'])
    .execute();
  await db.schema.createTable('session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_person').on('session').column('person_id').execute();
  await db.schema.createTable('service_item')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('department_code', 'varchar(40)', (c) => c.notNull().references('org_unit.code'))
    .addColumn('popularity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('published_version', 'integer')
    .addColumn('draft_version', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createTable('service_item_version')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('service_item.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('submitted_by', 'varchar(36)')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decided_by', 'varchar(36)')
    .addColumn('comment', 'text')
    .addUniqueConstraint('service_item_version_unique', ['item_id', 'version'])
    .execute();
  await db.schema.createTable('favorite')
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('service_item.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('favorite_pk', ['person_id', 'item_id'])
    .execute();
  await db.schema.createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity', 'varchar(40)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  // One row holds the chain's head; updating it serialises writers on every dialect.
  await db.schema.createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();
  // Revision counters let every process notice changes made by another (catalog cache refresh).
  await db.schema.createTable('revision')
    .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('revision').values({ name: 'catalog', revision: 0 }).execute();
  await db.schema.createTable('meta')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['meta', 'revision', 'audit_head', 'audit_log', 'favorite', 'service_item_version', 'service_item',
    'session', 'role_grant', 'person', 'category', 'org_unit', 'campus']) {
    await db.schema.dropTable(t).execute();
  }
}
