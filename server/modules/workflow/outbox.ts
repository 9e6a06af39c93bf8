// The outbox worker: delivers the effects a transaction wrote as outbox rows — in-app notifications and
// webhook calls of automatic steps — after the transaction committed. Rows are claimed with a lease
// (locked_until), so several processes can run workers on one database; a process killed mid-delivery
// leaves the lease to expire and another attempt picks the row up. Restart loses nothing: the rows are
// the queue. Webhook failures back off exponentially (5 s, 10 s, 20 s … capped at one hour) and give up
// after `maxAttempts`, leaving `failed_at` and `last_error` for an operator.
// The same worker fires the time-limit timers (W3), which are columns of the task rows: a warning to the
// assignee at 80 % of the step limit, and after the due date a notice to the assignee plus an escalation to
// their supervisor (a named assignee) or the unit's department admins (a role assignee).
// E-mail and SMS are further outbox kinds (`email`, `sms`), enqueued with each in-app notification and
// delivered by server/modules/notify through `onNotification` and `handlers`.
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import type { OrgDirectory } from '../org/directory.ts';
import { chinaDate } from './calendar.ts';
import { fireCaseTimers } from './case-timers.ts';
import { enqueue, holdersOfRole, supervisorOf, tasksToEscalate, tasksToWarn } from './repo.ts';

export interface OutboxOptions {
  intervalMs?: number;
  maxAttempts?: number;
  /** How long a claimed row stays ours before another worker may retry it. */
  leaseMs?: number;
  webhookTimeoutMs?: number;
  fetch?: typeof fetch;
  onError?: (err: unknown) => void;
  /**
   * Extension point for other deliveries (e-mail, SMS): called for each in-app notification inside the
   * transaction that writes it, so outbox rows enqueued here (repo.enqueue with `trx`) exist exactly when
   * the notification does.
   */
  onNotification?: (trx: Db, n: { personId: string; event: string; caseId: string; taskId: string | null }, outboxId: string) => Promise<void>;
  /** Handlers for further outbox kinds (e.g. 'email', 'sms'); throwing retries the row with back-off. */
  handlers?: Record<string, (payload: unknown, outboxId: string) => Promise<unknown>>;
}

type Recipient = { kind: 'person' | 'role' | 'applicant'; person?: string; role?: string; org?: string };
interface NotifyPayload { to: Recipient; event: string; caseId: string; taskId: string | null }
interface WebhookPayload { url: string; stepId: string; idempotencyKey: string; caseId: string }

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function ancestors(org: OrgDirectory, code: string): string[] {
  const out: string[] = [];
  for (let cur: string | null = code, guard = 0; cur && guard < 64; guard++) {
    out.push(cur);
    cur = org.units.get(cur)?.parent ?? null;
  }
  return out;
}

async function recipients(db: Db, org: OrgDirectory, to: Recipient): Promise<string[]> {
  if (to.person) return [to.person];
  if (to.role && to.org) return (await holdersOfRole(db, to.role, ancestors(org, to.org))).map((r) => r.id);
  return [];
}

/** Calls a webhook of an automatic step. `internal:` URLs are handled in this process (none needs work yet). */
async function callWebhook(p: WebhookPayload, opts: OutboxOptions): Promise<void> {
  if (p.url.startsWith('internal:')) return;
  const res = await (opts.fetch ?? fetch)(p.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': p.idempotencyKey },
    body: JSON.stringify({ caseId: p.caseId, stepId: p.stepId }),
    signal: AbortSignal.timeout(opts.webhookTimeoutMs ?? 10_000),
  });
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
}

