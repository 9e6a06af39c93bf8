// The outbox under competing workers: a row is attempted by one worker at a time, and a failed attempt
// waits for its back-off even when another worker read the row before it failed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../test/harness.ts';
import { newId, nowIso } from '../../clock.ts';
import { deliverDue } from './outbox.ts';

describe.each(DIALECTS)('outbox workers on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('does not retry a row early because another worker read it before it failed', async () => {
    const calls = { slow: 0, failing: 0 };
    const server = http.createServer((req, res) => {
      if (req.url === '/slow') { calls.slow++; setTimeout(() => res.writeHead(200).end(), 400); }
      else { calls.failing++; res.writeHead(503).end(); }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const db = t.db.handle.db;
    const row = (path: string, at: string) => {
      const id = newId();
      return {
        id, kind: 'webhook', payload: JSON.stringify({ url: `${base}${path}`, stepId: 'issue', idempotencyKey: id, caseId: newId() }),
        attempts: 0, next_attempt_at: at, locked_until: null, done_at: null, failed_at: null, last_error: null, created_at: at,
      };
    };
    const slow = row('/slow', new Date(Date.now() - 2000).toISOString());
    const failing = row('/failing', new Date(Date.now() - 1000).toISOString());
    try {
      await db.insertInto('outbox').values([slow, failing]).execute();
      // Worker B reads both rows and is busy with the slow one while worker A takes the failing one and fails it.
      const b = deliverDue(db, t.catalog.org);
      await new Promise((r) => setTimeout(r, 100));
      await deliverDue(db, t.catalog.org);
      await b;
      // (the app's own worker runs too and may be the one that made the attempt: wait for it to be recorded,
      // then a little longer, in which no second attempt may come)
      const read = () => db.selectFrom('outbox').selectAll().where('id', '=', failing.id).executeTakeFirstOrThrow();
      for (let i = 0; i < 100 && (await read()).attempts === 0; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 600));
      const after = await read();
      expect(calls.failing).toBe(1);
      expect(after.attempts).toBe(1);
      expect(after.done_at).toBeNull();
      expect(after.next_attempt_at > nowIso()).toBe(true);
      expect(calls.slow).toBe(1);
    } finally {
      server.close();
    }
  });
});
