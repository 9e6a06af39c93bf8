// Property tests (issue 3): random action sequences never reach a state the definition forbids, and every
// case is finished or waits on exactly the tasks its definition allows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCondition } from './expression.ts';
import { findStep, transitionsOf, type ProcessDefinition } from './definition.ts';
import { advance, isFinished, type Action, type CaseState } from './engine.ts';

const n = (zh: string) => ({ zh, en: zh });
const role = (r: string) => ({ kind: 'role' as const, role: r, scope: 'owning_department' as const });
const NOW = '2026-10-08T01:00:00.000Z';

const definitions: Record<string, ProcessDefinition> = {
  sequence: {
    start: 'a',
    steps: [
      { id: 'a', name: n('a'), kind: 'approval', assignee: role('a'), next: 'b', limitDays: 3 },
      { id: 'b', name: n('b'), kind: 'approval', assignee: { kind: 'supervisor' } },
    ],
  },
  conditional: {
    start: 'sup',
    steps: [
      { id: 'sup', name: n('sup'), kind: 'approval', assignee: { kind: 'supervisor' }, next: [{ to: 'hr', when: 'days > 3 and not urgent' }, { to: 'sign' }] },
      { id: 'hr', name: n('hr'), kind: 'approval', assignee: role('hr'), next: [{ to: 'sign', when: 'days < 8' }] },
      { id: 'sign', name: n('sign'), kind: 'applicant' },
    ],
  },
  clearance: {
    start: 'review',
    steps: [
      { id: 'review', name: n('review'), kind: 'approval', assignee: role('dean'), next: 'clear' },
      { id: 'clear', name: n('clear'), kind: 'parallel', mode: 'all', next: 'keys', branches: ['x', 'y', 'z'].map((id) => ({ id, name: n(id), assignee: role(id) })) },
      { id: 'keys', name: n('keys'), kind: 'applicant', next: 'archive' },
      { id: 'archive', name: n('archive'), kind: 'automatic', webhook: 'https://example/archive' },
    ],
  },
  anyOf: {
    start: 'auto',
    steps: [
      { id: 'auto', name: n('auto'), kind: 'automatic', webhook: 'https://example/pre', next: 'p' },
      { id: 'p', name: n('p'), kind: 'parallel', mode: 'any', next: 'last', branches: ['x', 'y'].map((id) => ({ id, name: n(id), assignee: role(id) })) },
      { id: 'last', name: n('last'), kind: 'approval', assignee: { kind: 'person', personId: 'boss' } },
    ],
  },
};

type Choice = { op: number; pick: number; flag: boolean };
const choice = fc.record({ op: fc.nat(13), pick: fc.nat(50), flag: fc.boolean() });

