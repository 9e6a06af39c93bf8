// The catalog's rules: drafts, review, publication, retirement, history.
// A published version is never edited: a change makes a new draft version.
import type { Db } from '../../db/index.ts';
import type { ServiceItemContent } from '../../../common/catalog.ts';
import { newId, nowIso } from '../../clock.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { OrgDirectory } from '../org/directory.ts';
import { canEditItem, canPublishItem } from './policy.ts';
import { bumpCatalogRevision, findItem, findVersion, latestVersionNumber } from './repo.ts';
import { diffContent } from './diff.ts';

/** Problems with references to the org tree, campuses and categories (the schema checks the shape). */
export function referenceProblems(c: ServiceItemContent, org: OrgDirectory, lang: 'zh-CN' | 'en', base = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  const say = (path: string, zh: string, en: string) => out.push({ path: `${base}${path}`, message: lang === 'en' ? en : zh });
  // Written defensively: the bulk import also calls this on content whose shape is wrong.
  const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
  if (typeof c.department === 'string' && !org.units.has(c.department)) say('/department', `部门“${c.department}”不存在`, `department "${c.department}" does not exist`);
  list(c.coDepartments).forEach((d, i) => {
    if (!org.units.has(d)) say(`/coDepartments/${i}`, `部门“${d}”不存在`, `department "${d}" does not exist`);
  });
  if (typeof c.category === 'string' && !org.categories.has(c.category)) say('/category', `分类“${c.category}”不存在`, `category "${c.category}" does not exist`);
  list(c.campuses).forEach((k, i) => {
    if (!org.campuses.has(k)) say(`/campuses/${i}`, `校区“${k}”不存在`, `campus "${k}" does not exist`);
  });
  list(c.windows).forEach((w, i) => {
    if (w && !org.campuses.has(w.campus)) say(`/windows/${i}/campus`, `校区“${w.campus}”不存在`, `campus "${w.campus}" does not exist`);
  });
  return out;
}

function checkReferences(c: ServiceItemContent, org: OrgDirectory, lang: 'zh-CN' | 'en') {
  const problems = referenceProblems(c, org, lang, '/content');
  if (problems.length) throw new AppError('validation_failed', {}, problems);
}

async function loadItemOr404(db: Db, code: string) {
  const item = await findItem(db, code);
  if (!item) throw new AppError('service_not_found', { code });
  return item;
}

/** A missing item and one the actor may not touch look the same from outside: 404, not 403. */
async function loadEditable(db: Db, org: OrgDirectory, actor: Actor, code: string) {
  const item = await loadItemOr404(db, code);
  if (!canEditItem(actor, item.department_code, org) && !canPublishItem(actor, item.department_code, org)) {
    throw new AppError('service_not_found', { code });
  }
  return item;
}

export async function createItem(db: Db, org: OrgDirectory, actor: Actor, code: string, content: ServiceItemContent, lang: 'zh-CN' | 'en') {
  checkReferences(content, org, lang);
  if (!canEditItem(actor, content.department, org)) throw new AppError('forbidden');
  return db.transaction().execute(async (trx) => {
    if (await findItem(trx, code)) throw new AppError('code_taken', { code });
    const now = nowIso();
    const itemId = newId();
    await trx.insertInto('service_item').values({
      id: itemId, code, department_code: content.department, popularity: 0, retired: 0, retired_at: null,
      published_version: null, draft_version: 1, created_at: now, updated_at: now,
    }).execute();
    await trx.insertInto('service_item_version').values({
      id: newId(), item_id: itemId, version: 1, state: 'draft', content: JSON.stringify(content), created_at: now,
      created_by: actor.id, submitted_at: null, submitted_by: null, decided_at: null, decided_by: null, comment: null,
    }).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'service.create', entity: 'service_item', entityId: code, detail: { version: 1 } });
    return { code, version: 1, state: 'draft' as const };
  });
}

