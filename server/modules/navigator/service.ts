// Guided navigation: the trees hall managers define, and the end of a walk — the services to apply for
// and one merged materials checklist.
import { navigatorTreeProblems, walkServices, type NavigatorTree } from '../../../common/assistant.ts';
import type { Db } from '../../db/index.ts';
import { nowIso } from '../../clock.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import { mergeMaterials } from './checklist.ts';
import { canEditNavigator } from './policy.ts';
import * as repo from './repo.ts';

/** Everything wrong with a tree: its structure (every branch ends, no cycles) and services that are not published. */
export function treeProblems(tree: NavigatorTree, catalog: CatalogCache): FieldProblem[] {
  const out: FieldProblem[] = navigatorTreeProblems(tree);
  tree.nodes.forEach((n, i) => {
    const check = (codes: readonly string[] | undefined, path: string) => codes?.forEach((c, k) => {
      if (!catalog.published(c)) out.push({ path: `${path}/${k}`, message: `service "${c}" is not published` });
    });
    if (n.kind === 'end') check(n.services, `/nodes/${i}/services`);
    else n.options.forEach((o, j) => check(o.adds, `/nodes/${i}/options/${j}/adds`));
  });
  return out;
}

export async function loadTree(db: Db, lifeEvent: string): Promise<{ tree: NavigatorTree; version: number; updatedAt: string }> {
  const row = await repo.findTree(db, lifeEvent);
  if (!row) throw new AppError('navigator_not_found', { lifeEvent });
  return { tree: JSON.parse(row.tree) as NavigatorTree, version: row.version, updatedAt: row.updated_at };
}

/** Replaces a life event's tree after checking it whole; one transaction with its audit row. */
export async function replaceTree(db: Db, catalog: CatalogCache, actor: Actor, lifeEvent: string, tree: NavigatorTree): Promise<{ version: number }> {
  if (!canEditNavigator(actor)) throw new AppError('forbidden');
  const problems = tree.lifeEvent === lifeEvent ? treeProblems(tree, catalog)
    : [{ path: '/lifeEvent', message: `must be "${lifeEvent}" (the address)` }];
  if (problems.length) throw new AppError('navigator_invalid', { count: problems.length }, problems);
  return db.transaction().execute(async (trx) => {
    const version = await repo.saveTree(trx, lifeEvent, JSON.stringify(tree), nowIso(), actor.id);
    await recordAudit(trx, { actorId: actor.id, action: 'navigator.replace', entity: 'navigator_tree', entityId: lifeEvent, detail: { version, nodes: tree.nodes.length } });
    return { version };
  });
}

/** The end of a walk: its summary, the services (as the catalog lists them) and the merged checklist. */
export async function walkResult(db: Db, catalog: CatalogCache, lifeEvent: string, choices: number[]) {
  const { tree } = await loadTree(db, lifeEvent);
  const walk = walkServices(tree, choices);
  if ('stuck' in walk) throw new AppError('navigator_incomplete', { node: walk.stuck });
  // a service retired since the tree was saved drops out instead of breaking the page
  const items = walk.services.map((c) => catalog.published(c)).filter((i) => i !== undefined);
  return {
    lifeEvent,
    end: walk.end.id,
    summary: walk.end.summary,
    services: items.map((i) => catalog.summary(i.code)!),
    checklist: mergeMaterials(items.map((i) => ({ code: i.code, materials: i.content.materials }))),
  };
}
