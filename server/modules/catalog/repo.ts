// Catalog queries (admin side). The public side reads from the in-memory cache.
import type { Db } from '../../db/index.ts';

export function findItem(db: Db, code: string) {
  return db.selectFrom('service_item').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findVersion(db: Db, itemId: string, version: number) {
  return db.selectFrom('service_item_version').selectAll()
    .where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst();
}

export function listVersions(db: Db, itemId: string) {
  return db.selectFrom('service_item_version')
    .leftJoin('person as creator', 'creator.id', 'service_item_version.created_by')
    .leftJoin('person as decider', 'decider.id', 'service_item_version.decided_by')
    .select(['service_item_version.version', 'service_item_version.state', 'service_item_version.created_at',
      'service_item_version.submitted_at', 'service_item_version.decided_at', 'service_item_version.comment',
      'creator.display_name as created_by_name', 'decider.display_name as decided_by_name'])
    .where('service_item_version.item_id', '=', itemId).orderBy('service_item_version.version', 'desc').execute();
}

export async function latestVersionNumber(db: Db, itemId: string): Promise<number> {
  const row = await db.selectFrom('service_item_version').select((eb) => eb.fn.max('version').as('v'))
    .where('item_id', '=', itemId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Items for the admin list; `departments` limits to those units (null = all). */
export function listItemsForAdmin(db: Db, departments: string[] | null) {
  let q = db.selectFrom('service_item as i')
    .leftJoin('service_item_version as d', (j) => j.onRef('d.item_id', '=', 'i.id').onRef('d.version', '=', 'i.draft_version'))
    .leftJoin('service_item_version as p', (j) => j.onRef('p.item_id', '=', 'i.id').onRef('p.version', '=', 'i.published_version'))
    .select(['i.code', 'i.department_code', 'i.retired', 'i.published_version', 'i.draft_version', 'i.updated_at',
      'd.state as draft_state', 'd.content as draft_content', 'p.content as published_content'])
    .orderBy('i.code');
  if (departments) {
    if (departments.length === 0) return Promise.resolve([]);
    q = q.where('i.department_code', 'in', departments);
  }
  return q.execute();
}

/** Tell every process that the published catalog changed. */
export async function bumpCatalogRevision(db: Db): Promise<void> {
  await db.updateTable('revision').set((eb) => ({ revision: eb('revision', '+', 1) })).where('name', '=', 'catalog').execute();
}