export async function saveDraft(db: Db, org: OrgDirectory, actor: Actor, code: string, content: ServiceItemContent, lang: 'zh-CN' | 'en') {
  return db.transaction().execute(async (trx) => {
    const item = await loadEditable(trx, org, actor, code);
    if (!canEditItem(actor, item.department_code, org)) throw new AppError('forbidden');
    checkReferences(content, org, lang);
    // Moving an item to another department needs rights there too.
    if (!canEditItem(actor, content.department, org)) throw new AppError('forbidden');
    const now = nowIso();
    if (item.draft_version !== null) {
      const draft = await findVersion(trx, item.id, item.draft_version);
      if (draft?.state !== 'draft') throw new AppError('wrong_state', { state: draft?.state ?? '' });
      await trx.updateTable('service_item_version').set({ content: JSON.stringify(content), created_at: now, created_by: actor.id })
        .where('id', '=', draft.id).where('state', '=', 'draft').execute();
      await trx.updateTable('service_item').set({ updated_at: now }).where('id', '=', item.id).execute();
      await recordAudit(trx, { actorId: actor.id, action: 'service.save_draft', entity: 'service_item', entityId: code, detail: { version: draft.version } });
      return { version: draft.version, state: 'draft' as const };
    }
    const version = (await latestVersionNumber(trx, item.id)) + 1;
    await trx.insertInto('service_item_version').values({
      id: newId(), item_id: item.id, version, state: 'draft', content: JSON.stringify(content), created_at: now,
      created_by: actor.id, submitted_at: null, submitted_by: null, decided_at: null, decided_by: null, comment: null,
    }).execute();
    // The guard on draft_version makes two simultaneous first saves end in one draft and one 409.
    const res = await trx.updateTable('service_item').set({ draft_version: version, updated_at: now })
      .where('id', '=', item.id).where('draft_version', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict');
    await recordAudit(trx, { actorId: actor.id, action: 'service.save_draft', entity: 'service_item', entityId: code, detail: { version } });
    return { version, state: 'draft' as const };
  });
}

/** Move the draft from one state to another, guarded so a concurrent action gets a 409. */
async function transition(trx: Db, itemId: string, version: number, from: string, set: Record<string, unknown>) {
  const res = await trx.updateTable('service_item_version').set(set)
    .where('item_id', '=', itemId).where('version', '=', version).where('state', '=', from).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict');
}

async function currentDraft(trx: Db, item: { id: string; draft_version: number | null }) {
  if (item.draft_version === null) throw new AppError('nothing_to_review');
  const draft = await findVersion(trx, item.id, item.draft_version);
  if (!draft) throw new AppError('nothing_to_review');
  return draft;
}

export async function submitDraft(db: Db, org: OrgDirectory, actor: Actor, code: string) {
  return db.transaction().execute(async (trx) => {
    const item = await loadEditable(trx, org, actor, code);
    if (!canEditItem(actor, item.department_code, org)) throw new AppError('forbidden');
    const draft = await currentDraft(trx, item);
    if (draft.state !== 'draft') throw new AppError('wrong_state', { state: draft.state });
    await transition(trx, item.id, draft.version, 'draft', { state: 'in_review', submitted_at: nowIso(), submitted_by: actor.id });
    await recordAudit(trx, { actorId: actor.id, action: 'service.submit', entity: 'service_item', entityId: code, detail: { version: draft.version } });
    return { version: draft.version, state: 'in_review' as const };
  });
}

export async function publishDraft(db: Db, org: OrgDirectory, actor: Actor, code: string, comment: string | null) {
  const out = await db.transaction().execute(async (trx) => {
    const item = await loadEditable(trx, org, actor, code);
    if (!canPublishItem(actor, item.department_code, org)) throw new AppError('forbidden');
    const draft = await currentDraft(trx, item);
    if (draft.state !== 'in_review') throw new AppError('wrong_state', { state: draft.state });
    const content = JSON.parse(draft.content) as ServiceItemContent;
    const now = nowIso();
    await transition(trx, item.id, draft.version, 'in_review', { state: 'published', decided_at: now, decided_by: actor.id, comment });
    if (item.published_version !== null) {
      await trx.updateTable('service_item_version').set({ state: 'superseded' })
        .where('item_id', '=', item.id).where('version', '=', item.published_version).execute();
    }
    await trx.updateTable('service_item').set({
      published_version: draft.version, draft_version: null, department_code: content.department,
      retired: 0, retired_at: null, updated_at: now,
    }).where('id', '=', item.id).execute();
    await bumpCatalogRevision(trx);
    await recordAudit(trx, { actorId: actor.id, action: 'service.publish', entity: 'service_item', entityId: code, detail: { version: draft.version, comment } });
    return { version: draft.version, state: 'published' as const };
  });
  return out;
}

export async function rejectDraft(db: Db, org: OrgDirectory, actor: Actor, code: string, comment: string) {
  return db.transaction().execute(async (trx) => {
    const item = await loadEditable(trx, org, actor, code);
    if (!canPublishItem(actor, item.department_code, org)) throw new AppError('forbidden');
    const draft = await currentDraft(trx, item);
    if (draft.state !== 'in_review') throw new AppError('wrong_state', { state: draft.state });
    await transition(trx, item.id, draft.version, 'in_review', { state: 'draft', decided_at: nowIso(), decided_by: actor.id, comment });
    await recordAudit(trx, { actorId: actor.id, action: 'service.reject', entity: 'service_item', entityId: code, detail: { version: draft.version, comment } });
    return { version: draft.version, state: 'draft' as const };
  });
}

export async function retireItem(db: Db, org: OrgDirectory, actor: Actor, code: string, reason: string) {
  return db.transaction().execute(async (trx) => {
    const item = await loadEditable(trx, org, actor, code);
    if (!canPublishItem(actor, item.department_code, org)) throw new AppError('forbidden');
    if (item.retired) throw new AppError('wrong_state', { state: 'retired' });
    const now = nowIso();
    await trx.updateTable('service_item').set({ retired: 1, retired_at: now, updated_at: now }).where('id', '=', item.id).execute();
    if (item.published_version !== null) {
      await trx.updateTable('service_item_version').set({ state: 'retired', comment: reason, decided_at: now, decided_by: actor.id })
        .where('item_id', '=', item.id).where('version', '=', item.published_version).execute();
    }
    await bumpCatalogRevision(trx);
    await recordAudit(trx, { actorId: actor.id, action: 'service.retire', entity: 'service_item', entityId: code, detail: { reason } });
    return { retired: true };
  });
}

export async function getVersion(db: Db, org: OrgDirectory, actor: Actor, code: string, version: number) {
  const item = await loadEditable(db, org, actor, code);
  const v = await findVersion(db, item.id, version);
  if (!v) throw new AppError('not_found');
  return { version: v.version, state: v.state, content: JSON.parse(v.content) as ServiceItemContent };
}

export async function diffVersions(db: Db, org: OrgDirectory, actor: Actor, code: string, from: number, to: number) {
  const [a, b] = await Promise.all([getVersion(db, org, actor, code, from), getVersion(db, org, actor, code, to)]);
  return { from, to, changes: diffContent(a.content, b.content) };
}

export { loadEditable };
