// A server killed (SIGKILL) in the middle of a burst of submissions leaves no half-made case, every
// submission that got a 201 is there after restart, and retrying every key afterwards makes exactly one
// case per key.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, DIALECTS, type TestDb } from '../../test/harness.ts';
import { freePort, ROOT, stopServer, waitUntilUp } from '../../test/spawn.ts';
import { openDb } from '../../db/index.ts';
import { verifyAudit } from '../audit/service.ts';

const envFor = (db: TestDb) => ({ DATA_DIR: db.config.dataDir, DATABASE_URL: db.config.databaseUrl ?? '', ONESTOP_DEMO: 'on' });

// Like spawn.ts's startServer, with more patience: this suite starts a server twice, often on a busy machine.
async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/onestop.js'), 'serve'], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitUntilUp(`http://127.0.0.1:${port}/healthz`, 180);
  } catch (err) {
    child.kill();
    throw err;
  }
  return child;
}
const DATA = { kind: 'resign', lastDay: '2026-12-31', reason: '家庭原因', handover: '已交接' };

describe.each(DIALECTS)('a server killed mid-submission on %s', (dialect) => {
  let db: TestDb;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await db.handle.close();
  });
  afterAll(async () => {
    if (child) await stopServer(child);
    db.handle = openDb({ databaseUrl: db.config.databaseUrl, dataDir: db.config.dataDir });
    await db.drop();
  });

  async function login(base: string) {
    const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'teacher', password: 'onestop-demo' }) });
    return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: (await res.json()).csrfToken as string };
  }
  const submit = (base: string, s: { cookie: string; csrf: string }, key: string) => fetch(`${base}/api/v1/cases`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ service: 'staff-leaving', data: DATA }),
  });

  it('keeps every 201, leaves no half case, and makes one case per key on retry', async () => {
    let port = await freePort();
    child = await startServer(port, envFor(db));
    let base = `http://127.0.0.1:${port}`;
    let session = await login(base);
    const keys = Array.from({ length: 300 }, (_, i) => `crash-${i}`);
    const created = new Map<string, { id: string; number: string }>();
    let firstCreated!: () => void;
    const oneIn = new Promise<void>((r) => { firstCreated = r; });
    // Keep 20 submissions in flight; kill the server shortly after the first succeeds.
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const k = keys[next++]!;
        try {
          const res = await submit(base, session, k);
          if (res.status === 201) {
            const c = await res.json();
            created.set(k, { id: c.id, number: c.number });
            firstCreated();
          }
        } catch { /* the server died under this request */ }
      }
    };
    const workers = Array.from({ length: 20 }, worker);
    await oneIn;
    await new Promise((r) => setTimeout(r, 150));
    const victim = child;
    const exited = new Promise((r) => victim.once('exit', r));
    victim.kill('SIGKILL');
    await exited;
    await Promise.all(workers);
    expect(created.size).toBeGreaterThan(0);
    expect(created.size).toBeLessThan(keys.length);

    port = await freePort();
    child = await startServer(port, envFor(db));
    base = `http://127.0.0.1:${port}`;
    session = await login(base);
    // Every 201 is still there, as it was answered.
    for (const c of created.values()) {
      const res = await fetch(`${base}/api/v1/cases/${c.id}`, { headers: { cookie: session.cookie } });
      expect(res.status).toBe(200);
      expect((await res.json()).number).toBe(c.number);
    }

    // No half case: every case has its key, its timeline and exactly its first open task.
    const check = openDb({ databaseUrl: db.config.databaseUrl, dataDir: db.config.dataDir });
    try {
      const cases = await check.db.selectFrom('workflow_case').select(['id', 'status']).execute();
      const keysRows = await check.db.selectFrom('idempotency_key').select(['key', 'case_id']).execute();
      expect(new Set(keysRows.map((k) => k.case_id))).toEqual(new Set(cases.map((c) => c.id)));
      for (const c of cases) {
        const tasks = await check.db.selectFrom('case_task').select(['step_id', 'state']).where('case_id', '=', c.id).execute();
        const events = await check.db.selectFrom('case_event').select('type').where('case_id', '=', c.id).orderBy('seq').execute();
        expect(c.status).toBe('running');
        expect(tasks).toEqual([{ step_id: 'unit', state: 'open' }]);
        expect(events.map((e) => e.type)).toEqual(['start', 'step_entered']);
      }

      // Each case's audit row was recorded with it; the ones the killed server had not chained yet are chained
      // by the restarted one, and the chain verifies.
      let verdict = await verifyAudit(check.db);
      for (let i = 0; i < 100 && verdict.pending > 0; i++) { await new Promise((r) => setTimeout(r, 100)); verdict = await verifyAudit(check.db); }
      expect(verdict).toMatchObject({ ok: true, pending: 0 });
      const submits = await check.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'case.submit').execute();
      expect(new Set(submits.map((a) => a.entity_id))).toEqual(new Set(cases.map((c) => c.id)));

      // Retrying every key: the answered ones replay, the lost ones are made now; one case per key.
      for (const k of keys) {
        const res = await submit(base, session, k);
        expect(res.status).toBe(201);
        const c = await res.json();
        if (created.has(k)) expect(c.id).toBe(created.get(k)!.id);
      }
      const total = await check.db.selectFrom('workflow_case').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      expect(Number(total.n)).toBe(keys.length);
    } finally {
      await check.close();
    }
  }, 400_000);
});
