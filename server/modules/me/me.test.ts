import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';

describe.each(DIALECTS)('preferences and favourites on %s', (dialect) => {
  let t: TestApp;
  let teacher: Session; let student: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    [teacher, student] = await Promise.all([t.login('teacher'), t.login('student')]);
  });
  afterAll(async () => { await t?.close(); });

  it('remembers the elder-friendly mode and language per person', async () => {
    const res = await t.request({ method: 'PUT', url: '/api/v1/me/preferences', as: teacher, body: { elderMode: true, locale: 'en' } });
    expect(res.json()).toEqual({ elderMode: true, locale: 'en' });
    const again = await t.login('teacher');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: again })).json().user.preferences).toEqual({ elderMode: true, locale: 'en', saved: true });
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: student })).json().user.preferences).toEqual({ elderMode: false, locale: 'zh-CN', saved: false });
  });

  it('refuses bad preferences and anonymous changes', async () => {
    expectProblem(await t.request({ method: 'PUT', url: '/api/v1/me/preferences', as: teacher, body: { locale: 'fr' } }), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'PUT', url: '/api/v1/me/preferences', as: teacher, body: { elderMode: 'yes' } }), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'PUT', url: '/api/v1/me/preferences', body: { elderMode: true } }), 401, 'unauthenticated');
  });

  it('stars and unstars services; each person sees only their own', async () => {
    expect((await t.request({ method: 'PUT', url: '/api/v1/me/favorites/employment-certificate', as: teacher })).statusCode).toBe(204);
    expect((await t.request({ method: 'PUT', url: '/api/v1/me/favorites/employment-certificate', as: teacher })).statusCode).toBe(204);
    expect((await t.request({ method: 'PUT', url: '/api/v1/me/favorites/transcript', as: teacher })).statusCode).toBe(204);
    const mine = (await t.request({ method: 'GET', url: '/api/v1/me/favorites', as: teacher })).json();
    expect(mine.items.map((i: any) => i.code).sort()).toEqual(['employment-certificate', 'transcript']);
    expect((await t.request({ method: 'GET', url: '/api/v1/me/favorites', as: student })).json().items).toEqual([]);
    // Removing from someone else's list is impossible: it only ever touches one's own.
    expect((await t.request({ method: 'DELETE', url: '/api/v1/me/favorites/transcript', as: student })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/me/favorites', as: teacher })).json().items).toHaveLength(2);
    expect((await t.request({ method: 'DELETE', url: '/api/v1/me/favorites/transcript', as: teacher })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/me/favorites', as: teacher })).json().items).toHaveLength(1);
  });

  it('refuses favourites of unknown services and without sign-in', async () => {
    expectProblem(await t.request({ method: 'PUT', url: '/api/v1/me/favorites/no-such', as: teacher }), 404, 'service_not_found');
    expectProblem(await t.request({ method: 'PUT', url: '/api/v1/me/favorites/bad%20code', as: teacher }), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/me/favorites' }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'DELETE', url: '/api/v1/me/favorites/transcript' }), 401, 'unauthenticated');
  });
});
