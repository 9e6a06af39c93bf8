// Route guards, administration side: the checks the module tests did not already make, for every route
// that needs a login — nobody signed in (401), bad input (400), someone else's record or the wrong role
// (404/403) — and a refused write changes nothing. The rest are in the module tests (see route-guards.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../test/harness.ts';

const FAQ_ID = 'guard-fin-001';
const FAQ = { category: 'finance', question: '差旅报销要附发票原件吗？', answer: '需要附发票原件。', aliases: [], service: 'travel-reimbursement', en: null };

describe.each(DIALECTS)('route guards, administration, on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['manager', 'hradmin', 'finadmin', 'teacher']) s[u] = await t.login(u);
    // a published FAQ of the finance department, whatever the demo content is today
    await db().insertInto('faq').values({
      id: FAQ_ID, category_code: 'finance', question_zh: FAQ.question, answer_zh: FAQ.answer, question_en: null, answer_en: null,
      aliases: '[]', service_code: 'travel-reimbursement', owner_department: 'finance', state: 'published', views: 0, helpful_yes: 0, helpful_no: 0,
      created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z', published_at: '2026-01-01T00:00:00.000Z', updated_by: null,
    }).execute();
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const db = () => t.db.handle.db;
  const req = (method: string, url: string, as?: Session, body?: unknown) => t.request({ method, url, as, body });
  const faqRow = () => db().selectFrom('faq').select(['state', 'question_zh', 'updated_at']).where('id', '=', FAQ_ID).executeTakeFirstOrThrow();

  it('FAQ administration: list, read, save, and the four moves', async () => {
    const before = await faqRow();
    // GET /api/v1/admin/kb/faqs
    expectProblem(await req('GET', '/api/v1/admin/kb/faqs'), 401, 'unauthenticated');
    expectProblem(await req('GET', '/api/v1/admin/kb/faqs?state=bogus', s.finadmin), 400, 'validation_failed');
    const hrList = (await req('GET', '/api/v1/admin/kb/faqs', s.hradmin)).json().items as Array<{ id: string }>;
    expect(hrList.map((f) => f.id)).not.toContain(FAQ_ID);
    expect(((await req('GET', '/api/v1/admin/kb/faqs', s.finadmin)).json().items as Array<{ id: string }>).map((f) => f.id)).toContain(FAQ_ID);

    // GET /api/v1/admin/kb/faqs/:id
    const url = `/api/v1/admin/kb/faqs/${FAQ_ID}`;
    expectProblem(await req('GET', url), 401, 'unauthenticated');
    expectProblem(await req('GET', '/api/v1/admin/kb/faqs/bad%23id', s.finadmin), 400, 'validation_failed');
    expectProblem(await req('GET', url, s.hradmin), 404, 'faq_not_found');
    expectProblem(await req('GET', url, s.teacher), 404, 'faq_not_found');
    expect((await req('GET', url, s.finadmin)).statusCode).toBe(200);

    // PUT /api/v1/admin/kb/faqs/:id
    const changed = { content: { ...FAQ, question: '被改掉的问题？' } };
    expectProblem(await req('PUT', url, undefined, changed), 401, 'unauthenticated');
    expectProblem(await req('PUT', url, s.finadmin, { content: { question: 'x' } }), 400, 'validation_failed');
    expectProblem(await req('PUT', url, s.finadmin, { ...changed, extra: 1 }), 400, 'validation_failed');
    expectProblem(await req('PUT', url, s.hradmin, changed), 404, 'faq_not_found');
    expectProblem(await req('PUT', url, s.teacher, changed), 404, 'faq_not_found');

    // POST /api/v1/admin/kb/faqs/:id/{submit,publish,reject,retire}
    for (const step of ['submit', 'publish', 'reject', 'retire']) {
      expectProblem(await req('POST', `${url}/${step}`, undefined, {}), 401, 'unauthenticated');
      expectProblem(await req('POST', `${url}/${step}`, s.manager, { comment: '' }), 400, 'validation_failed');
      expectProblem(await req('POST', `${url}/${step}`, s.manager, { why: 'x' }), 400, 'validation_failed');
      expectProblem(await req('POST', `/api/v1/admin/kb/faqs/bad%23id/${step}`, s.manager, {}), 400, 'validation_failed');
      expectProblem(await req('POST', `${url}/${step}`, s.hradmin, {}), 404, 'faq_not_found');
      expectProblem(await req('POST', `${url}/${step}`, s.teacher, {}), 404, 'faq_not_found');
    }
    // Nothing above changed the FAQ: still published, same question, same time stamp.
    expect(await faqRow()).toEqual(before);
    expect(before.state).toBe('published');
  });

  it('FAQ backlog resolution', async () => {
    // a query nobody opened a result for lands in the backlog
    expect((await req('POST', '/api/v1/search/feedback', undefined, { query: '守卫测试无人点开的查询', opened: false })).statusCode).toBe(204);
    const entry = ((await req('GET', '/api/v1/admin/kb/backlog', s.manager)).json().items as Array<{ id: string; query: string }>)
      .find((e) => e.query === '守卫测试无人点开的查询')!;
    expect(entry).toBeDefined();
    const url = `/api/v1/admin/kb/backlog/${entry.id}/resolve`;
    expectProblem(await req('POST', url, undefined, { action: 'dismiss' }), 401, 'unauthenticated');
    expectProblem(await req('POST', url, s.manager, { action: 'forget' }), 400, 'validation_failed');
    expectProblem(await req('POST', '/api/v1/admin/kb/backlog/not-a-uuid/resolve', s.manager, { action: 'dismiss' }), 400, 'validation_failed');
    expectProblem(await req('POST', url, s.teacher, { action: 'dismiss' }), 403, 'forbidden');
    // an alias on another department's FAQ is someone else's record
    expectProblem(await req('POST', url, s.hradmin, { action: 'alias', faq: FAQ_ID }), 404, 'faq_not_found');
    const still = (await req('GET', '/api/v1/admin/kb/backlog', s.manager)).json().items as Array<{ id: string }>;
    expect(still.map((e) => e.id)).toContain(entry.id);
    expect((await db().selectFrom('faq').select('aliases').where('id', '=', FAQ_ID).executeTakeFirstOrThrow()).aliases).toBe('[]');
  });

  it('notices: list, edit, publish, retire, delete', async () => {
    const now = Date.now();
    const content = (title: string) => ({
      title: { zh: title, en: 'Guard notice' }, body: { zh: `${title}正文。`, en: 'Body.' }, audiences: [],
      publishFrom: new Date(now).toISOString(), publishUntil: null,
    });
    const created = await req('POST', '/api/v1/admin/notices', s.manager, { content: content('守卫测试通知') });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const read = async () => ((await req('GET', '/api/v1/admin/notices', s.manager)).json().items as Array<{ id: string; state: string; title: { zh: string } }>)
      .find((n) => n.id === id);
    const before = await read();
    expect(before).toMatchObject({ state: 'draft', title: { zh: '守卫测试通知' } });

    // GET /api/v1/admin/notices
    expectProblem(await req('GET', '/api/v1/admin/notices'), 401, 'unauthenticated');
    expectProblem(await req('GET', '/api/v1/admin/notices?colour=red', s.manager), 400, 'validation_failed');
    expectProblem(await req('GET', '/api/v1/admin/notices', s.teacher), 403, 'forbidden');
    expectProblem(await req('GET', '/api/v1/admin/notices', s.finadmin), 403, 'forbidden');

    // PUT /api/v1/admin/notices/:id
    const url = `/api/v1/admin/notices/${id}`;
    expectProblem(await req('PUT', url, undefined, { content: content('改掉') }), 401, 'unauthenticated');
    expectProblem(await req('PUT', url, s.manager, { content: { title: 'x' } }), 400, 'validation_failed');
    expectProblem(await req('PUT', '/api/v1/admin/notices/not-a-uuid', s.manager, { content: content('改掉') }), 400, 'validation_failed');
    expectProblem(await req('PUT', url, s.finadmin, { content: content('改掉') }), 403, 'forbidden');
    expectProblem(await req('PUT', url, s.teacher, { content: content('改掉') }), 403, 'forbidden');

    // POST /api/v1/admin/notices/:id/{publish,retire}
    for (const step of ['publish', 'retire']) {
      expectProblem(await req('POST', `${url}/${step}`, undefined, {}), 401, 'unauthenticated');
      expectProblem(await req('POST', `/api/v1/admin/notices/not-a-uuid/${step}`, s.manager, {}), 400, 'validation_failed');
      expectProblem(await req('POST', `${url}/${step}`, s.finadmin, {}), 403, 'forbidden');
    }

    // DELETE /api/v1/admin/notices/:id
    expectProblem(await req('DELETE', url), 401, 'unauthenticated');
    expectProblem(await req('DELETE', '/api/v1/admin/notices/not-a-uuid', s.manager), 400, 'validation_failed');
    expectProblem(await req('DELETE', url, s.teacher), 403, 'forbidden');

    expect(await read()).toEqual(before);
  });

  it('synonyms, navigator trees, service processes and the catalog export', async () => {
    // GET/DELETE /api/v1/admin/search/synonyms[/:phrase]
    const syn = '/api/v1/admin/search/synonyms';
    expectProblem(await req('GET', `${syn}?colour=red`, s.manager), 400, 'validation_failed');
    expect((await req('PUT', `${syn}/${encodeURIComponent('守卫词')}`, s.manager, { means: ['校园卡'] })).statusCode).toBe(200);
    const entries = async () => ((await req('GET', syn, s.manager)).json().items as Array<{ phrase: string; means: string[] }>).find((e) => e.phrase === '守卫词');
    expectProblem(await req('DELETE', `${syn}/${encodeURIComponent('守卫词')}`), 401, 'unauthenticated');
    expectProblem(await req('DELETE', `${syn}/${'x'.repeat(21)}`, s.manager), 400, 'validation_failed');
    expectProblem(await req('DELETE', `${syn}/${encodeURIComponent('守卫词')}`, s.hradmin), 403, 'forbidden');
    expect(await entries()).toMatchObject({ phrase: '守卫词', means: ['校园卡'] });

    // GET /api/v1/admin/navigator
    expectProblem(await req('GET', '/api/v1/admin/navigator?colour=red', s.manager), 400, 'validation_failed');

    // GET /api/v1/admin/services/:code/process and .../process/diff (staff-leaving belongs to HR)
    const path = '/api/v1/admin/services/staff-leaving/process';
    expectProblem(await req('GET', '/api/v1/admin/services/bad%20code/process', s.hradmin), 400, 'validation_failed');
    const cur = (await req('GET', path, s.hradmin)).json().current;
    const v = cur.form.version as number;
    expectProblem(await req('GET', `${path}/diff?kind=form&from=${v}&to=${v}`), 401, 'unauthenticated');
    expectProblem(await req('GET', `${path}/diff?kind=shape&from=${v}&to=${v}`, s.hradmin), 400, 'validation_failed');
    expectProblem(await req('GET', `${path}/diff?kind=form&from=${v}&to=${v}`, s.teacher), 404, 'service_not_found');
    // a refused publish by another department left the versions alone
    expectProblem(await req('PUT', `${path}`, s.finadmin, { form: cur.form.definition, process: cur.process.definition }), 404, 'service_not_found');
    const after = (await req('GET', path, s.hradmin)).json().current;
    expect([after.form.version, after.process.version]).toEqual([cur.form.version, cur.process.version]);

    // GET /api/v1/admin/catalog/export
    expectProblem(await req('GET', '/api/v1/admin/catalog/export'), 401, 'unauthenticated');
    expectProblem(await req('GET', '/api/v1/admin/catalog/export', s.teacher), 403, 'forbidden');
  });
});
