// Batched delivery: many notify rows are written in one transaction, yet a row that cannot be delivered
// fails alone — the others are delivered, and it is retried with back-off like a single row. Rows that leave the system
// (e-mail, webhooks) are marked done one by one as they are sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../test/harness.ts';
import { newId, nowIso } from '../../clock.ts';
import { deliverDue } from './outbox.ts';

describe.each(DIALECTS)('batched outbox delivery on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('delivers the good rows of a batch and backs the bad one off alone', async () => {
    const db = t.db.handle.db;
    const teacher = await db.selectFrom('person').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow();
    const csdean = await db.selectFrom('person').select('id').where('username', '=', 'csdean').executeTakeFirstOrThrow();
    // In the past, so that they are due before anything the app's own worker may write meanwhile.
    const at = new Date(Date.now() - 60_000).toISOString();
    const row = (person: string) => ({
      id: newId(), kind: 'notify', payload: JSON.stringify({ to: { kind: 'person', person }, event: 'task_assigned', caseId: newId(), taskId: null }),
      attempts: 0, next_attempt_at: at, locked_until: null, done_at: null, failed_at: null, last_error: null, created_at: at,
    });
    // The middle row names nobody who exists: its notification breaks the foreign key, and with it the batch.
    const rows = [row(teacher.id), row('no-such-person'), row(csdean.id)];
    await db.insertInto('outbox').values(rows).execute();
    const heard: Array<{ personId: string; outboxId: string }> = [];
    for (let i = 0; i < 20; i++) {
      await deliverDue(db, t.catalog.org, { onNotification: async (_trx, n, outboxId) => { heard.push({ personId: n.personId, outboxId }); } });
      const left = await db.selectFrom('outbox').select('id').where('id', 'in', rows.map((r) => r.id)).where('attempts', '=', 0).execute();
      if (!left.length) break;
    }
    const after = new Map((await db.selectFrom('outbox').selectAll().where('id', 'in', rows.map((r) => r.id)).execute()).map((r) => [r.id, r]));
    for (const good of [rows[0]!, rows[2]!]) {
      expect(after.get(good.id)!.done_at).not.toBeNull();
      expect(after.get(good.id)!.attempts).toBe(1);
      const n = await db.selectFrom('notification').select('person_id').where('outbox_id', '=', good.id).execute();
      expect(n).toHaveLength(1);
    }
    const bad = after.get(rows[1]!.id)!;
    expect(bad.done_at).toBeNull();
    expect(bad.attempts).toBe(1);
    expect(bad.last_error).toBeTruthy();
    expect(bad.next_attempt_at > nowIso()).toBe(true);
    // The hook that enqueues e-mail and SMS heard each delivered notification once (unless the app's own worker
    // took a row first), and never the failed one.
    expect(heard.filter((h) => h.outboxId === rows[1]!.id)).toEqual([]);
    for (const h of heard) expect([rows[0]!.id, rows[2]!.id]).toContain(h.outboxId);
  });

  it('marks each sent e-mail or webhook done before sending the next, so a crash resends at most one', async () => {
    const db = t.db.handle.db;
    const at = new Date(Date.now() - 60_000).toISOString();
    const kind = `test-mail-${dialect}`;
    const rows = [0, 1, 2].map((i) => ({
      id: newId(), kind, payload: JSON.stringify({ n: i }), attempts: 0, next_attempt_at: at, locked_until: null,
      done_at: null, failed_at: null, last_error: null, created_at: at,
    }));
    await db.insertInto('outbox').values(rows).execute();
    const seenDone: number[] = [];
    await deliverDue(db, t.catalog.org, {
      handlers: {
        [kind]: async (payload: unknown) => {
          // When the handler runs for a row, every row sent before it is already marked done in the database.
          const done = await db.selectFrom('outbox').select('id').where('kind', '=', kind).where('done_at', 'is not', null).execute();
          seenDone.push(done.length);
          if ((payload as { n: number }).n === 1) throw new Error('mail server said no');
        },
      },
    });
    expect(seenDone).toEqual([0, 1, 1]);
    const after = new Map((await db.selectFrom('outbox').selectAll().where('kind', '=', kind).execute()).map((r) => [r.id, r]));
    expect(after.get(rows[0]!.id)!.done_at).not.toBeNull();
    expect(after.get(rows[1]!.id)!.done_at).toBeNull();
    expect(after.get(rows[1]!.id)!.last_error).toBe('mail server said no');
    expect(after.get(rows[2]!.id)!.done_at).not.toBeNull();
  });
});
