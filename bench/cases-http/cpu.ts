// Server CPU per submission, in process and without a load generator sharing the cores: SUBMITS submissions
// of the benchmark's body through app.inject, CONCURRENCY at a time, on SQLite and PostgreSQL, until the outbox
// worker has delivered everything they caused; process CPU (user + system) per submission. Steadier than
// throughput on a shared machine. TREE=/path/to/checkout measures another checkout's code (before/after).
// Prints one JSON line: { sqlite: µs, postgres: µs }. PROFILE=dir writes a .cpuprofile of the measured burst per dialect.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { BODY } from './body.ts';

const TREE = path.resolve(process.env.TREE ?? path.join(import.meta.dirname, '../..'));
const SUBMITS = Number(process.env.SUBMITS ?? 1500);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 25);
const h = await import(path.join(TREE, 'server/test/harness.ts')) as typeof import('../../server/test/harness.ts');
const { DEMO_PASSWORD } = await import(path.join(TREE, 'server/seed.ts')) as typeof import('../../server/seed.ts');
const { buildApp } = await import(path.join(TREE, 'server/app.ts')) as typeof import('../../server/app.ts');

const out: Record<string, number> = {};
for (const dialect of (process.env.DIALECTS?.split(',') ?? h.DIALECTS) as typeof h.DIALECTS) {
  const db = await h.createTestDb(dialect);
  const { app } = await buildApp({ ...db.config, logLevel: 'silent' }, db.handle, { logger: false, pollMs: 1000 });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'teacher', password: DEMO_PASSWORD } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = login.json().csrfToken as string;
  const payload = JSON.stringify(BODY);
  const submit = async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, payload });
    if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body}`);
  };
  const burst = async (n: number) => {
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next++ < n) await submit(); }));
    // Until the worker has delivered what they caused (notifications, e-mail) and chained their audit rows.
    const busy = async () => Number((await db.handle.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('done_at', 'is', null).executeTakeFirstOrThrow()).n);
    while (await busy()) await new Promise((r) => setTimeout(r, 20));
  };
  await burst(200); // warm
  const profiler = process.env.PROFILE ? new Session() : null;
  if (profiler) { profiler.connect(); await profiler.post('Profiler.enable'); await profiler.post('Profiler.start'); }
  const before = process.cpuUsage();
  await burst(SUBMITS);
  const used = process.cpuUsage(before);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    fs.mkdirSync(process.env.PROFILE!, { recursive: true });
    fs.writeFileSync(path.join(process.env.PROFILE!, `cases-${dialect}.cpuprofile`), JSON.stringify(profile));
    profiler.disconnect();
  }
  out[dialect] = Math.round((used.user + used.system) / SUBMITS);
  await app.close();
  await db.drop();
}
console.log(JSON.stringify(out));
