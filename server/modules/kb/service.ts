// The knowledge base's rules: FAQ drafts, review, publication, retirement; notices; feedback and the
// search backlog. State changes are guarded updates (`WHERE state = …`): of two people acting at once,
// one succeeds and one gets a 409. Every change appends its audit row in the same transaction, and a
// change to what the public sees bumps the `kb` revision so every process rebuilds its search index.
import { inTransaction, type Db } from '../../db/index.ts';
import type { BacklogReason, BacklogResolution, FaqContent, NoticeContent } from '../../../common/kb.ts';
import type { Lang } from '../../../common/problems.ts';
import { newId, nowIso } from '../../clock.ts';
import { AppError, type FieldProblem } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { OrgDirectory } from '../org/directory.ts';
import { normalizeQuery } from '../search/tokenize.ts';
import { canEditFaq, canManageNotices, canPublishFaq, canSeeAdminKb } from './policy.ts';
import * as repo from './repo.ts';

/** Backlog queries are stored normalized and cut to this many characters. */
export const BACKLOG_QUERY_CHARS = 100;

// ---- public side ----

/** A published FAQ for its answer page; counts the view. Anything else is a 404. */
export async function openFaq(db: Db, id: string) {
  const faq = await repo.findFaq(db, id);
  if (!faq || faq.state !== 'published') throw new AppError('faq_not_found', { id });
  await repo.countView(db, id);
  return faq;
}

/** "Was this helpful?" — a "no" also lands the question in the backlog, so editors see which answers fail. */
export async function recordHelpful(db: Db, id: string, helpful: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.countHelpful(trx, id, helpful))) throw new AppError('faq_not_found', { id });
    if (!helpful) {
      const faq = (await repo.findFaq(trx, id))!;
      await repo.upsertBacklog(trx, { query: backlogQuery(faq.question_zh), reason: 'not_helpful', faqId: id, now: nowIso() });
    }
  });
}

/** Counts a query the search could not serve (no result, or nothing opened); empty queries are ignored. */
export async function recordSearchMiss(db: Db, q: string | undefined, reason: BacklogReason): Promise<void> {
  const query = backlogQuery(q ?? '');
  if (!query) return;
  await repo.upsertBacklog(db, { query, reason, faqId: null, now: nowIso() });
}

function backlogQuery(q: string): string {
  return Array.from(normalizeQuery(q)).slice(0, BACKLOG_QUERY_CHARS).join('');
}

// ---- FAQ administration ----

async function checkContent(db: Db, c: FaqContent, lang: Lang): Promise<string | null> {
  const problems: FieldProblem[] = [];
  const say = (path: string, zh: string, en: string) => problems.push({ path, message: lang === 'en' ? en : zh });
  if (!(await db.selectFrom('kb_category').select('code').where('code', '=', c.category).executeTakeFirst())) {
    say('/content/category', `分类“${c.category}”不存在`, `category "${c.category}" does not exist`);
  }
  let owner: string | null = null;
  if (c.service !== null) {
    owner = (await repo.serviceDepartment(db, c.service)) ?? null;
    if (owner === null) say('/content/service', `事项“${c.service}”不存在`, `service "${c.service}" does not exist`);
  }
  if (problems.length) throw new AppError('validation_failed', {}, problems);
  return owner;
}

function contentColumns(c: FaqContent, owner: string | null) {
  return {
    category_code: c.category, question_zh: c.question, answer_zh: c.answer,
    question_en: c.en?.question ?? null, answer_en: c.en?.answer ?? null,
    aliases: JSON.stringify(uniqueAliases(c.aliases)), service_code: c.service, owner_department: owner,
  };
}

function uniqueAliases(aliases: string[]): string[] {
  return [...new Set(aliases.map((a) => a.trim()).filter(Boolean))];
}

/** A FAQ the actor may edit or publish; any other (or a missing one) is a 404, not a 403. */
export async function loadManageable(db: Db, org: OrgDirectory, actor: Actor, id: string) {
  const faq = await repo.findFaq(db, id);
  if (!faq || (!canEditFaq(actor, faq.owner_department, org) && !canPublishFaq(actor, faq.owner_department, org))) {
    throw new AppError('faq_not_found', { id });
  }
  return faq;
}

