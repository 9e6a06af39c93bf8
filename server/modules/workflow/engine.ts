// The workflow engine: a pure function from (definition, case state, action, now) to the next state and the
// effects the shell must apply in one transaction. No I/O, no clock, no randomness: task ids come from a
// counter in the state, so replaying the same actions gives the same rows.
import { checkCondition } from './expression.ts';
import { findStep, transitionsOf, type Assignee, type AssigneeRule, type ProcessDefinition, type Step } from './definition.ts';

/** Where a case stands; completed, rejected and withdrawn are final. */
export type CaseStatus = 'running' | 'waiting_applicant' | 'completed' | 'rejected' | 'withdrawn';

/** One open piece of work; `version` guards against two people acting on it at once (409). */
export interface Task {
  id: string;
  stepId: string;
  branchId?: string;
  assignee: Assignee;
  version: number;
  openedAt: string;
  /** Set on tasks opened by 加签: the task whose holder added this signer. */
  addedBy?: string;
}

/** A problem in a return for correction, tied to one field or material (一次性告知). */
export interface Problem {
  target: { kind: 'field'; path: string } | { kind: 'material'; code: string };
  message: string;
}

/** One append-only timeline row. */
export interface CaseEvent {
  at: string;
  actor: string;
  type: Action['type'] | 'step_entered' | 'completed';
  stepId?: string;
  taskId?: string;
  reason?: string;
  text?: string;
  problems?: Problem[];
  toStepId?: string;
  assignee?: Assignee;
}

/** Everything the engine needs to know about one case. */
export interface CaseState {
  caseId: string;
  applicantId: string;
  status: CaseStatus;
  data: Record<string, unknown>;
  tasks: Task[];
  history: CaseEvent[];
  /** Steps entered, in order; return_to_step and return_to_applicant cut it back. */
  trail: string[];
  /** The step a return for correction came from; resubmission goes straight back to it. */
  returnedFrom?: string;
  problems?: Problem[];
  /** Whether anyone has decided (approved, rejected, returned); withdrawal is allowed only before. */
  decided: boolean;
  /** Counter behind deterministic task ids. */
  seq: number;
}

type TaskRef = { actor: string; taskId: string; version: number };

/** What a person (or the shell on their behalf) does to a case. */
export type Action =
  | { type: 'start'; actor: string; caseId: string; applicantId: string; data: Record<string, unknown> }
  | ({ type: 'approve'; comment?: string } & TaskRef)
  | ({ type: 'reject'; reason: string } & TaskRef)
  | ({ type: 'return_to_applicant'; problems: Problem[] } & TaskRef)
  | { type: 'resubmit'; actor: string; data?: Record<string, unknown> }
  | ({ type: 'return_to_step'; toStepId: string; reason?: string } & TaskRef)
  | ({ type: 'transfer'; to: AssigneeRule } & TaskRef)
  | ({ type: 'add_signer'; signer: AssigneeRule } & TaskRef)
  | { type: 'withdraw'; actor: string; reason?: string }
  | { type: 'comment'; actor: string; text: string; taskId?: string };

/** Why a task closed, for the done list and the timeline. */
export type TaskOutcome = 'approved' | 'rejected' | 'returned' | 'superseded' | 'transferred' | 'withdrawn';
/** What a notification tells its recipient. */
export type NotifyEvent = 'task_assigned' | 'case_returned' | 'case_completed' | 'case_rejected' | 'case_withdrawn';

/** A side effect for the shell to apply (with an outbox row) in the same transaction as the new state. */
export type Effect =
  | { kind: 'open_task'; task: Task }
  | { kind: 'close_task'; taskId: string; outcome: TaskOutcome }
  | { kind: 'notify'; to: Assignee; event: NotifyEvent; taskId?: string }
  | { kind: 'schedule_timer'; timerId: string; taskId: string; workingDays: number; from: string }
  | { kind: 'call_webhook'; url: string; stepId: string; idempotencyKey: string };