/** Delivers every due row once; returns how many were delivered. Tests call it directly. */
export async function deliverDue(db: Db, org: OrgDirectory, opts: OutboxOptions = {}): Promise<number> {
  const now = nowIso();
  const rows = await db.selectFrom('outbox').selectAll()
    .where('done_at', 'is', null).where('failed_at', 'is', null).where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('created_at').orderBy('id').limit(50).execute();
  let delivered = 0;
  for (const row of rows) {
    // The claim re-checks what was read: another worker may have tried this row in between (and failed it,
    // releasing the lease with a later next attempt); `attempts` unchanged means nobody has.
    const claimed = await db.updateTable('outbox').set({ locked_until: plus(now, opts.leaseMs ?? 60_000) })
      .where('id', '=', row.id).where('done_at', 'is', null).where('failed_at', 'is', null)
      .where('attempts', '=', row.attempts).where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue; // another worker has it
    try {
      if (row.kind === 'notify') {
        const p = JSON.parse(row.payload) as NotifyPayload;
        const people = await recipients(db, org, p.to);
        // Rows and the done mark in one transaction; the unique (outbox_id, person_id) makes a replay harmless.
        await db.transaction().execute(async (trx) => {
          for (const personId of people) {
            const res = await trx.insertInto('notification').values({
              id: newId(), person_id: personId, event: p.event, case_id: p.caseId, task_id: p.taskId, outbox_id: row.id,
              created_at: row.created_at, read_at: null,
            }).onConflict((oc) => oc.columns(['outbox_id', 'person_id']).doNothing()).executeTakeFirst();
            if (Number(res.numInsertedOrUpdatedRows ?? 1) > 0) {
              await opts.onNotification?.(trx, { personId, event: p.event, caseId: p.caseId, taskId: p.taskId }, row.id);
            }
          }
          await trx.updateTable('outbox').set({ done_at: nowIso(), attempts: row.attempts + 1, locked_until: null }).where('id', '=', row.id).execute();
        });
      } else if (row.kind === 'webhook') {
        await callWebhook(JSON.parse(row.payload) as WebhookPayload, opts);
        await db.updateTable('outbox').set({ done_at: nowIso(), attempts: row.attempts + 1, locked_until: null }).where('id', '=', row.id).execute();
      } else if (opts.handlers?.[row.kind]) {
        await opts.handlers[row.kind]!(JSON.parse(row.payload), row.id);
        await db.updateTable('outbox').set({ done_at: nowIso(), attempts: row.attempts + 1, locked_until: null }).where('id', '=', row.id).execute();
      } else {
        throw new Error(`unknown outbox kind ${row.kind}`);
      }
      delivered++;
    } catch (err) {
      const attempts = row.attempts + 1;
      const giveUp = attempts >= (opts.maxAttempts ?? 12);
      const backoff = Math.min(5_000 * 2 ** (attempts - 1), 3_600_000);
      await db.updateTable('outbox').set({
        attempts, last_error: String((err as Error)?.message ?? err).slice(0, 1000), locked_until: null,
        next_attempt_at: plus(nowIso(), backoff), failed_at: giveUp ? nowIso() : null,
      }).where('id', '=', row.id).execute();
    }
  }
  return delivered;
}

/** Fires due warnings and escalations once; each task is marked in the transaction that enqueues its notices. */
export async function fireTimers(db: Db, today = chinaDate(nowIso())): Promise<number> {
  let fired = 0;
  for (const t of await tasksToWarn(db, today)) {
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const won = await trx.updateTable('case_task').set({ warned_at: now }).where('id', '=', t.id).where('warned_at', 'is', null).executeTakeFirst();
      if (Number(won.numUpdatedRows) !== 1) return;
      await enqueue(trx, 'notify', { to: recipientOf(t), event: 'task_due_soon', caseId: t.case_id, taskId: t.id }, now);
      fired++;
    });
  }
  for (const t of await tasksToEscalate(db, today)) {
    const boss = t.assignee_person ? await supervisorOf(db, t.assignee_person) : null;
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const won = await trx.updateTable('case_task').set({ escalated_at: now, warned_at: t.warned_at ?? now }).where('id', '=', t.id).where('escalated_at', 'is', null).executeTakeFirst();
      if (Number(won.numUpdatedRows) !== 1) return;
      await enqueue(trx, 'notify', { to: recipientOf(t), event: 'task_overdue', caseId: t.case_id, taskId: t.id }, now);
      const up: Recipient | null = t.assignee_kind === 'role' ? { kind: 'role', role: 'dept_admin', org: t.assignee_org ?? undefined }
        : boss ? { kind: 'person', person: boss } : null;
      if (up) await enqueue(trx, 'notify', { to: up, event: 'task_escalated', caseId: t.case_id, taskId: t.id }, now);
      fired++;
    });
  }
  return fired + await fireCaseTimers(db, today); // the case's promised limit (case-timers.ts)
}

function recipientOf(t: { assignee_kind: string; assignee_person: string | null; assignee_role: string | null; assignee_org: string | null }): Recipient {
  return t.assignee_person ? { kind: 'person', person: t.assignee_person } : { kind: 'role', role: t.assignee_role ?? undefined, org: t.assignee_org ?? undefined };
}

/** Runs deliveries every `intervalMs` in this process; `kick()` asks for a run now (after a commit). */
export function startOutboxWorker(db: Db, org: () => OrgDirectory, opts: OutboxOptions = {}) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  // Timers follow the clock, so only the periodic run looks at them; a kick (a commit wrote outbox rows)
  // only delivers, which keeps two scans of the open tasks off every submission.
  const run = (timers: boolean) => {
    if (stopped) return;
    if (running) { again = true; timersAgain ||= timers; return; }
    running = (timers ? fireTimers(db) : Promise.resolve(0)).then(() => deliverDue(db, org(), opts)).then(() => undefined, (err) => opts.onError?.(err)).finally(() => {
      running = null;
      if (again) { const t = timersAgain; again = false; timersAgain = false; run(t); }
    });
  };
  let timersAgain = false;
  const timer = setInterval(() => run(true), opts.intervalMs ?? 1000);
  timer.unref();
  return {
    kick: () => setImmediate(run, false),
    /** Resolves when the current run (if any) has finished. */
    idle: async () => { while (running) await running; },
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) await running;
    },
  };
}
export type OutboxWorker = ReturnType<typeof startOutboxWorker>;
