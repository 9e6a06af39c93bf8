// Timers of the case's promised limit (承诺时限, W3), beside the step timers of outbox.ts. What a hall does:
// - Yellow (the warning date, 80 % of the limit, is reached): the people the case waits on — the assignees of its
//   open staff tasks — are told once (`case_due_soon`). The applicant is not nagged: nothing is theirs to do.
// - Red (the due date passed): the assignees are told (`case_overdue`); the case is escalated (`case_escalated`)
//   to each person assignee's supervisor, to the admins of the unit of each role task, and to the owning
//   department's admins and the hall managers above it (督办); and the applicant hears that the promise is
//   missed and the case is being chased (`case_delayed`), because silence is what applicants complain about.
// - Nothing fires while the clock is paused (the case waits on the applicant) or once the case is finished.
// - Each fires exactly once: the mark (promised_warned_at / promised_escalated_at) is set in the transaction that
//   enqueues the notices, guarded by "still unset", so two workers or a restart cannot fire it twice.
// - Re-armed when the dates move: whoever writes new dates (promise.ts: resumption, calendar overrides) clears
//   a mark whose light is no longer reached with `rearmed`, so the timer fires again when it is.
import type { Db } from '../../db/index.ts';
import { nowIso } from '../../clock.ts';
import { enqueue, supervisorOf } from './repo.ts';

type Recipient = { kind: 'person' | 'role' | 'applicant'; person?: string; role?: string; org?: string };

/** The marks to clear when a case's dates become `due`/`warn` on `today` (China date): lights not reached now. */
export function rearmed(due: string, warn: string, today: string): { promised_warned_at?: null; promised_escalated_at?: null } {
  return { ...(warn > today ? { promised_warned_at: null } : {}), ...(due >= today ? { promised_escalated_at: null } : {}) };
}

const key = (r: Recipient) => `${r.kind}|${r.person ?? ''}|${r.role ?? ''}|${r.org ?? ''}`;

async function openStaffTasks(db: Db, caseId: string) {
  return db.selectFrom('case_task').select(['id', 'assignee_kind', 'assignee_person', 'assignee_role', 'assignee_org'])
    .where('case_id', '=', caseId).where('state', '=', 'open').where('assignee_kind', '!=', 'applicant').orderBy('opened_at').orderBy('id').execute();
}

type TaskRow = Awaited<ReturnType<typeof openStaffTasks>>[number];
const assigneeOf = (t: TaskRow): Recipient => t.assignee_person ? { kind: 'person', person: t.assignee_person }
  : { kind: 'role', role: t.assignee_role ?? undefined, org: t.assignee_org ?? undefined };

/** One notice per distinct recipient, each carrying the first task that names it (or none). */
async function notifyAll(trx: Db, list: Array<{ to: Recipient; taskId: string | null }>, event: string, caseId: string, now: string) {
  const seen = new Set<string>();
  for (const { to, taskId } of list) {
    if (seen.has(key(to))) continue;
    seen.add(key(to));
    await enqueue(trx, 'notify', { to, event, caseId, taskId }, now);
  }
}

/** Fires due case warnings and escalations once each; returns how many fired. Called by fireTimers. */
export async function fireCaseTimers(db: Db, today: string): Promise<number> {
  let fired = 0;
  const base = () => db.selectFrom('workflow_case').select(['id', 'applicant_id', 'department_code', 'promised_warned_at'])
    .where('status', '=', 'running').where('promised_paused_since', 'is', null);
  const toEscalate = await base().where('promised_escalated_at', 'is', null).where('promised_due', '<', today).orderBy('promised_due').limit(200).execute();
  for (const c of toEscalate) {
    const tasks = await openStaffTasks(db, c.id);
    const ups: Array<{ to: Recipient; taskId: string | null }> = [];
    for (const t of tasks) {
      if (t.assignee_kind === 'role') ups.push({ to: { kind: 'role', role: 'dept_admin', org: t.assignee_org ?? undefined }, taskId: t.id });
      else if (t.assignee_person) {
        const boss = await supervisorOf(db, t.assignee_person);
        if (boss) ups.push({ to: { kind: 'person', person: boss }, taskId: t.id });
      }
    }
    const first = tasks[0]?.id ?? null;
    ups.push({ to: { kind: 'role', role: 'dept_admin', org: c.department_code }, taskId: first });
    ups.push({ to: { kind: 'role', role: 'hall_manager', org: c.department_code }, taskId: first });
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const won = await trx.updateTable('workflow_case').set({ promised_escalated_at: now, promised_warned_at: c.promised_warned_at ?? now })
        .where('id', '=', c.id).where('promised_escalated_at', 'is', null).executeTakeFirst();
      if (Number(won.numUpdatedRows) !== 1) return;
      await notifyAll(trx, tasks.map((t) => ({ to: assigneeOf(t), taskId: t.id })), 'case_overdue', c.id, now);
      await notifyAll(trx, ups, 'case_escalated', c.id, now);
      await enqueue(trx, 'notify', { to: { kind: 'applicant', person: c.applicant_id }, event: 'case_delayed', caseId: c.id, taskId: null }, now);
      fired++;
    });
  }
  const toWarn = await base().where('promised_warned_at', 'is', null).where('promised_warn', '<=', today).orderBy('promised_warn').limit(200).execute();
  for (const c of toWarn) {
    const tasks = await openStaffTasks(db, c.id);
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      const won = await trx.updateTable('workflow_case').set({ promised_warned_at: now })
        .where('id', '=', c.id).where('promised_warned_at', 'is', null).executeTakeFirst();
      if (Number(won.numUpdatedRows) !== 1) return;
      await notifyAll(trx, tasks.map((t) => ({ to: assigneeOf(t), taskId: t.id })), 'case_due_soon', c.id, now);
      fired++;
    });
  }
  return fired;
}