/** Why an action was refused; the shell maps stale_version and task_closed to 409. */
export type RefusalReason =
  | 'not_started'
  | 'already_started'
  | 'case_finished'
  | 'task_closed'
  | 'stale_version'
  | 'not_applicant'
  | 'not_allowed_on_step'
  | 'reason_required'
  | 'problems_required'
  | 'text_required'
  | 'not_waiting_applicant'
  | 'already_decided'
  | 'not_earlier_step'
  | 'bad_condition'
  | 'invalid_definition';

/** The outcome of one action: new state and effects, or a refusal. */
export type AdvanceResult = { ok: true; state: CaseState; effects: Effect[] } | { ok: false; reason: RefusalReason };

const FINISHED: ReadonlySet<CaseStatus> = new Set(['completed', 'rejected', 'withdrawn']);

/** Whether a case has reached an end state (nothing more can happen to it). */
export function isFinished(status: CaseStatus): boolean {
  return FINISHED.has(status);
}

// A mutable working copy; the caller's state is never touched.
interface Draft {
  def: ProcessDefinition;
  s: CaseState;
  effects: Effect[];
  now: string;
}

const fail = (reason: RefusalReason): AdvanceResult => ({ ok: false, reason });

/** Applies one action to a case: the new state and its effects, or the reason it is refused. */
export function advance(def: ProcessDefinition, state: CaseState | null, action: Action, now: string): AdvanceResult {
  if (action.type === 'start') {
    if (state) return fail('already_started');
    return start(def, action, now);
  }
  if (!state) return fail('not_started');
  if (isFinished(state.status)) return fail('case_finished');
  const d: Draft = {
    def,
    s: { ...state, tasks: [...state.tasks], history: [...state.history], trail: [...state.trail] },
    effects: [],
    now,
  };
  const refusal = apply(d, action);
  return refusal ? fail(refusal) : { ok: true, state: d.s, effects: d.effects };
}

function start(def: ProcessDefinition, a: Extract<Action, { type: 'start' }>, now: string): AdvanceResult {
  if (!findStep(def, def.start)) return fail('invalid_definition');
  const s: CaseState = {
    caseId: a.caseId,
    applicantId: a.applicantId,
    status: 'running',
    data: a.data,
    tasks: [],
    history: [{ at: now, actor: a.actor, type: 'start' }],
    trail: [],
    decided: false,
    seq: 0,
  };
  const d: Draft = { def, s, effects: [], now };
  const refusal = enter(d, def.start);
  return refusal ? fail(refusal) : { ok: true, state: d.s, effects: d.effects };
}

