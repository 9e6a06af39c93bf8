import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type TestApp } from '../test/harness.ts';

describe.each(DIALECTS)('operations endpoints on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('answers /healthz when the database does', async () => {
    const res = await t.request({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('exposes Prometheus metrics', async () => {
    await t.request({ method: 'GET', url: '/api/v1/services' });
    const res = await t.request({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('onestop_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/onestop_catalog_published_items \d{3}/);
  });

  it('documents every API route in OpenAPI 3.1, and renders the docs', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.keys(doc.paths);
    for (const p of ['/api/v1/services', '/api/v1/services/{code}', '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/me',
      '/api/v1/admin/services/{code}/publish', '/api/v1/admin/catalog/import', '/api/v1/me/favorites/{code}', '/healthz',
      '/api/v1/admin/calendar/{year}', '/api/v1/admin/calendar/overrides']) {
      expect(documented, p).toContain(p);
    }
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/v1/');
    const docs = await t.request({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('answers unknown API paths with a problem, and sets security headers', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/nothing-here' });
    expectProblem(res, 404, 'not_found');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expectProblem(await t.request({ method: 'DELETE', url: '/api/v1/services' }), 404, 'not_found');
  });
});