/** Turns a random choice into an action against the current state: mostly plausible, sometimes wrong. */
function toAction(def: ProcessDefinition, s: CaseState, c: Choice): Action {
  const task = s.tasks.length > 0 ? s.tasks[c.pick % s.tasks.length] : undefined;
  const staleOrMissing = c.flag && c.pick % 5 === 0;
  const ref = {
    actor: task?.assignee.kind === 'applicant' ? 'u1' : 's1',
    taskId: task && !(staleOrMissing && c.pick % 2) ? task.id : 'c1/t999',
    version: task ? task.version + (staleOrMissing && c.pick % 2 === 0 ? 1 : 0) : 1,
  };
  switch (c.op) {
    case 0: case 1: case 2: case 3:
      return { type: 'approve', ...ref };
    case 4:
      return { type: 'reject', ...ref, reason: c.flag ? '材料不符' : ' ' };
    case 5:
      return { type: 'return_to_applicant', ...ref, problems: c.flag ? [{ target: { kind: 'field', path: 'days' }, message: '天数有误' }] : [] };
    case 6: case 7:
      return { type: 'resubmit', actor: c.flag || c.op === 7 ? 'u1' : 's1', data: { days: c.pick % 10 } };
    case 8:
      return { type: 'return_to_step', ...ref, toStepId: def.steps[c.pick % def.steps.length].id };
    case 9:
      return { type: 'transfer', ...ref, to: { kind: 'person', personId: `p${c.pick}` } };
    case 10:
      return { type: 'add_signer', ...ref, signer: { kind: 'person', personId: `p${c.pick}` } };
    case 11:
      return { type: 'withdraw', actor: c.flag ? 'u1' : 's1' };
    default:
      return { type: 'comment', actor: 's1', text: c.flag ? '请尽快' : '', taskId: c.pick % 3 === 0 ? 'c1/t999' : undefined };
  }
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** What the definition allows a case state to look like. */
function checkAllowed(def: ProcessDefinition, s: CaseState): void {
  const ids = s.tasks.map((t) => t.id);
  expect(new Set(ids).size).toBe(ids.length);
  // The trail walks the definition's edges from its start.
  if (s.trail.length > 0) expect(s.trail[0]).toBe(def.start);
  for (let i = 1; i < s.trail.length; i++) {
    expect(transitionsOf(findStep(def, s.trail[i - 1])!).map((t) => t.to)).toContain(s.trail[i]);
  }
  if (isFinished(s.status)) {
    expect(s.tasks).toEqual([]);
    if (s.status === 'completed') {
      // Completed only where the last step lets the case end.
      const last = findStep(def, s.trail[s.trail.length - 1])!;
      const taken = transitionsOf(last).find((t) => t.when === undefined || (checkCondition(t.when, s.data) as { value: boolean }).value);
      expect(taken).toBeUndefined();
    }
    return;
  }
  if (s.status === 'waiting_applicant') {
    expect(s.tasks).toEqual([]);
    expect(s.problems?.length).toBeGreaterThan(0);
    const from = findStep(def, s.returnedFrom!);
    expect(from && (from.kind === 'approval' || from.kind === 'parallel')).toBe(true);
    return;
  }
  // Running: waits on at least one task, all at the step the trail ends on, of the kinds that step allows.
  expect(s.tasks.length).toBeGreaterThan(0);
  const step = findStep(def, s.tasks[0].stepId)!;
  expect(s.trail[s.trail.length - 1]).toBe(step.id);
  for (const t of s.tasks) {
    expect(t.stepId).toBe(step.id);
    expect(t.version).toBeGreaterThanOrEqual(1);
    if (step.kind === 'automatic') throw new Error('a task waits on an automatic step');
    if (step.kind === 'applicant') expect(t.assignee).toEqual({ kind: 'applicant' });
    else expect(t.assignee.kind).not.toBe('applicant');
    if (step.kind === 'parallel' && t.addedBy === undefined) expect(step.branches.map((b) => b.id)).toContain(t.branchId);
  }
  if (step.kind === 'parallel') {
    const branches = s.tasks.filter((t) => t.branchId !== undefined).map((t) => t.branchId);
    expect(new Set(branches).size).toBe(branches.length);
    // Any-of: the first approval closes the group, so a group still waiting has every branch open.
    if (step.mode === 'any') expect(branches.length).toBe(step.branches.length);
  }
}

/** Drives a case to its end by approving everything and resubmitting returns. */
function finish(def: ProcessDefinition, s: CaseState): CaseState {
  for (let i = 0; i < 50 && !isFinished(s.status); i++) {
    const t = s.tasks[0];
    const a: Action = s.status === 'waiting_applicant'
      ? { type: 'resubmit', actor: 'u1' }
      : { type: 'approve', actor: t.assignee.kind === 'applicant' ? 'u1' : 's1', taskId: t.id, version: t.version };
    const r = advance(def, s, a, NOW);
    if (!r.ok) throw new Error(`stuck: ${r.reason}`);
    s = r.state;
  }
  return s;
}

describe.each(Object.entries(definitions))('engine properties: %s', (_name, def) => {
  it('random action sequences stay within what the definition allows, and every case can still finish', () => {
    fc.assert(
      fc.property(fc.record({ days: fc.nat(10), urgent: fc.boolean() }), fc.array(choice, { maxLength: 40 }), (data, choices) => {
        const started = advance(def, null, { type: 'start', actor: 'u1', caseId: 'c1', applicantId: 'u1', data }, NOW);
        if (!started.ok) throw new Error(started.reason);
        let s = deepFreeze(started.state);
        checkAllowed(def, s);
        for (const c of choices) {
          const action = toAction(def, s, c);
          const r = advance(def, s, action, NOW); // frozen input: any mutation throws
          if (isFinished(s.status)) expect(r).toEqual({ ok: false, reason: 'case_finished' });
          if (!r.ok) continue;
          expect(r.state.history.length).toBeGreaterThan(s.history.length);
          expect(advance(def, s, action, NOW)).toEqual(r); // deterministic
          s = deepFreeze(r.state);
          checkAllowed(def, s);
          if (!s.decided) expect(s.history.some((e) => ['reject', 'return_to_applicant', 'return_to_step'].includes(e.type))).toBe(false);
        }
        const end = finish(def, s);
        expect(isFinished(end.status)).toBe(true);
        checkAllowed(def, end);
      }),
      { numRuns: 300 },
    );
  });
});
