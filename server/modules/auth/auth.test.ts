import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type TestApp } from '../../test/harness.ts';
import { buildApp } from '../../app.ts';
import { deleteExpiredSessions } from './repo.ts';

describe.each(DIALECTS)('accounts and sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect, { loginRateLimit: 5 }); });
  afterAll(async () => { await t?.close(); });

  const login = (body: unknown, ip = '10.0.0.1') => t.request({ method: 'POST', url: '/api/v1/auth/login', body, headers: { 'x-forwarded-for': ip } });

  it('signs in every demo role, sets an httpOnly session cookie, and knows who is there', async () => {
    for (const [username, role] of [['admin', 'system_admin'], ['manager', 'hall_manager'], ['clerk', 'window_clerk'],
      ['reviewer', 'dept_reviewer'], ['teacher', 'applicant'], ['student', 'applicant'], ['retiree', 'applicant']]) {
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', body: { username, password: 'onestop-demo' }, headers: { 'x-forwarded-for': `10.1.0.${username.length}` } });
      expect(res.statusCode, username).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'onestop_session')!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      const me = (await t.request({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `onestop_session=${cookie.value}` } })).json();
      expect(me.user.username).toBe(username);
      expect(me.user.roles.map((r: any) => r.role)).toContain(role);
      expect(me.csrfToken).toBe(res.json().csrfToken);
    }
  });

  it('signs out: the session stops working', async () => {
    const s = await t.login('teacher');
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } }), 403, 'csrf_failed');
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/logout', as: s })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: s })).json().user).toBeNull();
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/auth/logout' }), 401, 'unauthenticated');
  });

  it('ends expired sessions, and the sweep removes them', async () => {
    const s = await t.login('student');
    const db = t.db.handle.db;
    await db.updateTable('session').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('csrf_token', '=', s.csrf).execute();
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: s })).json().user).toBeNull();
    expectProblem(await t.request({ method: 'PUT', url: '/api/v1/me/preferences', as: s, body: { elderMode: true } }), 401, 'unauthenticated');
    await deleteExpiredSessions(db, new Date().toISOString());
    expect(await db.selectFrom('session').select('id').where('csrf_token', '=', s.csrf).executeTakeFirst()).toBeUndefined();
  });

  it('refuses wrong passwords and unknown users alike, in the request language', async () => {
    const wrong = expectProblem(await login({ username: 'teacher', password: 'nope' }, '10.0.0.2'), 401, 'bad_credentials');
    expect(wrong.detail).toBe('用户名或密码不正确。');
    const unknown = await t.request({ method: 'POST', url: '/api/v1/auth/login', body: { username: 'ghost', password: 'x' }, headers: { 'accept-language': 'en', 'x-forwarded-for': '10.0.0.2' } });
    expect(expectProblem(unknown, 401, 'bad_credentials').detail).toBe('Wrong username or password.');
  });

  it('refuses malformed, mistyped and oversized login bodies', async () => {
    expectProblem(await login({ username: 'teacher' }, '10.0.0.3'), 400, 'validation_failed');
    expectProblem(await login({ username: 'teacher', password: 123 }, '10.0.0.3'), 400, 'validation_failed');
    expectProblem(await login({ username: 'teacher', password: 'x', admin: true }, '10.0.0.4'), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.4' }, payload: '{"username":' }), 400, 'bad_json');
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/plain', 'x-forwarded-for': '10.0.0.5' }, payload: 'username=a' }), 415, 'unsupported_media_type');
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.5' }, payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2_000_000) }) }), 413, 'payload_too_large');
  });

  it('rate-limits repeated sign-in attempts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await t.request({ method: 'POST', url: '/api/v1/auth/login', body: { username: 'auditor', password: 'guess' + i } })).statusCode);
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429, 429]);
    // Even the right password waits out the window; other accounts are unaffected.
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/auth/login', body: { username: 'auditor', password: 'onestop-demo' } }), 429, 'rate_limited');
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/login', body: { username: 'steward', password: 'onestop-demo' } })).statusCode).toBe(200);
  });

  it('lists demo accounts only in demo mode', async () => {
    const demo = (await t.request({ method: 'GET', url: '/api/v1/auth/demo-accounts' })).json();
    expect(demo.enabled).toBe(true);
    expect(demo.accounts.map((a: any) => a.username)).toEqual(expect.arrayContaining(['admin', 'manager', 'clerk', 'reviewer', 'teacher', 'student', 'retiree']));
    // The same database served with demo mode off lists nobody.
    const { app } = await buildApp({ ...t.db.config, demo: false, logLevel: 'silent' }, t.db.handle, { logger: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/auth/demo-accounts' })).json()).toEqual({ enabled: false, password: null, accounts: [] });
    } finally {
      await app.close();
    }
  });
});