function apply(d: Draft, a: Exclude<Action, { type: 'start' }>): RefusalReason | undefined {
  const s = d.s;
  switch (a.type) {
    case 'withdraw':
      if (a.actor !== s.applicantId) return 'not_applicant';
      if (s.decided) return 'already_decided';
      for (const t of s.tasks) notify(d, t.assignee, 'case_withdrawn', t.id);
      closeAll(d, 'withdrawn');
      s.status = 'withdrawn';
      record(d, { actor: a.actor, type: 'withdraw', reason: a.reason });
      return;
    case 'resubmit': {
      if (a.actor !== s.applicantId) return 'not_applicant';
      if (s.status !== 'waiting_applicant' || !s.returnedFrom) return 'not_waiting_applicant';
      const back = s.returnedFrom;
      if (a.data) s.data = { ...s.data, ...a.data };
      s.status = 'running';
      s.returnedFrom = undefined;
      s.problems = undefined;
      record(d, { actor: a.actor, type: 'resubmit', toStepId: back });
      return enter(d, back);
    }
    case 'comment':
      if (!a.text.trim()) return 'text_required';
      if (a.taskId !== undefined && !s.tasks.some((t) => t.id === a.taskId)) return 'task_closed';
      record(d, { actor: a.actor, type: 'comment', text: a.text, taskId: a.taskId });
      return;
  }

  // Every remaining action works one open task, quoting the version it saw.
  if (s.status !== 'running') return 'task_closed';
  const task = s.tasks.find((t) => t.id === a.taskId);
  if (!task) return 'task_closed';
  if (task.version !== a.version) return 'stale_version';
  const step = findStep(d.def, task.stepId);
  if (!step) return 'invalid_definition';
  const applicantTask = task.assignee.kind === 'applicant';
  if (applicantTask && a.actor !== s.applicantId) return 'not_applicant';
  if (applicantTask && a.type !== 'approve') return 'not_allowed_on_step';

  switch (a.type) {
    case 'approve': {
      if (!applicantTask) s.decided = true;
      removeTask(d, task.id, 'approved');
      record(d, { actor: a.actor, type: 'approve', stepId: step.id, taskId: task.id, text: a.comment });
      const anyOf = step.kind === 'parallel' && step.mode === 'any';
      if (anyOf) closeAll(d, 'superseded');
      if (s.tasks.length > 0) return; // all-of: still waiting on other branches or added signers
      return leave(d, step);
    }
    case 'reject':
      if (!a.reason?.trim()) return 'reason_required';
      s.decided = true;
      closeAll(d, 'rejected', task.id);
      s.status = 'rejected';
      record(d, { actor: a.actor, type: 'reject', stepId: step.id, taskId: task.id, reason: a.reason });
      notify(d, { kind: 'applicant' }, 'case_rejected');
      return;
    case 'return_to_applicant':
      if (a.problems.length === 0 || a.problems.some((p) => !p.message.trim())) return 'problems_required';
      s.decided = true;
      closeAll(d, 'returned', task.id);
      s.status = 'waiting_applicant';
      s.returnedFrom = step.id;
      s.problems = a.problems;
      // The step is re-entered on resubmission, so it leaves the trail until then.
      if (s.trail[s.trail.length - 1] === step.id) s.trail.pop();
      record(d, { actor: a.actor, type: 'return_to_applicant', stepId: step.id, taskId: task.id, problems: a.problems });
      notify(d, { kind: 'applicant' }, 'case_returned');
      return;
    case 'return_to_step': {
      const earlier = s.trail.slice(0, -1).lastIndexOf(a.toStepId);
      const target = findStep(d.def, a.toStepId);
      if (earlier < 0 || !target || target.kind === 'automatic') return 'not_earlier_step';
      s.decided = true;
      closeAll(d, 'returned', task.id);
      s.trail = s.trail.slice(0, earlier);
      record(d, { actor: a.actor, type: 'return_to_step', stepId: step.id, taskId: task.id, toStepId: a.toStepId, reason: a.reason });
      return enter(d, a.toStepId);
    }
    case 'transfer':
      removeTask(d, task.id, 'transferred');
      openTask(d, step, a.to, task.branchId, task.addedBy);
      record(d, { actor: a.actor, type: 'transfer', stepId: step.id, taskId: task.id, assignee: a.to });
      return;
    case 'add_signer': {
      // The holder keeps the task (its version moves on); the new signer must also approve (加签).
      const bumped = { ...task, version: task.version + 1 };
      s.tasks = s.tasks.map((t) => (t.id === task.id ? bumped : t));
      openTask(d, step, a.signer, undefined, task.id);
      record(d, { actor: a.actor, type: 'add_signer', stepId: step.id, taskId: task.id, assignee: a.signer });
      return;
    }
  }
}

function record(d: Draft, e: Omit<CaseEvent, 'at'>): void {
  // Drop undefined keys so states compare and serialize cleanly.
  const row = Object.fromEntries(Object.entries({ at: d.now, ...e }).filter(([, v]) => v !== undefined));
  d.s.history.push(row as unknown as CaseEvent);
}

function notify(d: Draft, to: Assignee, event: NotifyEvent, taskId?: string): void {
  d.effects.push(taskId === undefined ? { kind: 'notify', to, event } : { kind: 'notify', to, event, taskId });
}

