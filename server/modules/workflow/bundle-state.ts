// The parent case of a life-event bundle (一件事一次办): its definition, the flowchart drawn for it, its
// status kept in step with its children, and its children as it shows them. No engine runs on a parent:
// its status is bundleStatus() of the children's, recomputed in the transaction that changes a child.
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import { bundleStatus, type BundleDefinition } from '../../../common/bundle.ts';
import type { BundleChildOut, CaseStatus } from '../../../common/case.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import { chinaDate, type CalendarOverrides } from './calendar.ts';
import type { ProcessDefinition } from './definition.ts';
import { stepName } from './present.ts';
import { followStatus, inboxPromise } from './promise.ts';
import * as repo from './repo.ts';

export async function latestBundle(db: Db, code: string): Promise<{ version: number; definition: BundleDefinition } | undefined> {
  const r = await db.selectFrom('bundle_definition').select(['version', 'definition']).where('service_code', '=', code)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  return r && { version: r.version, definition: JSON.parse(r.definition) as BundleDefinition };
}

export async function bundleAt(db: Db, code: string, version: number): Promise<BundleDefinition | undefined> {
  const r = await db.selectFrom('bundle_definition').select('definition').where('service_code', '=', code).where('version', '=', version).executeTakeFirst();
  return r && (JSON.parse(r.definition) as BundleDefinition);
}

/** The bundle drawn as a process for the apply page and the parent's flowchart: its members side by side. */
export function bundleProcess(def: BundleDefinition): ProcessDefinition {
  return {
    start: 'members',
    ...(def.promisedLimitDays !== undefined ? { promisedLimitDays: def.promisedLimitDays } : {}),
    steps: [{
      id: 'members', kind: 'parallel', mode: 'all', name: { zh: '各部门并联办理', en: 'Offices handle their parts in parallel' },
      branches: def.members.map((m) => ({ id: m.key, name: m.name, assignee: { kind: 'role', role: 'dept_reviewer', scope: 'owning_department' } })),
    }],
  };
}

/**
 * Recomputes a parent's status after a child changed, inside the child's transaction. The parent row is
 * written first: on PostgreSQL that row lock makes two children finishing at once take turns, so the
 * second sees the first's new status and the last one to finish completes the bundle.
 */
export async function refreshParent(trx: Db, parentId: string, now: string, overrides: CalendarOverrides): Promise<void> {
  await trx.updateTable('workflow_case').set((eb) => ({ rev: eb('rev', '+', 1) })).where('id', '=', parentId).execute();
  const parent = await repo.findCase(trx, parentId);
  if (!parent) return;
  const children = await trx.selectFrom('workflow_case').select('status').where('parent_id', '=', parentId).execute();
  const status = bundleStatus(children.map((c) => c.status as CaseStatus));
  if (status === parent.status) return;
  const finished = status === 'completed' || status === 'rejected' || status === 'withdrawn';
  await trx.updateTable('workflow_case').set({ status, updated_at: now, finished_at: finished ? now : null }).where('id', '=', parentId).execute();
  await followStatus(trx, parent, status, now, overrides);
  if (status === 'completed') {
    await trx.insertInto('case_event').values({
      id: newId(), case_id: parentId, seq: (await repo.lastEventSeq(trx, parentId)) + 1, at: now, actor_id: null, type: 'completed',
      step_id: null, task_id: null, detail: '{}',
    }).execute();
  }
  if (status === 'completed' || status === 'rejected') {
    const event = status === 'completed' ? 'case_completed' : 'case_rejected';
    await repo.enqueue(trx, 'notify', { to: { kind: 'applicant', person: parent.applicant_id }, event, caseId: parentId, taskId: null }, now);
  }
}

