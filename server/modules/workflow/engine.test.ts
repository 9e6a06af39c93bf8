import { describe, expect, it } from 'vitest';
import { advance, type Action, type CaseState, type Effect } from './engine.ts';
import type { ProcessDefinition } from './definition.ts';

const n = (zh: string) => ({ zh, en: zh });
const role = (r: string) => ({ kind: 'role' as const, role: r, scope: 'owning_department' as const });
const NOW = '2026-09-30T02:00:00.000Z';

/** 离职: department review, then parallel clearance by five departments, then an automatic archive. */
const resignation: ProcessDefinition = {
  start: 'review',
  steps: [
    { id: 'review', name: n('学院审核'), kind: 'approval', assignee: { kind: 'role', role: 'dean', scope: 'applicant_department' }, next: 'clear', limitDays: 3 },
    {
      id: 'clear', name: n('离校清查'), kind: 'parallel', mode: 'all', next: 'archive',
      branches: ['lib', 'fin', 'card', 'net', 'asset'].map((id) => ({ id, name: n(id), assignee: role(id) })),
    },
    { id: 'archive', name: n('归档'), kind: 'automatic', webhook: 'https://hr.example/archive' },
  ],
};

/** 请销假: the approvers depend on the number of days. */
const leave: ProcessDefinition = {
  start: 'supervisor',
  steps: [
    { id: 'supervisor', name: n('导师'), kind: 'approval', assignee: { kind: 'supervisor' }, next: [{ to: 'hr', when: 'days > 3' }] },
    { id: 'hr', name: n('人事处'), kind: 'approval', assignee: role('hr') },
  ],
};

function run(def: ProcessDefinition, actions: Array<Action | ((s: CaseState) => Action)>): { state: CaseState; effects: Effect[] } {
  let state: CaseState | null = null;
  let effects: Effect[] = [];
  for (const a of actions) {
    const r = advance(def, state, typeof a === 'function' ? a(state!) : a, NOW);
    if (!r.ok) throw new Error(`refused: ${r.reason}`);
    state = r.state;
    effects = r.effects;
  }
  return { state: state!, effects };
}
const startAction = (data: Record<string, unknown> = {}): Action => ({ type: 'start', actor: 'u1', caseId: 'c1', applicantId: 'u1', data });
const approveFirst = (s: CaseState): Action => ({ type: 'approve', actor: 's1', taskId: s.tasks[0].id, version: s.tasks[0].version });

