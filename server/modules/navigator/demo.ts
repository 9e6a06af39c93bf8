// Loads the demo university's navigation trees (demo/navigation) where none is stored yet.
import type { Db } from '../../db/index.ts';
import { nowIso } from '../../clock.ts';
import { navigatorTrees } from '../../../demo/navigation/index.ts';
import { insertMissingTrees } from './repo.ts';

export function seedDemoNavigator(db: Db): Promise<number> {
  return insertMissingTrees(db, navigatorTrees.map((t) => ({ lifeEvent: t.lifeEvent, json: JSON.stringify(t) })), nowIso());
}