export async function createFaq(db: Db, org: OrgDirectory, actor: Actor, id: string, content: FaqContent, lang: Lang) {
  return inTransaction(db, async (trx) => {
    const owner = await checkContent(trx, content, lang);
    if (!canEditFaq(actor, owner, org)) throw new AppError('forbidden');
    if (await repo.findFaq(trx, id)) throw new AppError('faq_id_taken', { id });
    const now = nowIso();
    await trx.insertInto('faq').values({
      id, ...contentColumns(content, owner), state: 'draft', views: 0, helpful_yes: 0, helpful_no: 0,
      created_at: now, updated_at: now, published_at: null, updated_by: actor.id,
    }).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'faq.create', entity: 'faq', entityId: id, detail: { owner } });
    return { id, state: 'draft' as const };
  });
}

/**
 * Saves new content. FAQs have no versions: an edit of a published (or in-review, or retired) FAQ takes it
 * back to draft, and it is off the portal until reviewed and published again.
 */
export async function saveFaq(db: Db, org: OrgDirectory, actor: Actor, id: string, content: FaqContent, lang: Lang) {
  return db.transaction().execute(async (trx) => {
    const faq = await loadManageable(trx, org, actor, id);
    if (!canEditFaq(actor, faq.owner_department, org)) throw new AppError('forbidden');
    const owner = await checkContent(trx, content, lang);
    // moving a FAQ to another department's service needs rights there too
    if (!canEditFaq(actor, owner, org)) throw new AppError('forbidden');
    const res = await trx.updateTable('faq').set({ ...contentColumns(content, owner), state: 'draft', updated_at: nowIso(), updated_by: actor.id })
      .where('id', '=', id).where('state', '=', faq.state).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict');
    if (faq.state === 'published') await repo.bumpKbRevision(trx);
    await recordAudit(trx, { actorId: actor.id, action: 'faq.save', entity: 'faq', entityId: id, detail: { from: faq.state } });
    return { id, state: 'draft' as const };
  });
}

type Move = { action: string; from: string; to: string; who: 'edit' | 'publish' };
const MOVES = {
  submit: { action: 'faq.submit', from: 'draft', to: 'in_review', who: 'edit' },
  publish: { action: 'faq.publish', from: 'in_review', to: 'published', who: 'publish' },
  reject: { action: 'faq.reject', from: 'in_review', to: 'draft', who: 'publish' },
  retire: { action: 'faq.retire', from: 'published', to: 'retired', who: 'publish' },
} satisfies Record<string, Move>;

/** One step of the review: submit (editor), publish / reject / retire (hall manager). */
export async function moveFaq(db: Db, org: OrgDirectory, actor: Actor, id: string, step: keyof typeof MOVES, comment: string | null = null) {
  const m: Move = MOVES[step];
  return db.transaction().execute(async (trx) => {
    const faq = await loadManageable(trx, org, actor, id);
    const allowed = m.who === 'edit' ? canEditFaq(actor, faq.owner_department, org) : canPublishFaq(actor, faq.owner_department, org);
    if (!allowed) throw new AppError('forbidden');
    if (faq.state !== m.from) throw new AppError('faq_wrong_state', { state: faq.state });
    const now = nowIso();
    const res = await trx.updateTable('faq')
      .set({ state: m.to, updated_at: now, updated_by: actor.id, ...(m.to === 'published' ? { published_at: now } : {}) })
      .where('id', '=', id).where('state', '=', m.from).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict');
    if (m.from === 'published' || m.to === 'published') await repo.bumpKbRevision(trx);
    await recordAudit(trx, { actorId: actor.id, action: m.action, entity: 'faq', entityId: id, detail: comment ? { comment } : {} });
    return { id, state: m.to };
  });
}

// ---- search backlog ----

export async function resolveBacklog(db: Db, org: OrgDirectory, actor: Actor, backlogId: string, r: BacklogResolution, lang: Lang) {
  if (!canSeeAdminKb(actor)) throw new AppError('forbidden');
  return db.transaction().execute(async (trx) => {
    const entry = await repo.findBacklog(trx, backlogId);
    if (!entry) throw new AppError('not_found');
    if (entry.status !== 'open') throw new AppError('backlog_closed');
    let resolution: Record<string, string>;
    if (r.action === 'new_faq') {
      await createFaq(trx, org, actor, r.id, r.content, lang);
      resolution = { action: 'new_faq', faq: r.id };
    } else if (r.action === 'alias') {
      const faq = await loadManageable(trx, org, actor, r.faq);
      if (!canEditFaq(actor, faq.owner_department, org)) throw new AppError('forbidden');
      const alias = (r.alias ?? entry.query).trim();
      const aliases = uniqueAliases([...(JSON.parse(faq.aliases) as string[]), alias]);
      const res = await trx.updateTable('faq').set({ aliases: JSON.stringify(aliases), updated_at: nowIso(), updated_by: actor.id })
        .where('id', '=', faq.id).where('state', '=', faq.state).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict');
      // an alias is a small, reviewed-by-use change: a published FAQ stays published and is found by it at once
      if (faq.state === 'published') await repo.bumpKbRevision(trx);
      await recordAudit(trx, { actorId: actor.id, action: 'faq.add_alias', entity: 'faq', entityId: faq.id, detail: { alias } });
      resolution = { action: 'alias', faq: faq.id, alias };
    } else {
      resolution = { action: 'dismiss' };
    }
    const res = await trx.updateTable('search_backlog')
      .set({ status: 'done', resolution: JSON.stringify(resolution), resolved_at: nowIso(), resolved_by: actor.id })
      .where('id', '=', backlogId).where('status', '=', 'open').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('backlog_closed');
    await recordAudit(trx, { actorId: actor.id, action: 'search_backlog.resolve', entity: 'search_backlog', entityId: backlogId, detail: resolution });
    return { id: backlogId, status: 'done' as const, resolution };
  });
}