/** A parent's children in the bundle's order, each with its member, service, current steps and promised date. */
export async function childrenOf(db: Db, catalog: CatalogCache, parent: { id: string; service_code: string; form_version: number }): Promise<BundleChildOut[]> {
  const [def, rows] = await Promise.all([
    bundleAt(db, parent.service_code, parent.form_version),
    db.selectFrom('workflow_case').select(['id', 'number', 'status', 'service_code', 'department_code', 'process_version', 'bundle_member', 'finished_at',
      'promised_due', 'promised_warn', 'promised_paused_since'])
      .where('parent_id', '=', parent.id).execute(),
  ]);
  const open = rows.length === 0 ? [] : await db.selectFrom('case_task').select(['case_id', 'step_id', 'branch_id'])
    .where('case_id', 'in', rows.map((r) => r.id)).where('state', '=', 'open').orderBy('opened_at').execute();
  const today = chinaDate(nowIso());
  const order = (key: string | null) => def?.members.findIndex((m) => m.key === key) ?? 0;
  const out: BundleChildOut[] = [];
  for (const r of [...rows].sort((a, b) => order(a.bundle_member) - order(b.bundle_member))) {
    const member = def?.members.find((m) => m.key === r.bundle_member);
    const proc = await repo.definitionAt(db, 'process_definition', r.service_code, r.process_version);
    const pdef = proc ? (JSON.parse(proc.definition) as ProcessDefinition) : { start: '', steps: [] };
    const steps = [...new Set(open.filter((t) => t.case_id === r.id).map((t) => t.step_id))];
    out.push({
      id: r.id, number: r.number, status: r.status as CaseStatus,
      member: { key: r.bundle_member ?? r.service_code, name: member?.name ?? { zh: r.service_code, en: r.service_code } },
      service: {
        code: r.service_code, name: catalog.published(r.service_code)?.content.name ?? { zh: r.service_code, en: r.service_code },
        department: catalog.org.unitName(r.department_code),
      },
      currentSteps: steps.map((id) => ({ id, name: stepName(pdef, id) })),
      finishedAt: r.finished_at,
      // Each part's own promised date (承诺时限) and light, as on an inbox card; none when its service promises none.
      ...inboxPromise({ case_status: r.status, promised_due: r.promised_due, promised_warn: r.promised_warn, promised_paused_since: r.promised_paused_since }, today),
    });
  }
  return out;
}

/** The parent a child case belongs to, for the link back from the child's page. */
export async function parentOf(db: Db, catalog: CatalogCache, child: { parent_id: string | null; bundle_member: string | null }) {
  if (!child.parent_id) return undefined;
  const p = await repo.findCase(db, child.parent_id);
  if (!p) return undefined;
  const def = await bundleAt(db, p.service_code, p.form_version);
  const member = def?.members.find((m) => m.key === child.bundle_member);
  return {
    id: p.id, number: p.number,
    service: { code: p.service_code, name: catalog.published(p.service_code)?.content.name ?? { zh: p.service_code, en: p.service_code } },
    member: { key: child.bundle_member ?? '', name: member?.name ?? { zh: child.bundle_member ?? '', en: child.bundle_member ?? '' } },
  };
}

/** Children of several parents at once, for the "my cases" list. */
export async function childSummaries(db: Db, parents: Array<{ id: string; service_code: string; form_version: number }>) {
  const out = new Map<string, Array<{ id: string; number: string; status: CaseStatus; member: { key: string; name: { zh: string; en: string } } }>>();
  if (parents.length === 0) return out;
  const rows = await db.selectFrom('workflow_case').select(['id', 'number', 'status', 'parent_id', 'bundle_member'])
    .where('parent_id', 'in', parents.map((p) => p.id)).execute();
  const defs = new Map<string, BundleDefinition | undefined>();
  for (const p of parents) {
    const k = `${p.service_code}@${p.form_version}`;
    if (!defs.has(k)) defs.set(k, await bundleAt(db, p.service_code, p.form_version));
    const def = defs.get(k);
    const mine = rows.filter((r) => r.parent_id === p.id);
    const today = chinaDate(nowIso());
  const order = (key: string | null) => def?.members.findIndex((m) => m.key === key) ?? 0;
    out.set(p.id, mine.sort((a, b) => order(a.bundle_member) - order(b.bundle_member)).map((r) => {
      const m = def?.members.find((x) => x.key === r.bundle_member);
      return { id: r.id, number: r.number, status: r.status as CaseStatus, member: { key: r.bundle_member ?? '', name: m?.name ?? { zh: r.bundle_member ?? '', en: r.bundle_member ?? '' } } };
    }));
  }
  return out;
}
