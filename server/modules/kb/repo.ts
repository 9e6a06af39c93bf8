// Knowledge-base queries. The scope of a department admin goes into the WHERE clause (owner_department).
import type { Db } from '../../db/index.ts';
import type { BacklogReason } from '../../../common/kb.ts';
import { newId } from '../../clock.ts';

export function findFaq(db: Db, id: string) {
  return db.selectFrom('faq').selectAll().where('id', '=', id).executeTakeFirst();
}
export type FaqRow = NonNullable<Awaited<ReturnType<typeof findFaq>>>;

export function listCategories(db: Db) {
  return db.selectFrom('kb_category').selectAll().orderBy('sort').orderBy('code').execute();
}

/** Published FAQs per category (for the public list), with the total count. */
export async function listPublishedFaqs(db: Db, opts: { category?: string; offset: number; limit: number }) {
  let q = db.selectFrom('faq').where('state', '=', 'published');
  if (opts.category) q = q.where('category_code', '=', opts.category);
  const [rows, total] = await Promise.all([
    q.select(['id', 'category_code', 'question_zh', 'question_en', 'service_code', 'views', 'helpful_yes'])
      .orderBy('views', 'desc').orderBy('id').offset(opts.offset).limit(opts.limit).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every published FAQ (the search feed). */
export function allPublishedFaqs(db: Db) {
  return db.selectFrom('faq').selectAll().where('state', '=', 'published').orderBy('id').execute();
}

/** Whose FAQs a person manages: owners within `departments` (null = all) and, with `withUnowned`, the school-wide ones. */
export interface FaqScope { departments: string[] | null; withUnowned: boolean }

/** The FAQ query narrowed to a scope; null when the scope holds nothing. */
function inScope(db: Db, scope: FaqScope) {
  const q = db.selectFrom('faq');
  const depts = scope.departments;
  if (!depts) return q;
  if (depts.length === 0 && !scope.withUnowned) return null;
  return q.where((eb) => eb.or([
    ...(depts.length ? [eb('owner_department', 'in', depts)] : []),
    ...(scope.withUnowned ? [eb('owner_department', 'is', null)] : []),
  ]));
}

/** FAQs for the admin list within a scope, newest change first, at most 1000. */
export function listFaqsForAdmin(db: Db, opts: FaqScope & { state?: string; category?: string }) {
  let q = inScope(db, opts);
  if (!q) return Promise.resolve([]);
  if (opts.state) q = q.where('state', '=', opts.state);
  if (opts.category) q = q.where('category_code', '=', opts.category);
  return q.select(['id', 'category_code', 'question_zh', 'question_en', 'service_code', 'owner_department', 'state',
    'views', 'helpful_yes', 'helpful_no', 'updated_at']).orderBy('updated_at', 'desc').orderBy('id').limit(1000).execute();
}

/** Every FAQ that is not retired within a scope (all when none is given), by id: what an export holds. */
export function liveFaqsInScope(db: Db, scope?: FaqScope) {
  const q = inScope(db, scope ?? { departments: null, withUnowned: true });
  if (!q) return Promise.resolve([]);
  return q.selectAll().where('state', '!=', 'retired').orderBy('id').execute();
}

/** The department of a live service item, or undefined when there is no such item. */
export async function serviceDepartment(db: Db, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('service_item').select('department_code').where('code', '=', code).where('retired', '=', 0).executeTakeFirst();
  return row?.department_code;
}

export async function countView(db: Db, id: string): Promise<void> {
  await db.updateTable('faq').set((eb) => ({ views: eb('views', '+', 1) })).where('id', '=', id).where('state', '=', 'published').execute();
}

export async function countHelpful(db: Db, id: string, helpful: boolean): Promise<boolean> {
  const res = await db.updateTable('faq')
    .set((eb) => (helpful ? { helpful_yes: eb('helpful_yes', '+', 1) } : { helpful_no: eb('helpful_no', '+', 1) }))
    .where('id', '=', id).where('state', '=', 'published').executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Notices shown now: published, inside their window. */
export function currentNotices(db: Db, now: string) {
  return db.selectFrom('notice').selectAll().where('state', '=', 'published').where('publish_from', '<=', now)
    .where((eb) => eb.or([eb('publish_until', 'is', null), eb('publish_until', '>', now)]))
    .orderBy('publish_from', 'desc').execute();
}

/** Published notices that are current or still to come (the search feed also needs the next change). */
export function liveNotices(db: Db, now: string) {
  return db.selectFrom('notice').selectAll().where('state', '=', 'published')
    .where((eb) => eb.or([eb('publish_until', 'is', null), eb('publish_until', '>', now)])).execute();
}

export function findNotice(db: Db, id: string) {
  return db.selectFrom('notice').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listNotices(db: Db) {
  return db.selectFrom('notice').selectAll().orderBy('publish_from', 'desc').limit(500).execute();
}

/**
 * Count one occurrence of a query the base could not answer: one row per (query, reason), counted up;
 * a row closed earlier is reopened.
 */
export async function upsertBacklog(db: Db, e: { query: string; reason: BacklogReason; faqId: string | null; now: string }): Promise<void> {
  await db.insertInto('search_backlog').values({
    id: newId(), query: e.query, reason: e.reason, faq_id: e.faqId, count: 1, first_seen: e.now, last_seen: e.now,
    status: 'open', resolution: null, resolved_at: null, resolved_by: null,
  }).onConflict((oc) => oc.columns(['query', 'reason']).doUpdateSet((eb) => ({
    count: eb('search_backlog.count', '+', 1), last_seen: e.now, status: 'open',
  }))).execute();
}

export function listBacklog(db: Db, status: 'open' | 'done') {
  return db.selectFrom('search_backlog').selectAll().where('status', '=', status)
    .orderBy('count', 'desc').orderBy('last_seen', 'desc').limit(500).execute();
}

export function findBacklog(db: Db, id: string) {
  return db.selectFrom('search_backlog').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Tell every process that the published knowledge base changed. */
export async function bumpKbRevision(db: Db): Promise<void> {
  await db.updateTable('revision').set((eb) => ({ revision: eb('revision', '+', 1) })).where('name', '=', 'kb').execute();
}

export async function kbRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('revision').select('revision').where('name', '=', 'kb').executeTakeFirst();
  return row?.revision ?? 0;
}

/**
 * Adds the categories that do not exist yet (the demo's); with `onlyIfNone`, only when there are no
 * categories at all (the default set of a fresh installation, never mixed into an existing one).
 */
export async function insertMissingKbCategories(db: Db, categories: { code: string; name: { zh: string; en: string }; sort: number }[], onlyIfNone = false): Promise<number> {
  const have = new Set((await db.selectFrom('kb_category').select('code').execute()).map((c) => c.code));
  if (onlyIfNone && have.size) return 0;
  const missing = categories.filter((c) => !have.has(c.code));
  for (const c of missing) {
    await db.insertInto('kb_category').values({ code: c.code, name_zh: c.name.zh, name_en: c.name.en, sort: c.sort }).execute();
  }
  return missing.length;
}
