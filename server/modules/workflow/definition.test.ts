import { describe, expect, it } from 'vitest';
import { lintDefinition, isPublishable, type ProcessDefinition, type Step } from './definition.ts';

const n = (zh: string) => ({ zh, en: zh });
const approval = (id: string, next?: Step['next']): Step => ({
  id, name: n(id), kind: 'approval', assignee: { kind: 'role', role: 'reviewer', scope: 'owning_department' }, next,
});
const codes = (def: ProcessDefinition) => lintDefinition(def).map((p) => p.code).sort();

describe('lintDefinition', () => {
  it('accepts a clean definition with a condition and a parallel group', () => {
    const def: ProcessDefinition = {
      start: 'dept',
      steps: [
        approval('dept', [{ to: 'hr', when: 'days > 3' }, { to: 'clear' }]),
        approval('hr', 'clear'),
        { id: 'clear', name: n('clear'), kind: 'parallel', mode: 'all', branches: [
          { id: 'lib', name: n('图书馆'), assignee: { kind: 'role', role: 'clerk', scope: 'owning_department' } },
          { id: 'fin', name: n('财务'), assignee: { kind: 'person', personId: 'p1' } },
        ] },
      ],
    };
    expect(lintDefinition(def)).toEqual([]);
    expect(isPublishable(def)).toBe(true);
  });

  it('finds cycles, unreachable steps and unknown references', () => {
    expect(codes({ start: 'a', steps: [approval('a', 'b'), approval('b', 'a')] })).toEqual(['cycle']);
    expect(codes({ start: 'a', steps: [approval('a'), approval('b')] })).toEqual(['unreachable']);
    expect(codes({ start: 'a', steps: [approval('a', 'ghost')] })).toEqual(['unknown_step']);
    expect(codes({ start: 'ghost', steps: [approval('a')] })).toEqual(['unknown_step', 'unreachable']);
    expect(codes({ start: 'a', steps: [approval('a'), approval('a')] })).toEqual(['duplicate_step']);
    expect(isPublishable({ start: 'a', steps: [approval('a', 'a')] })).toBe(false);
  });

  it('flags bad expressions and a conditional list with no default', () => {
    const problems = lintDefinition({ start: 'a', steps: [approval('a', [{ to: 'b', when: 'days >' }]), approval('b')] });
    expect(problems.map((p) => [p.code, p.severity])).toEqual([
      ['bad_expression', 'error'],
      ['no_default_transition', 'warning'],
    ]);
  });

  it('warns above five approval steps on one path, counting a parallel group once', () => {
    const chain = (k: number): ProcessDefinition => ({
      start: 's0',
      steps: Array.from({ length: k }, (_, i) => approval(`s${i}`, i < k - 1 ? `s${i + 1}` : undefined)),
    });
    expect(codes(chain(5))).toEqual([]);
    const six = lintDefinition(chain(6));
    expect(six.map((p) => [p.code, p.severity])).toEqual([['too_many_approvals', 'warning']]);
    expect(isPublishable(chain(6))).toBe(true);
    // Six only on the longer branch of a condition still warns.
    const branchy: ProcessDefinition = {
      start: 'a',
      steps: [approval('a', [{ to: 'b', when: 'x == 1' }, { to: 'f' }]), approval('b', 'c'), approval('c', 'd'), approval('d', 'e'), approval('e', 'f'), approval('f')],
    };
    expect(codes(branchy)).toEqual(['too_many_approvals']);
  });

  it('rejects an empty parallel group and duplicate branches', () => {
    const empty: ProcessDefinition = { start: 'p', steps: [{ id: 'p', name: n('p'), kind: 'parallel', mode: 'any', branches: [] }] };
    expect(codes(empty)).toEqual(['empty_parallel']);
    const b = { id: 'x', name: n('x'), assignee: { kind: 'supervisor' as const } };
    expect(codes({ start: 'p', steps: [{ id: 'p', name: n('p'), kind: 'parallel', mode: 'all', branches: [b, b] }] })).toEqual(['duplicate_branch']);
  });
});
