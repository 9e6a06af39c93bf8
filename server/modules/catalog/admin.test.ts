import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { verifyAudit } from '../audit/service.ts';

describe.each(DIALECTS)('catalog administration on %s', (dialect) => {
  let t: TestApp;
  let hradmin: Session; let finadmin: Session; let manager: Session; let teacher: Session;
  let hrCode: string; let financeCode: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [hradmin, finadmin, manager, teacher] = await Promise.all(['hradmin', 'finadmin', 'manager', 'teacher'].map((u) => t.login(u)));
    hrCode = (await t.request({ method: 'GET', url: '/api/v1/services?department=hr' })).json().items[0].code;
    financeCode = (await t.request({ method: 'GET', url: '/api/v1/services?department=finance' })).json().items[0].code;
  });
  afterAll(async () => { await t?.close(); });

  const guide = async (code: string) => t.request({ method: 'GET', url: `/api/v1/services/${code}` });
  const admin = (method: string, path: string, as: Session, body?: unknown) =>
    t.request({ method, url: `/api/v1/admin/services${path}`, as, body });

  it('walks draft → review → publish, keeps the old version immutable, and shows history with a diff', async () => {
    const before = (await guide(hrCode)).json();
    const content = { ...before.content, name: { ...before.content.name, zh: `${before.content.name.zh}（新版）` }, cautions: [...before.content.cautions, { zh: '请提前一天预约。', en: 'Book one day ahead.' }] };

    const saved = await admin('PUT', `/${hrCode}/draft`, hradmin, { content });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ version: 2, state: 'draft' });
    // The public guide is unchanged until publication.
    expect((await guide(hrCode)).json().content.name.zh).toBe(before.content.name.zh);

    expect((await admin('POST', `/${hrCode}/submit`, hradmin)).json()).toEqual({ version: 2, state: 'in_review' });
    // In review, the draft is frozen.
    expectProblem(await admin('PUT', `/${hrCode}/draft`, hradmin, { content }), 409, 'wrong_state');
    // A department admin cannot publish.
    expectProblem(await admin('POST', `/${hrCode}/publish`, hradmin, {}), 403, 'forbidden');

    const pub = await admin('POST', `/${hrCode}/publish`, manager, { comment: '同意发布' });
    expect(pub.json()).toEqual({ version: 2, state: 'published' });
    const after = (await guide(hrCode)).json();
    expect(after.version).toBe(2);
    expect(after.content.name.zh).toBe(content.name.zh);

    // Publishing again is a conflict: nothing is in review.
    expectProblem(await admin('POST', `/${hrCode}/publish`, manager, {}), 409, 'nothing_to_review');

    const history = (await admin('GET', `/${hrCode}`, hradmin)).json();
    expect(history.versions.map((v: any) => [v.version, v.state])).toEqual([[2, 'published'], [1, 'superseded']]);
    expect(history.versions[0]).toMatchObject({ comment: '同意发布', decidedBy: expect.any(String) });
    const v1 = (await admin('GET', `/${hrCode}/versions/1`, hradmin)).json();
    expect(v1.content.name.zh).toBe(before.content.name.zh);

    const diff = (await admin('GET', `/${hrCode}/diff?from=1&to=2`, hradmin)).json();
    expect(diff.changes).toContainEqual({ path: 'name.zh', before: before.content.name.zh, after: content.name.zh });
    expect(diff.changes.some((c: any) => c.path.startsWith(`cautions[${before.content.cautions.length}]`))).toBe(true);
  });

  it('sends a version back with a comment, then retires the item keeping its history', async () => {
    const cur = (await guide(hrCode)).json();
    await admin('PUT', `/${hrCode}/draft`, hradmin, { content: { ...cur.content, summary: { zh: '改了简介', en: 'New summary' } } });
    await admin('POST', `/${hrCode}/submit`, hradmin);
    expectProblem(await admin('POST', `/${hrCode}/reject`, manager, {}), 400, 'validation_failed');
    expect((await admin('POST', `/${hrCode}/reject`, manager, { comment: '简介太短' })).json()).toEqual({ version: 3, state: 'draft' });

    const retired = await admin('POST', `/${hrCode}/retire`, manager, { reason: '业务已合并' });
    expect(retired.json()).toEqual({ retired: true });
    expectProblem(await guide(hrCode), 404, 'service_not_found');
    const list = (await t.request({ method: 'GET', url: '/api/v1/services?pageSize=100&department=hr' })).json();
    expect(list.items.map((i: any) => i.code)).not.toContain(hrCode);
    const history = (await admin('GET', `/${hrCode}`, manager)).json();
    expect(history.retired).toBe(true);
    expect(history.versions.map((v: any) => v.state)).toEqual(['draft', 'retired', 'superseded']);
    expectProblem(await admin('POST', `/${hrCode}/retire`, manager, { reason: 'again' }), 409, 'wrong_state');
  });

  it('keeps department admins to their own department: someone else\'s item is not found', async () => {
    const other = (await guide(financeCode)).json();
    expectProblem(await admin('PUT', `/${financeCode}/draft`, hradmin, { content: other.content }), 404, 'service_not_found');
    expectProblem(await admin('GET', `/${financeCode}`, hradmin), 404, 'service_not_found');
    expectProblem(await admin('GET', `/${financeCode}/diff?from=1&to=1`, hradmin), 404, 'service_not_found');
    // Moving one's own item into another department is refused too.
    const mine = (await admin('GET', `/${financeCode}`, finadmin)).json();
    expectProblem(await admin('PUT', `/${financeCode}/draft`, finadmin, { content: { ...mine.published.content, department: 'hr' } }), 403, 'forbidden');
    const list = (await admin('GET', '', hradmin)).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.map((i: any) => i.code)).not.toContain(financeCode);
    // An applicant has no admin side at all.
    expectProblem(await admin('GET', '', teacher), 403, 'forbidden');
  });

  it('creates a new item as a draft version 1, and refuses a taken code', async () => {
    const content = (await guide(financeCode)).json().content;
    const res = await admin('POST', '', finadmin, { code: 'finance-new-item', content: { ...content, name: { zh: '新事项', en: 'New item' } } });
    expect(res.statusCode, res.body).toBe(201);
    expectProblem(await admin('POST', '', finadmin, { code: 'finance-new-item', content }), 409, 'code_taken');
    expectProblem(await guide('finance-new-item'), 404, 'service_not_found');
    expectProblem(await admin('POST', '', hradmin, { code: 'hr-steals', content }), 403, 'forbidden');
  });

  it('refuses bad input with field errors and changes nothing', async () => {
    const content = (await guide(financeCode)).json().content;
    const cases: Array<[unknown, string]> = [
      [{ content: { ...content, name: { zh: '', en: 'x' } } }, '/content/name/zh'],
      [{ content: { ...content, visits: 3 } }, '/content/visits'],
      [{ content: { ...content, visits: '1' } }, '/content/visits'],
      [{ content: { ...content, extra: 1 } }, '/content/extra'],
      [{ content, sneaky: true }, '/sneaky'],
      [{ content: { ...content, department: 'nowhere' } }, '/content/department'],
      [{ content: { ...content, materials: [{ ...content.materials[0], source: 'magic' }] } }, '/content/materials/0/source'],
    ];
    for (const [body, path] of cases) {
      const p = expectProblem(await admin('PUT', `/${financeCode}/draft`, finadmin, body), 400, 'validation_failed');
      expect(p.errors?.map((e) => e.path), path).toContain(path);
    }
    const malformed = await t.request({ method: 'PUT', url: `/api/v1/admin/services/${financeCode}/draft`, as: finadmin, headers: { 'content-type': 'application/json' }, payload: '{"content":' });
    expectProblem(malformed, 400, 'bad_json');
    const huge = await t.request({ method: 'PUT', url: `/api/v1/admin/services/${financeCode}/draft`, as: finadmin, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ content: { ...content, summary: { zh: 'x'.repeat(2_000_000), en: '' } } }) });
    expectProblem(huge, 413, 'payload_too_large');
    const history = (await admin('GET', `/${financeCode}`, finadmin)).json();
    expect(history.draft).toBeNull();
  });

  it('requires sign-in and the CSRF token', async () => {
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/admin/services' }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/admin/services/${financeCode}/submit` }), 401, 'unauthenticated');
    const noCsrf = await t.request({ method: 'POST', url: `/api/v1/admin/services/${financeCode}/submit`, headers: { cookie: finadmin.cookie } });
    expectProblem(noCsrf, 403, 'csrf_failed');
  });

  it('lets only one of two simultaneous publications win', async () => {
    const content = (await guide(financeCode)).json().content;
    await admin('PUT', `/${financeCode}/draft`, finadmin, { content: { ...content, summary: { zh: '并发测试', en: 'race' } } });
    await admin('POST', `/${financeCode}/submit`, finadmin);
    const admin2 = await t.login('admin');
    const results = await Promise.all([admin('POST', `/${financeCode}/publish`, manager, {}), admin('POST', `/${financeCode}/publish`, admin2, {})]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await verifyAudit(t.db.handle.db)).ok).toBe(true);
  });
});
