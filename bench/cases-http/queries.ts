// Counts the SQL statements one POST /api/v1/cases runs (session lookup included), on SQLite and on
// PostgreSQL, in process through app.inject. Run from any checkout: TREE=/path/to/checkout picks the
// code measured (default: this one), so the numbers before and after a change come from one script.
// Prints one JSON line: { sqlite: { request, outboxAfter, outboxAfterBatched }, postgres: … } (statements per
// submission, averaged over SUBMITS; outboxAfter is the delivery the commit kicks off, for a submission alone;
// outboxAfterBatched the same when SUBMITS arrive at once, as under load).
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { KyselyPlugin } from 'kysely';
import { BODY } from './body.ts';

const TREE = path.resolve(process.env.TREE ?? path.join(import.meta.dirname, '../..'));
const SUBMITS = 20;
const h = await import(path.join(TREE, 'server/test/harness.ts')) as typeof import('../../server/test/harness.ts');
const { DEMO_PASSWORD } = await import(path.join(TREE, 'server/seed.ts')) as typeof import('../../server/seed.ts');
const { buildApp } = await import(path.join(TREE, 'server/app.ts')) as typeof import('../../server/app.ts');

// The outbox worker delivers the notification and chains the audit row after the commit, outside the request:
// its statements are told apart by the call stack (V8 keeps async frames) and reported on their own.
let statements = 0;
let outbox = 0;
const counter: KyselyPlugin = {
  transformQuery: (args) => {
    const stack = new Error().stack!;
    if (stack.includes('workflow/outbox.ts') || stack.includes('chainPending')) outbox++; else statements++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

const out: Record<string, { request: number; outboxAfter: number; outboxAfterBatched?: number }> = {};
for (const dialect of h.DIALECTS) {
  const db = await h.createTestDb(dialect);
  const handle = { ...db.handle, db: db.handle.db.withPlugin(counter) };
  const { app } = await buildApp({ ...db.config, logLevel: 'silent' }, handle, { logger: false, pollMs: 60_000 });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'teacher', password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const headers = () => ({ cookie, 'x-csrf-token': login.json().csrfToken as string, 'content-type': 'application/json', 'idempotency-key': randomUUID() });
  const submit = async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: headers(), payload: JSON.stringify(BODY) });
    if (res.statusCode !== 201) throw new Error(`submit: ${res.statusCode} ${res.body}`);
  };
  for (let i = 0; i < 3; i++) await submit(); // caches warm
  const settle = async () => {
    for (let last = -1; last !== statements + outbox;) { last = statements + outbox; await new Promise((r) => setTimeout(r, 100)); }
  };
  await settle();
  statements = 0; outbox = 0;
  for (let i = 0; i < SUBMITS; i++) { await submit(); await settle(); }
  const alone = { request: statements / SUBMITS, outboxAfter: outbox / SUBMITS };
  // Under load the worker delivers and chains many submissions per run: SUBMITS at once, then the delivery.
  statements = 0; outbox = 0;
  await Promise.all(Array.from({ length: SUBMITS }, submit));
  await settle();
  out[dialect] = { ...alone, outboxAfterBatched: outbox / SUBMITS };
  await app.close();
  await db.drop();
}
console.log(JSON.stringify(out));
