// When a person last saved their preferences: until they have, the choices they make on a device
// before signing in are adopted instead of the account's defaults.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').addColumn('preferences_saved_at', 'varchar(32)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').dropColumn('preferences_saved_at').execute();
}
