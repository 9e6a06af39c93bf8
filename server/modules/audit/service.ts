// Hash-chained audit log: every change appends a row whose hash covers the previous row's hash,
// so editing or deleting any row breaks the chain from there on (`onestop verify-audit`).
import { createHash } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import { nowIso } from '../../clock.ts';

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

export interface AuditVerdict { ok: boolean; rows: number; firstBadSeq: number | null; reason: string | null }

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
      if (r.seq !== expectedSeq) return { ok: false, rows, firstBadSeq: expectedSeq, reason: 'missing row' };
      if (r.prev_hash !== prev) return { ok: false, rows, firstBadSeq: r.seq, reason: 'broken link' };
      if (rowHash(r) !== r.hash) return { ok: false, rows, firstBadSeq: r.seq, reason: 'content changed' };
      prev = r.hash;
      expectedSeq++;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.seq !== expectedSeq - 1 || head.hash !== prev) {
    return { ok: false, rows, firstBadSeq: expectedSeq, reason: 'rows removed from the end' };
  }
  return { ok: true, rows, firstBadSeq: null, reason: null };
}