describe('advance', () => {
  it('starts a case on its first step with an open task, a notice and a timer', () => {
    const { state, effects } = run(resignation, [startAction()]);
    expect(state.status).toBe('running');
    expect(state.tasks).toEqual([{ id: 'c1/t1', stepId: 'review', assignee: resignation.steps[0].kind === 'approval' ? resignation.steps[0].assignee : null, version: 1, openedAt: NOW }]);
    expect(effects.map((e) => e.kind)).toEqual(['open_task', 'notify', 'schedule_timer']);
  });

  it('joins an all-of group only when every branch approves, then runs the automatic step and completes', () => {
    let { state } = run(resignation, [startAction(), approveFirst]);
    expect(state.tasks.map((t) => t.branchId)).toEqual(['lib', 'fin', 'card', 'net', 'asset']);
    for (let i = 0; i < 4; i++) {
      const r = advance(resignation, state, approveFirst(state), NOW);
      if (!r.ok) throw new Error(r.reason);
      state = r.state;
    }
    expect(state.status).toBe('running');
    expect(state.tasks).toHaveLength(1);
    const last = advance(resignation, state, approveFirst(state), NOW);
    expect(last.ok && last.state.status).toBe('completed');
    expect(last.ok && last.effects.filter((e) => e.kind === 'call_webhook')).toEqual([
      { kind: 'call_webhook', url: 'https://hr.example/archive', stepId: 'archive', idempotencyKey: 'c1/archive/3' },
    ]);
  });

  it('closes the other branches when an any-of group gets its first approval', () => {
    const anyOf: ProcessDefinition = { ...resignation, steps: resignation.steps.map((s) => (s.kind === 'parallel' ? { ...s, mode: 'any' as const } : s)) };
    const { state, effects } = run(anyOf, [startAction(), approveFirst, approveFirst]);
    expect(state.status).toBe('completed');
    expect(effects.filter((e) => e.kind === 'close_task').map((e) => e.kind === 'close_task' && e.outcome)).toEqual(['approved', 'superseded', 'superseded', 'superseded', 'superseded']);
  });

  it('follows conditions on form data', () => {
    expect(run(leave, [startAction({ days: 2 }), approveFirst]).state.status).toBe('completed');
    const long = run(leave, [startAction({ days: 5 }), approveFirst]).state;
    expect(long.tasks.map((t) => t.stepId)).toEqual(['hr']);
  });

  it('returns to the applicant with every problem at once, and resubmission goes straight back to that step', () => {
    const problems = [
      { target: { kind: 'field' as const, path: 'lastDay' }, message: '最后工作日早于交接日' },
      { target: { kind: 'material' as const, code: 'handover' }, message: '缺交接清单' },
    ];
    let { state } = run(resignation, [startAction(), approveFirst]);
    const t = state.tasks[2];
    const r = advance(resignation, state, { type: 'return_to_applicant', actor: 's1', taskId: t.id, version: 1, problems }, NOW);
    if (!r.ok) throw new Error(r.reason);
    state = r.state;
    expect(state.status).toBe('waiting_applicant');
    expect(state.problems).toEqual(problems);
    expect(state.tasks).toEqual([]);
    expect(advance(resignation, state, { type: 'resubmit', actor: 's1' }, NOW)).toEqual({ ok: false, reason: 'not_applicant' });
    const back = advance(resignation, state, { type: 'resubmit', actor: 'u1', data: { lastDay: '2026-10-30' } }, NOW);
    expect(back.ok && back.state.tasks.map((x) => x.stepId)).toEqual(['clear', 'clear', 'clear', 'clear', 'clear']);
    expect(back.ok && back.state.data).toEqual({ lastDay: '2026-10-30' });
  });

  it('refuses expected mistakes as values', () => {
    const { state } = run(resignation, [startAction()]);
    const t = state.tasks[0];
    expect(advance(resignation, state, { type: 'reject', actor: 's1', taskId: t.id, version: 1, reason: '  ' }, NOW)).toEqual({ ok: false, reason: 'reason_required' });
    expect(advance(resignation, state, { type: 'approve', actor: 's1', taskId: t.id, version: 2 }, NOW)).toEqual({ ok: false, reason: 'stale_version' });
    expect(advance(resignation, state, { type: 'approve', actor: 's1', taskId: 'c1/t9', version: 1 }, NOW)).toEqual({ ok: false, reason: 'task_closed' });
    expect(advance(resignation, state, { type: 'return_to_applicant', actor: 's1', taskId: t.id, version: 1, problems: [] }, NOW)).toEqual({ ok: false, reason: 'problems_required' });
    expect(advance(resignation, state, { type: 'return_to_step', actor: 's1', taskId: t.id, version: 1, toStepId: 'review' }, NOW)).toEqual({ ok: false, reason: 'not_earlier_step' });
    expect(advance(resignation, state, startAction(), NOW)).toEqual({ ok: false, reason: 'already_started' });
    // Two people approve the same task: the second loses.
    const first = advance(resignation, state, approveFirst(state), NOW);
    expect(first.ok).toBe(true);
    expect(advance(resignation, first.ok ? first.state : state, approveFirst(state), NOW)).toEqual({ ok: false, reason: 'task_closed' });
  });

  it('allows withdrawal only before the first decision', () => {
    const { state } = run(resignation, [startAction()]);
    expect(advance(resignation, state, { type: 'withdraw', actor: 's1' }, NOW)).toEqual({ ok: false, reason: 'not_applicant' });
    const w = advance(resignation, state, { type: 'withdraw', actor: 'u1' }, NOW);
    expect(w.ok && w.state.status).toBe('withdrawn');
    expect(w.ok && advance(resignation, w.state, { type: 'comment', actor: 'u1', text: 'hi' }, NOW)).toEqual({ ok: false, reason: 'case_finished' });
    const decided = run(resignation, [startAction(), approveFirst]).state;
    expect(advance(resignation, decided, { type: 'withdraw', actor: 'u1' }, NOW)).toEqual({ ok: false, reason: 'already_decided' });
  });

  it('transfers, adds a signer who must also approve, and returns to an earlier step', () => {
    let { state } = run(leave, [startAction({ days: 5 }), approveFirst]);
    const hr = state.tasks[0];
    let r = advance(leave, state, { type: 'transfer', actor: 's1', taskId: hr.id, version: 1, to: { kind: 'person', personId: 'p9' } }, NOW);
    if (!r.ok) throw new Error(r.reason);
    state = r.state;
    expect(state.tasks.map((t) => [t.stepId, t.assignee])).toEqual([['hr', { kind: 'person', personId: 'p9' }]]);
    r = advance(leave, state, { type: 'add_signer', actor: 'p9', taskId: state.tasks[0].id, version: 1, signer: { kind: 'person', personId: 'p10' } }, NOW);
    if (!r.ok) throw new Error(r.reason);
    state = r.state;
    expect(state.tasks.map((t) => t.version)).toEqual([2, 1]);
    r = advance(leave, state, approveFirst(state), NOW);
    expect(r.ok && r.state.status).toBe('running');
    if (!r.ok) throw new Error(r.reason);
    r = advance(leave, r.state, { type: 'return_to_step', actor: 'p10', taskId: r.state.tasks[0].id, version: 1, toStepId: 'supervisor', reason: '请导师复核' }, NOW);
    expect(r.ok && r.state.tasks.map((t) => t.stepId)).toEqual(['supervisor']);
    expect(r.ok && r.state.trail).toEqual(['supervisor']);
  });
});
