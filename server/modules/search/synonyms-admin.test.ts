// The admin-editable synonym dictionary over HTTP on both databases: who may see and change it, bad input,
// a new phrase finding its service at once, a default switched off and restored, every change audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';

const URL = '/api/v1/admin/search/synonyms';

describe.each(DIALECTS)('the synonym dictionary on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['manager', 'teacher', 'hradmin']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const put = (phrase: string, body: unknown, as: Session = s.manager) =>
    t.request({ method: 'PUT', url: `${URL}/${encodeURIComponent(phrase)}`, as, body });
  const entries = async () => (await t.request({ method: 'GET', url: URL, as: s.manager })).json().items as Array<{ phrase: string; means: string[]; source: string }>;
  const hits = async (q: string) => (await t.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` })).json().items.map((h: { id: string }) => h.id) as string[];

  it('is for hall managers and system administrators only', async () => {
    expectProblem(await t.request({ method: 'GET', url: URL }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'GET', url: URL, as: s.teacher }), 403, 'forbidden');
    expectProblem(await t.request({ method: 'GET', url: URL, as: s.hradmin }), 403, 'forbidden');
    expectProblem(await t.request({ method: 'PUT', url: `${URL}/${encodeURIComponent('饭钱')}`, body: { means: ['校园卡'] } }), 401, 'unauthenticated');
    expectProblem(await put('饭钱', { means: ['校园卡'] }, s.hradmin), 403, 'forbidden');
    expectProblem(await t.request({ method: 'DELETE', url: `${URL}/${encodeURIComponent('看病')}`, as: s.teacher }), 403, 'forbidden');
    const list = await entries();
    expect(list.find((e) => e.phrase === '看病')).toMatchObject({ source: 'default', means: ['医保', '就医', '医疗费'] });
  });

  it('refuses bad entries with every problem named, and changes nothing', async () => {
    const before = await entries();
    expectProblem(await put('饭钱', { means: '校园卡' }), 400, 'validation_failed');
    expectProblem(await put('饭钱', { means: ['校园卡'], extra: 1 }), 400, 'validation_failed');
    expectProblem(await put('饭钱', { means: Array.from({ length: 11 }, (_, i) => `词${i}`) }), 400, 'validation_failed');
    expectProblem(await put('x'.repeat(21), { means: ['校园卡'] }), 400, 'validation_failed');
    const self = expectProblem(await put('饭钱', { means: ['饭钱', '校园卡'] }), 400, 'validation_failed');
    expect(self.errors).toEqual([expect.objectContaining({ path: '/means' })]);
    // a new phrase must stand for something (only a default can be switched off)
    expectProblem(await put('饭钱', { means: [' ', ''] }), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'DELETE', url: `${URL}/${encodeURIComponent('没改过')}`, as: s.manager }), 404, 'synonym_not_found');
    expect(await entries()).toEqual(before);
  });

  it('finds a service by a phrase a manager added, at once; drops it again on reset', async () => {
    expect((await hits('饭钱')).slice(0, 3)).not.toContain('campus-card-replacement');
    const res = await put(' 饭钱 ', { means: ['校园卡', '校园卡 '] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phrase: '饭钱', means: ['校园卡'], source: 'added' });
    expect((await hits('饭钱')).slice(0, 3)).toContain('campus-card-replacement');
    expect((await entries())[0]).toMatchObject({ phrase: '饭钱', source: 'added' });

    expect((await t.request({ method: 'DELETE', url: `${URL}/${encodeURIComponent('饭钱')}`, as: s.manager })).statusCode).toBe(204);
    expect((await entries()).some((e) => e.phrase === '饭钱')).toBe(false);
    expect((await hits('饭钱')).slice(0, 3)).not.toContain('campus-card-replacement');
  });

  it('switches a default entry off and brings it back, each change in the audit log', async () => {
    const off = await put('看病', { means: [] });
    expect(off.json()).toMatchObject({ phrase: '看病', means: [], source: 'off', defaultMeans: ['医保', '就医', '医疗费'] });
    const changed = await put('看病', { means: ['医保报销'] });
    expect(changed.json()).toMatchObject({ source: 'changed', means: ['医保报销'] });
    expect((await t.request({ method: 'DELETE', url: `${URL}/${encodeURIComponent('看病')}`, as: s.manager })).statusCode).toBe(204);
    expect((await entries()).find((e) => e.phrase === '看病')).toMatchObject({ source: 'default' });
    const audit = await t.db.handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'search_synonym').orderBy('seq').execute();
    expect(audit.filter((a) => a.entity_id === '看病').map((a) => a.action)).toEqual(['synonym.save', 'synonym.save', 'synonym.reset']);
  });
});
