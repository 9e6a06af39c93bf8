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
import type { Selectable } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { OutboxTable } from '../../db/schema-workflow.ts';
import { newId, nowIso } from '../../clock.ts';
import type { OrgDirectory } from '../org/directory.ts';
import { chainPending } from '../audit/service.ts';
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
  /** How long after a kick (a commit that wrote outbox rows) the worker runs, gathering the commits meanwhile (5 ms). */
  kickDelayMs?: number;
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

type OutboxRow = Selectable<OutboxTable>;

/**
 * Delivers every due row once; returns how many were delivered. Tests call it directly.
 * Batched: the due rows are claimed in one statement per attempt count, and all in-app notifications are
 * written with their done marks in one transaction — when that transaction fails, each row is delivered again
 * on its own, so one bad row fails alone. Other kinds (webhooks, e-mail, SMS) are sent one by one, each marked
 * done as soon as it was sent; past half the lease the rest are released for the next run rather than held too long.
 */
export async function deliverDue(db: Db, org: OrgDirectory, opts: OutboxOptions = {}): Promise<number> {
  const now = nowIso();
  const leaseMs = opts.leaseMs ?? 60_000;
  const due = await db.selectFrom('outbox').selectAll()
    .where('done_at', 'is', null).where('failed_at', 'is', null).where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('created_at').orderBy('id').limit(100).execute();
  if (!due.length) return 0;
  const started = Date.now();
  const rows = await claim(db, due, now, plus(now, leaseMs));
  let delivered = 0;
  const notifies = rows.filter((r) => r.kind === 'notify');
  if (notifies.length) {
    // Recipients of role-addressed rows are read before the transaction, like the single-row path does.
    const planned = await Promise.all(notifies.map(async (row) => {
      const p = JSON.parse(row.payload) as NotifyPayload;
      return { row, p, people: await recipients(db, org, p.to) };
    }));
    try {
      await db.transaction().execute(async (trx) => {
        await writeNotifications(trx, planned, opts);
        await trx.updateTable('outbox').set({ done_at: nowIso(), attempts: (eb) => eb('attempts', '+', 1), locked_until: null })
          .where('id', 'in', planned.map((n) => n.row.id)).execute();
      });
      delivered += planned.length;
    } catch {
      for (const n of planned) if (await deliverOne(db, org, n.row, opts)) delivered++;
    }
  }
  // Other kinds leave the system (a webhook call, an e-mail, an SMS): each is marked done right after it was
  // sent, so a crash in the middle resends at most the one in flight, never the batch before it.
  const others = rows.filter((r) => r.kind !== 'notify');
  for (const [i, row] of others.entries()) {
    if (Date.now() - started > leaseMs / 2) {
      await db.updateTable('outbox').set({ locked_until: null }).where('id', 'in', others.slice(i).map((r) => r.id)).where('done_at', 'is', null).execute();
      break;
    }
    if (await deliverOne(db, org, row, opts)) delivered++;
  }
  return delivered;
}

/**
 * Claims what was read, re-checking it: another worker may have tried a row in between (and failed it,
 * releasing the lease with a later next attempt); `attempts` unchanged means nobody has.
 */
async function claim(db: Db, due: OutboxRow[], now: string, until: string): Promise<OutboxRow[]> {
  const byAttempts = new Map<number, OutboxRow[]>();
  for (const r of due) byAttempts.set(r.attempts, [...(byAttempts.get(r.attempts) ?? []), r]);
  const mine = new Set<string>();
  for (const [attempts, group] of byAttempts) {
    const got = await db.updateTable('outbox').set({ locked_until: until })
      .where('id', 'in', group.map((r) => r.id)).where('done_at', 'is', null).where('failed_at', 'is', null)
      .where('attempts', '=', attempts).where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])).returning('id').execute();
    for (const r of got) mine.add(r.id);
  }
  return due.filter((r) => mine.has(r.id));
}