function removeTask(d: Draft, taskId: string, outcome: TaskOutcome): void {
  d.s.tasks = d.s.tasks.filter((t) => t.id !== taskId);
  d.effects.push({ kind: 'close_task', taskId, outcome });
}

/** Closes every open task: the acting one with `outcome`, its siblings as superseded. */
function closeAll(d: Draft, outcome: TaskOutcome, actingTaskId?: string): void {
  for (const t of d.s.tasks) {
    const o = actingTaskId === undefined || t.id === actingTaskId ? outcome : 'superseded';
    d.effects.push({ kind: 'close_task', taskId: t.id, outcome: o });
  }
  d.s.tasks = [];
}

function openTask(d: Draft, step: Step, assignee: Assignee, branchId?: string, addedBy?: string): void {
  d.s.seq += 1;
  const task: Task = { id: `${d.s.caseId}/t${d.s.seq}`, stepId: step.id, assignee, version: 1, openedAt: d.now };
  if (branchId !== undefined) task.branchId = branchId;
  if (addedBy !== undefined) task.addedBy = addedBy;
  d.s.tasks.push(task);
  d.effects.push({ kind: 'open_task', task });
  notify(d, assignee, 'task_assigned', task.id);
  if (step.limitDays !== undefined) {
    // The shell turns working days into a due instant with the calendar; timers die with their task.
    d.effects.push({ kind: 'schedule_timer', timerId: `${task.id}:limit`, taskId: task.id, workingDays: step.limitDays, from: d.now });
  }
}

/** Enters a step, running automatic steps straight through until a step waits on someone or the case ends. */
function enter(d: Draft, stepId: string): RefusalReason | undefined {
  let current: string | undefined = stepId;
  // Lint forbids cycles; the bound keeps a bad, unlinted definition from looping forever.
  for (let hops = 0; current !== undefined; hops++) {
    if (hops > d.def.steps.length) return 'invalid_definition';
    const step = findStep(d.def, current);
    if (!step) return 'invalid_definition';
    d.s.trail.push(step.id);
    record(d, { actor: 'system', type: 'step_entered', stepId: step.id });
    switch (step.kind) {
      case 'approval':
        openTask(d, step, step.assignee);
        return;
      case 'applicant':
        openTask(d, step, { kind: 'applicant' });
        return;
      case 'parallel':
        if (step.branches.length === 0) return 'invalid_definition';
        for (const b of step.branches) openTask(d, step, b.assignee, b.id);
        return;
      case 'automatic': {
        // Keyed by visit so a return that re-runs the step calls again, but a retried outbox row does not.
        const visit = d.s.trail.length;
        d.effects.push({ kind: 'call_webhook', url: step.webhook, stepId: step.id, idempotencyKey: `${d.s.caseId}/${step.id}/${visit}` });
        const next = nextStep(d, step);
        if (next.ok === false) return next.reason;
        current = next.to;
      }
    }
  }
  complete(d);
}

function leave(d: Draft, step: Step): RefusalReason | undefined {
  const next = nextStep(d, step);
  if (next.ok === false) return next.reason;
  if (next.to === undefined) {
    complete(d);
    return;
  }
  return enter(d, next.to);
}

function nextStep(d: Draft, step: Step): { ok: true; to?: string } | { ok: false; reason: RefusalReason } {
  for (const t of transitionsOf(step)) {
    if (t.when === undefined) return { ok: true, to: t.to };
    const c = checkCondition(t.when, d.s.data);
    if (!c.ok) return { ok: false, reason: 'bad_condition' };
    if (c.value) return { ok: true, to: t.to };
  }
  return { ok: true };
}

function complete(d: Draft): void {
  d.s.status = 'completed';
  record(d, { actor: 'system', type: 'completed' });
  notify(d, { kind: 'applicant' }, 'case_completed');
}
