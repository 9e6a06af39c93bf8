// Two server processes on two ports against one database serve the same data: sessions made on
// one work on the other, and a publication or a working-day override made on one shows on the other
// (revision polling).
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, DIALECTS, type TestDb } from './harness.ts';
import { freePort, startServer, stopServer } from './spawn.ts';

const envFor = (db: TestDb) => ({ DATA_DIR: db.config.dataDir, DATABASE_URL: db.config.databaseUrl ?? '', ONESTOP_DEMO: 'on' });

describe.each(DIALECTS)('two processes, one %s database', (dialect) => {
  let db: TestDb;
  const procs: ChildProcess[] = [];
  let a = ''; let b = '';
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await db.handle.close();
    const [pa, pb] = [await freePort(), await freePort()];
    procs.push(await startServer(pa, envFor(db)), await startServer(pb, envFor(db)));
    a = `http://127.0.0.1:${pa}`; b = `http://127.0.0.1:${pb}`;
  });
  afterAll(async () => {
    await Promise.all(procs.map(stopServer));
    const reopened = await import('../db/index.ts').then((m) => m.openDb({ databaseUrl: db.config.databaseUrl, dataDir: db.config.dataDir }));
    db.handle = reopened;
    await db.drop();
  });

  async function login(base: string, username: string) {
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'onestop-demo' }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return { cookie, csrf: (await res.json()).csrfToken as string };
  }
  const call = (base: string, s: { cookie: string; csrf: string }, method: string, url: string, body?: unknown) =>
    fetch(`${base}${url}`, { method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });

  it('serves the same catalog, shares sessions, and sees each other\'s publications', async () => {
    const listA = await (await fetch(`${a}/api/v1/services?pageSize=5`)).json();
    const listB = await (await fetch(`${b}/api/v1/services?pageSize=5`)).json();
    expect(listA).toEqual(listB);

    const hr = await login(a, 'hradmin');
    expect((await (await call(b, hr, 'GET', '/api/v1/auth/me')).json()).user.username).toBe('hradmin');

    const code = (await (await fetch(`${a}/api/v1/services?department=hr`)).json()).items[0].code;
    const guide = await (await fetch(`${a}/api/v1/services/${code}`)).json();
    const renamed = { ...guide.content, name: { zh: '跨进程发布测试', en: 'Cross-process publication' } };
    expect((await call(a, hr, 'PUT', `/api/v1/admin/services/${code}/draft`, { content: renamed })).status).toBe(200);
    expect((await call(a, hr, 'POST', `/api/v1/admin/services/${code}/submit`)).status).toBe(200);
    const manager = await login(b, 'manager');
    expect((await call(b, manager, 'POST', `/api/v1/admin/services/${code}/publish`, {})).status).toBe(200);

    let seen = '';
    for (let i = 0; i < 50 && seen !== renamed.name.zh; i++) {
      seen = (await (await fetch(`${a}/api/v1/services/${code}`)).json()).content.name.zh;
      if (seen !== renamed.name.zh) await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen).toBe(renamed.name.zh);
  });

  it('computes due dates on one process with a working-day override made on the other', async () => {
    const teacher = await login(a, 'teacher');
    const travel = { destination: '日本', purpose: 'tourism', period: { start: '2027-02-01', end: '2027-02-03' }, passport: 'held' };
    let n = 0;
    const dueOfNewCase = async (): Promise<string> => {
      const res = await fetch(`${a}/api/v1/cases`, {
        method: 'POST', body: JSON.stringify({ service: 'private-travel-abroad', data: travel }),
        headers: { cookie: teacher.cookie, 'x-csrf-token': teacher.csrf, 'content-type': 'application/json', 'idempotency-key': `mp-${++n}` },
      });
      expect(res.status).toBe(201);
      return (await res.json()).tasks[0].dueDate;
    };
    const before = await dueOfNewCase();
    const manager = await login(b, 'manager');
    const set = await call(b, manager, 'POST', '/api/v1/admin/calendar/overrides', { set: [{ date: before, working: false, reason: '跨进程测试' }] });
    expect(set.status).toBe(200);
    let due = before;
    for (let i = 0; i < 50 && due === before; i++) {
      due = await dueOfNewCase();
      if (due === before) await new Promise((r) => setTimeout(r, 100));
    }
    expect(due > before).toBe(true);
  });
});
