import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, DIALECTS, type TestApp } from '../../test/harness.ts';
import { chainPending, recordAudit, recordAuditPending, verifyAudit } from './service.ts';

describe.each(DIALECTS)('hash-chained audit log on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t?.close(); });

  it('records every change and verifies intact', async () => {
    const s = await t.login('teacher');
    await t.request({ method: 'PUT', url: '/api/v1/me/favorites/transcript', as: s });
    const actions = (await t.db.handle.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['demo.seed_org', 'catalog.import', 'auth.login', 'favorite.add']));
    const v = await verifyAudit(t.db.handle.db);
    expect(v).toMatchObject({ ok: true, firstBadSeq: null });
    expect(v.rows).toBe(actions.length);
  });

  it('chains concurrent writers without forking', async () => {
    const db = t.db.handle.db;
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.transaction().execute((trx) =>
      recordAudit(trx, { actorId: null, action: 'test.concurrent', entity: 'test', entityId: String(i) }))));
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('chains rows recorded in their transactions later, between direct writers, with chainers racing, none twice', async () => {
    const db = t.db.handle.db;
    const before = (await verifyAudit(db)).rows;
    // Recorded, committed, not yet chained: what a process killed right after a submission's commit leaves.
    await Promise.all(Array.from({ length: 30 }, (_, i) => db.transaction().execute(async (trx) => {
      if (i % 3 === 0) await recordAudit(trx, { actorId: null, action: 'test.direct', entity: 'test', entityId: `d${i}` });
      await recordAuditPending(trx, { actorId: null, action: 'test.pending', entity: 'test', entityId: `p${i}`, detail: { i } });
    })));
    // A rolled-back transaction leaves no pending row.
    await expect(db.transaction().execute(async (trx) => {
      await recordAuditPending(trx, { actorId: null, action: 'test.pending', entity: 'test', entityId: 'rolled-back' });
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    // Another process's worker (the app's own) may chain some of them meanwhile: together, every row exactly once.
    await Promise.all([chainPending(db, 7), chainPending(db, 7), chainPending(db)]);
    const v = await verifyAudit(db);
    expect(v).toMatchObject({ ok: true, pending: 0 });
    const pending = await db.selectFrom('audit_log').select(['entity_id', 'detail']).where('action', '=', 'test.pending').execute();
    expect(pending.map((r) => r.entity_id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `p${i}`).sort());
    expect(v.rows).toBe(before + 30 + 10);
    expect(JSON.parse(pending.find((r) => r.entity_id === 'p4')!.detail)).toEqual({ i: 4 });
  });

  it('detects an edited row, a deleted row and a truncated tail', async () => {
    const db = t.db.handle.db;
    await db.updateTable('audit_log').set({ detail: '{"ip":"1.2.3.4"}' }).where('seq', '=', 3).execute();
    expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'content changed' });
    // Even "repairing" the row with a recomputed-looking hash breaks the link to the next row.
    await sql`update audit_log set hash = ${'f'.repeat(64)} where seq = 3`.execute(db);
    expect((await verifyAudit(db)).ok).toBe(false);
    const fresh = await createTestApp(dialect);
    try {
      const fdb = fresh.db.handle.db;
      for (let i = 0; i < 3; i++) await fresh.login('teacher');
      await fdb.deleteFrom('audit_log').where('seq', '=', 2).execute();
      expect(await verifyAudit(fdb)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'missing row' });
      const max = await fdb.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow();
      await fdb.deleteFrom('audit_log').where('seq', '>=', 2).execute();
      expect(Number(max.m)).toBeGreaterThan(2);
      expect(await verifyAudit(fdb)).toMatchObject({ ok: false, reason: 'rows removed from the end' });
    } finally {
      await fresh.close();
    }
  });
});
