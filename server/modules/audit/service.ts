// Hash-chained audit log: every change appends a row whose hash covers the previous row's hash,
// so editing or deleting any row breaks the chain from there on (`onestop verify-audit`).
// Most changes chain their row in their own transaction (recordAudit), which holds the chain's head row until
// the commit. Submissions, the hot path, record theirs in audit_pending instead (recordAuditPending, still in
// their transaction, so the row exists exactly when the case does) and a chainer (chainPending, run by every
// server process's outbox worker right after such a commit and every second) links them in the order it finds them.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import { insertRows } from '../../db/prepared.ts';
import { newId, nowIso } from '../../clock.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

interface ChainedRow {
  seq: number; at: string; actor_id: string | null; action: string; entity: string;
  entity_id: string; detail: string; prev_hash: string;
}

function rowHash(r: ChainedRow): string {
  return createHash('sha256')
    .update(JSON.stringify([r.seq, r.at, r.actor_id, r.action, r.entity, r.entity_id, r.detail, r.prev_hash]))
    .digest('hex');
}

/** Append one audit row; call inside the transaction that makes the change. */
export async function recordAudit(trx: Db, entry: AuditEntry): Promise<void> {
  // Bumping the head row takes its write lock, so concurrent writers (several processes on
  // PostgreSQL) chain one after another instead of forking the chain.
  const head = await trx.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1).returning(['seq', 'hash']).executeTakeFirstOrThrow();
  const row: ChainedRow = {
    seq: head.seq, at: nowIso(), actor_id: entry.actorId, action: entry.action, entity: entry.entity,
    entity_id: entry.entityId, detail: JSON.stringify(entry.detail ?? {}), prev_hash: head.hash,
  };
  const hash = rowHash(row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

/** Record an audit row in the caller's transaction without taking the chain's head; chainPending links it. */
export async function recordAuditPending(trx: Db, entry: AuditEntry): Promise<void> {
  await insertRows(trx, 'audit_pending', [{
    id: newId(), at: nowIso(), actor_id: entry.actorId, action: entry.action, entity: entry.entity,
    entity_id: entry.entityId, detail: JSON.stringify(entry.detail ?? {}),
  }]);
}

/**
 * Moves recorded rows onto the chain, oldest first, `limit` at a time in one transaction each; returns how
 * many. The head row is locked before the pending rows are read, so chainers in several processes take turns
 * and none links a row another has already moved (each statement sees what committed before it).
 */
export async function chainPending(db: Db, limit = 500): Promise<number> {
  let moved = 0;
  for (;;) {
    if (!(await db.selectFrom('audit_pending').select('id').limit(1).executeTakeFirst())) return moved;
    const n = await db.transaction().execute(async (trx) => {
      const head = await trx.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 0) }))
        .where('id', '=', 1).returning(['seq', 'hash']).executeTakeFirstOrThrow();
      const pending = await trx.selectFrom('audit_pending').selectAll().orderBy('at').orderBy('id').limit(limit).execute();
      if (!pending.length) return 0;
      let { seq, hash } = head;
      const rows = pending.map((p) => {
        const row: ChainedRow = {
          seq: ++seq, at: p.at, actor_id: p.actor_id, action: p.action, entity: p.entity, entity_id: p.entity_id, detail: p.detail, prev_hash: hash,
        };
        hash = rowHash(row);
        return { ...row, hash };
      });
      for (let i = 0; i < rows.length; i += 100) await trx.insertInto('audit_log').values(rows.slice(i, i + 100)).execute();
      await trx.deleteFrom('audit_pending').where('id', 'in', pending.map((p) => p.id)).execute();
      await trx.updateTable('audit_head').set({ seq, hash }).where('id', '=', 1).execute();
      return rows.length;
    });
    moved += n;
    if (n < limit) return moved;
  }
}

/** `pending`: rows recorded but not yet chained (a running server chains them within about a second). */
export interface AuditVerdict { ok: boolean; rows: number; firstBadSeq: number | null; reason: string | null; pending: number }

/** Walk the chain in order and report the first row whose hash, link or sequence is wrong. */
export async function verifyAudit(db: Db): Promise<AuditVerdict> {
  let prev = '0'.repeat(64);
  let expectedSeq = 1;
  let rows = 0;
  const pageSize = 5000;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq)
      .orderBy('seq').limit(pageSize).execute();
    for (const r of page) {
      rows++;
      if (r.seq !== expectedSeq) return { ok: false, rows, firstBadSeq: expectedSeq, reason: 'missing row', pending: await pendingRows(db) };
      if (r.prev_hash !== prev) return { ok: false, rows, firstBadSeq: r.seq, reason: 'broken link', pending: await pendingRows(db) };
      if (rowHash(r) !== r.hash) return { ok: false, rows, firstBadSeq: r.seq, reason: 'content changed', pending: await pendingRows(db) };
      prev = r.hash;
      expectedSeq++;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.seq !== expectedSeq - 1 || head.hash !== prev) {
    return { ok: false, rows, firstBadSeq: expectedSeq, reason: 'rows removed from the end', pending: await pendingRows(db) };
  }
  return { ok: true, rows, firstBadSeq: null, reason: null, pending: await pendingRows(db) };
}

async function pendingRows(db: Db): Promise<number> {
  return Number((await db.selectFrom('audit_pending').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}