// ---- notices ----

function noticeColumns(c: NoticeContent, lang: Lang) {
  const from = new Date(c.publishFrom).toISOString();
  const until = c.publishUntil === null ? null : new Date(c.publishUntil).toISOString();
  if (until !== null && until <= from) {
    throw new AppError('validation_failed', {}, [{ path: '/content/publishUntil', message: lang === 'en' ? 'must be after publishFrom' : '结束时间须晚于开始时间' }]);
  }
  return {
    title_zh: c.title.zh, title_en: c.title.en, body_zh: c.body.zh, body_en: c.body.en,
    audiences: JSON.stringify(c.audiences), publish_from: from, publish_until: until,
  };
}

function requireNoticeManager(actor: Actor, org: OrgDirectory) {
  if (!canManageNotices(actor, org)) throw new AppError('forbidden');
}

export async function createNotice(db: Db, org: OrgDirectory, actor: Actor, c: NoticeContent, lang: Lang) {
  requireNoticeManager(actor, org);
  const cols = noticeColumns(c, lang);
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const now = nowIso();
    await trx.insertInto('notice').values({ id, ...cols, state: 'draft', created_at: now, updated_at: now, updated_by: actor.id }).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'notice.create', entity: 'notice', entityId: id });
    return { id, state: 'draft' as const };
  });
}

export async function saveNotice(db: Db, org: OrgDirectory, actor: Actor, id: string, c: NoticeContent, lang: Lang) {
  requireNoticeManager(actor, org);
  const cols = noticeColumns(c, lang);
  return db.transaction().execute(async (trx) => {
    const n = await repo.findNotice(trx, id);
    if (!n) throw new AppError('notice_not_found');
    await trx.updateTable('notice').set({ ...cols, updated_at: nowIso(), updated_by: actor.id }).where('id', '=', id).execute();
    if (n.state === 'published') await repo.bumpKbRevision(trx);
    await recordAudit(trx, { actorId: actor.id, action: 'notice.save', entity: 'notice', entityId: id });
    return { id, state: n.state };
  });
}

export async function moveNotice(db: Db, org: OrgDirectory, actor: Actor, id: string, step: 'publish' | 'retire') {
  requireNoticeManager(actor, org);
  const [from, to] = step === 'publish' ? ['draft', 'published'] : ['published', 'retired'];
  return db.transaction().execute(async (trx) => {
    const n = await repo.findNotice(trx, id);
    if (!n) throw new AppError('notice_not_found');
    if (n.state !== from) throw new AppError('wrong_state', { state: n.state });
    const res = await trx.updateTable('notice').set({ state: to, updated_at: nowIso(), updated_by: actor.id })
      .where('id', '=', id).where('state', '=', from).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('conflict');
    await repo.bumpKbRevision(trx);
    await recordAudit(trx, { actorId: actor.id, action: `notice.${step}`, entity: 'notice', entityId: id });
    return { id, state: to };
  });
}

/** Only drafts are deleted; a notice that was public is retired instead, so its history stays. */
export async function deleteNotice(db: Db, org: OrgDirectory, actor: Actor, id: string) {
  requireNoticeManager(actor, org);
  return db.transaction().execute(async (trx) => {
    const n = await repo.findNotice(trx, id);
    if (!n) throw new AppError('notice_not_found');
    const res = await trx.deleteFrom('notice').where('id', '=', id).where('state', '=', 'draft').executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) throw new AppError('wrong_state', { state: n.state });
    await recordAudit(trx, { actorId: actor.id, action: 'notice.delete', entity: 'notice', entityId: id });
  });
}
