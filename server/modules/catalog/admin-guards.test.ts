// Every catalog-admin route, three ways: nobody signed in, bad input, and someone else's record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';

const FIN = 'travel-reimbursement';

describe.each(DIALECTS)('catalog admin guards on %s', (dialect) => {
  let t: TestApp;
  let hradmin: Session; let teacher: Session;
  let content: unknown;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    [hradmin, teacher] = await Promise.all([t.login('hradmin'), t.login('teacher')]);
    content = (await t.request({ method: 'GET', url: `/api/v1/services/${FIN}` })).json().content;
  });
  afterAll(async () => { await t?.close(); });

  const routes = () => [
    { method: 'GET', url: '/api/v1/admin/services', body: undefined, bad: '/api/v1/admin/services?state=bogus' },
    { method: 'POST', url: '/api/v1/admin/services', body: { code: 'x-new', content }, bad: '/api/v1/admin/services' },
    { method: 'GET', url: `/api/v1/admin/services/${FIN}`, body: undefined, bad: '/api/v1/admin/services/%20' },
    { method: 'PUT', url: `/api/v1/admin/services/${FIN}/draft`, body: { content }, bad: `/api/v1/admin/services/${FIN}/draft` },
    { method: 'POST', url: `/api/v1/admin/services/${FIN}/submit`, body: undefined, bad: '/api/v1/admin/services/a%2Fb/submit' },
    { method: 'POST', url: `/api/v1/admin/services/${FIN}/publish`, body: {}, bad: `/api/v1/admin/services/${FIN}/publish` },
    { method: 'POST', url: `/api/v1/admin/services/${FIN}/reject`, body: { comment: 'no' }, bad: `/api/v1/admin/services/${FIN}/reject` },
    { method: 'POST', url: `/api/v1/admin/services/${FIN}/retire`, body: { reason: 'old' }, bad: `/api/v1/admin/services/${FIN}/retire` },
    { method: 'GET', url: `/api/v1/admin/services/${FIN}/versions/1`, body: undefined, bad: `/api/v1/admin/services/${FIN}/versions/zero` },
    { method: 'GET', url: `/api/v1/admin/services/${FIN}/diff?from=1&to=1`, body: undefined, bad: `/api/v1/admin/services/${FIN}/diff?from=1` },
  ];

  it('answers 401 to nobody', async () => {
    for (const r of routes()) expectProblem(await t.request({ method: r.method, url: r.url, body: r.body }), 401, 'unauthenticated');
  });

  it('answers 400 with field errors to bad input, signed in', async () => {
    for (const r of routes()) {
      const body = r.method === 'GET' ? undefined : { unexpected: 1 };
      const p = expectProblem(await t.request({ method: r.method, url: r.bad, body, as: hradmin }), 400, 'validation_failed');
      expect(p.errors?.length, r.bad).toBeGreaterThan(0);
    }
  });

  it('treats another department\'s item as not there, and an applicant as having no admin rights', async () => {
    for (const r of routes().slice(2)) {
      expectProblem(await t.request({ method: r.method, url: r.url, body: r.body, as: hradmin }), 404, 'service_not_found');
      const res = await t.request({ method: r.method, url: r.url, body: r.body, as: teacher });
      expect([403, 404], `${r.method} ${r.url}`).toContain(res.statusCode);
    }
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/admin/services', as: teacher }), 403, 'forbidden');
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/admin/services', body: { code: 'x-new', content }, as: hradmin }), 403, 'forbidden');
    // Nothing above changed the item.
    const item = (await t.request({ method: 'GET', url: `/api/v1/services/${FIN}` })).json();
    expect(item.version).toBe(1);
  });
});
