// Life-event bundles (一件事一次办): versioned bundle definitions, and the parent/child link of cases.
// Frozen in time: written against Kysely<any>, imports no app code, runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('bundle_definition')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('service_code', 'varchar(40)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addUniqueConstraint('bundle_definition_version', ['service_code', 'version'])
    .execute();
  // A bundle's parent case has kind 'bundle'; its children point at it and name their member of the bundle.
  await db.schema.alterTable('workflow_case').addColumn('kind', 'varchar(10)', (c) => c.notNull().defaultTo('case')).execute();
  await db.schema.alterTable('workflow_case').addColumn('parent_id', 'varchar(36)').execute();
  await db.schema.alterTable('workflow_case').addColumn('bundle_member', 'varchar(40)').execute();
  await db.schema.createIndex('workflow_case_parent').on('workflow_case').column('parent_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('workflow_case_parent').execute();
  await db.schema.alterTable('workflow_case').dropColumn('bundle_member').execute();
  await db.schema.alterTable('workflow_case').dropColumn('parent_id').execute();
  await db.schema.alterTable('workflow_case').dropColumn('kind').execute();
  await db.schema.dropTable('bundle_definition').execute();
}
