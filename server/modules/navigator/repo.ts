// Queries of guided navigation.
import type { Db } from '../../db/index.ts';

export function listTrees(db: Db) {
  return db.selectFrom('navigator_tree').select(['life_event', 'tree', 'version', 'updated_at']).orderBy('life_event').execute();
}

export function findTree(db: Db, lifeEvent: string) {
  return db.selectFrom('navigator_tree').select(['life_event', 'tree', 'version', 'updated_at', 'updated_by'])
    .where('life_event', '=', lifeEvent).executeTakeFirst();
}

/** Inserts or replaces a tree; returns the new version. */
export async function saveTree(db: Db, lifeEvent: string, tree: string, now: string, by: string | null): Promise<number> {
  const updated = await db.updateTable('navigator_tree').set((eb) => ({ tree, version: eb('version', '+', 1), updated_at: now, updated_by: by }))
    .where('life_event', '=', lifeEvent).returning('version').executeTakeFirst();
  if (updated) return updated.version;
  await db.insertInto('navigator_tree').values({ life_event: lifeEvent, tree, version: 1, updated_at: now, updated_by: by }).execute();
  return 1;
}

/** Inserts the trees that are missing (the demo seed; never overwrites a manager's tree). */
export async function insertMissingTrees(db: Db, trees: { lifeEvent: string; json: string }[], now: string): Promise<number> {
  let n = 0;
  for (const t of trees) {
    const r = await db.insertInto('navigator_tree').values({ life_event: t.lifeEvent, tree: t.json, version: 1, updated_at: now, updated_by: null })
      .onConflict((oc) => oc.column('life_event').doNothing()).executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}