/** Notify rows' notifications in one insert; the unique (outbox_id, person_id) makes a replay harmless. */
async function writeNotifications(trx: Db, planned: Array<{ row: OutboxRow; p: NotifyPayload; people: string[] }>, opts: OutboxOptions) {
  const values = planned.flatMap(({ row, p, people }) => people.map((personId) => ({
    id: newId(), person_id: personId, event: p.event, case_id: p.caseId, task_id: p.taskId, outbox_id: row.id, created_at: row.created_at, read_at: null,
  })));
  if (!values.length) return;
  const inserted = await trx.insertInto('notification').values(values)
    .onConflict((oc) => oc.columns(['outbox_id', 'person_id']).doNothing()).returning(['outbox_id', 'person_id']).execute();
  const fresh = new Set(inserted.map((r) => `${r.outbox_id}\u0000${r.person_id}`));
  for (const v of values) {
    if (fresh.has(`${v.outbox_id}\u0000${v.person_id}`)) await opts.onNotification?.(trx, { personId: v.person_id, event: v.event, caseId: v.case_id, taskId: v.task_id }, v.outbox_id);
  }
}

/** Sends a row of another kind than notify; throws to retry it. */
async function send(row: OutboxRow, opts: OutboxOptions) {
  if (row.kind === 'webhook') await callWebhook(JSON.parse(row.payload) as WebhookPayload, opts);
  else if (opts.handlers?.[row.kind]) await opts.handlers[row.kind]!(JSON.parse(row.payload), row.id);
  else throw new Error(`unknown outbox kind ${row.kind}`);
}

/** A claimed row delivered on its own (its own transaction); false when it failed and was set to retry. */
async function deliverOne(db: Db, org: OrgDirectory, row: OutboxRow, opts: OutboxOptions): Promise<boolean> {
  try {
    if (row.kind === 'notify') {
      const p = JSON.parse(row.payload) as NotifyPayload;
      const people = await recipients(db, org, p.to);
      await db.transaction().execute(async (trx) => {
        await writeNotifications(trx, [{ row, p, people }], opts);
        await trx.updateTable('outbox').set({ done_at: nowIso(), attempts: row.attempts + 1, locked_until: null }).where('id', '=', row.id).execute();
      });
    } else {
      await send(row, opts);
      await db.updateTable('outbox').set({ done_at: nowIso(), attempts: row.attempts + 1, locked_until: null }).where('id', '=', row.id).execute();
    }
    return true;
  } catch (err) {
    await failed(db, row, err, opts);
    return false;
  }
}

/** Backs a failed row off (5 s, 10 s, 20 s … capped at an hour), or gives up after `maxAttempts`. */
async function failed(db: Db, row: OutboxRow, err: unknown, opts: OutboxOptions) {
  const attempts = row.attempts + 1;
  const giveUp = attempts >= (opts.maxAttempts ?? 12);
  const backoff = Math.min(5_000 * 2 ** (attempts - 1), 3_600_000);
  await db.updateTable('outbox').set({
    attempts, last_error: String((err as Error)?.message ?? err).slice(0, 1000), locked_until: null,
    next_attempt_at: plus(nowIso(), backoff), failed_at: giveUp ? nowIso() : null,
  }).where('id', '=', row.id).execute();
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
  let soon: NodeJS.Timeout | null = null;
  // Timers follow the clock, so only the periodic run looks at them; a kick (a commit wrote outbox rows)
  // only delivers, which keeps two scans of the open tasks off every submission.
  const run = (timers: boolean) => {
    if (stopped) return;
    if (running) { again = true; timersAgain ||= timers; return; }
    // Submissions' audit rows are chained on every run too (a kick follows each submission's commit).
    running = (timers ? fireTimers(db) : Promise.resolve(0)).then(() => deliverDue(db, org(), opts)).then(() => chainPending(db))
      .then(() => undefined, (err) => opts.onError?.(err)).finally(() => {
      running = null;
      if (again) { const t = timersAgain; again = false; timersAgain = false; t ? run(true) : kick(); }
    });
  };
  // A kick runs a few milliseconds later, once: under load the commits of that moment are delivered and
  // chained together (one claim, one transaction) instead of one run per commit.
  const kick = () => {
    if (soon || stopped) return;
    soon = setTimeout(() => { soon = null; run(false); }, opts.kickDelayMs ?? 5);
  };
  let timersAgain = false;
  const timer = setInterval(() => run(true), opts.intervalMs ?? 1000);
  timer.unref();
  return {
    kick,
    /** Resolves when the current run (if any) has finished. */
    idle: async () => { while (running) await running; },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (soon) clearTimeout(soon);
      while (running) await running;
      // What was recorded is chained before the database closes (a killed process leaves it to the next start).
      await chainPending(db).catch((err) => opts.onError?.(err));
    },
  };
}
export type OutboxWorker = ReturnType<typeof startOutboxWorker>;
