// Process definitions (流程定义) and their lint. A definition is a directed acyclic graph of steps (环节):
// going back is an action on a case (return_to_step), never an edge, so a cycle is always a mistake.
import { processLintMessage, type ProcessLintCode } from '../../../common/process-lint.ts';
import { parseExpression } from './expression.ts';
import type { ProcessDefinitionShape } from '../../../common/process.ts';

/** A name in Chinese and English. */
export type LocalizedName = { zh: string; en: string };

/** Who works a task: a role in an org scope (the owning department, the applicant's, or a named unit), the applicant's supervisor, or a named person. */
export type AssigneeRule =
  | { kind: 'role'; role: string; scope: 'owning_department' | 'applicant_department' }
  | { kind: 'role'; role: string; scope: 'unit'; unit: string }
  | { kind: 'supervisor' }
  | { kind: 'person'; personId: string };

/** An assignee on an open task: a rule from the definition, or the applicant for applicant steps. */
export type Assignee = AssigneeRule | { kind: 'applicant' };

/** One outgoing edge; the first whose `when` holds (or that has none) is taken. */
export type Transition = { to: string; when?: string };

interface StepBase {
  id: string;
  name: LocalizedName;
  /** Absent: the case completes after this step. A string is an unconditional edge. */
  next?: string | Transition[];
  /** Per-step limit in working days (W3). */
  limitDays?: number;
}

/** A staff member approves, rejects or returns (审批). */
export type ApprovalStep = StepBase & { kind: 'approval'; assignee: AssigneeRule };
/** The applicant acts (signs an agreement, picks a flat); the case stays running. */
export type ApplicantStep = StepBase & { kind: 'applicant' };
/** Calls a webhook and moves on at once; the shell's outbox makes the call durable. */
export type AutomaticStep = StepBase & { kind: 'automatic'; webhook: string };
/** Joint review: one task per branch; `all` (会签) joins when every branch approves, `any` (或签) on the first. */
export type ParallelStep = StepBase & {
  kind: 'parallel';
  mode: 'all' | 'any';
  branches: Array<{ id: string; name: LocalizedName; assignee: AssigneeRule }>;
};

/** One node (环节) of a process definition. */
export type Step = ApprovalStep | ApplicantStep | AutomaticStep | ParallelStep;

/** A process definition pinned by a service item version. */
export interface ProcessDefinition {
  start: string;
  steps: Step[];
  /** Promised limit (承诺时限) for the whole case, in working days. */
  promisedLimitDays?: number;
}

/** Approval steps on one path above which lint warns (issue 3, W1). */
export const MAX_APPROVAL_STEPS = 5;

/** The kinds of problem lint reports. */
export type LintCode = Exclude<ProcessLintCode, 'promised_limit_mismatch'>;

/** One lint finding; errors block publishing, warnings do not. */
export interface LintProblem {
  severity: 'error' | 'warning';
  code: LintCode;
  stepId?: string;
  /** What the message names; common/process-lint.ts words it in either language. */
  params: Record<string, string | number>;
  /** In English (logs, API clients that do not ask for a language). */
  message: string;
}

/** The transitions of a step as a list, whatever form `next` was written in. */
export function transitionsOf(step: Step): Transition[] {
  if (step.next === undefined) return [];
  return typeof step.next === 'string' ? [{ to: step.next }] : step.next;
}

/** Finds a step by id. */
export function findStep(def: ProcessDefinition, id: string): Step | undefined {
  return def.steps.find((s) => s.id === id);
}

/** Checks a definition for cycles, unreachable or unknown steps, bad conditions and too many approvals. */
export function lintDefinition(def: ProcessDefinition): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (severity: LintProblem['severity'], code: LintCode, params: Record<string, string | number>, stepId?: string) =>
    problems.push({ severity, code, ...(stepId !== undefined ? { stepId } : {}), params, message: processLintMessage({ code, params }, 'en') });
  const byId = new Map<string, Step>();
  for (const s of def.steps) {
    if (byId.has(s.id)) add('error', 'duplicate_step', { step: s.id }, s.id);
    byId.set(s.id, s);
  }
  if (!byId.has(def.start)) {
    add('error', 'unknown_step', { to: def.start });
  }

  for (const s of def.steps) {
    const ts = transitionsOf(s);
    ts.forEach((t, i) => {
      if (!byId.has(t.to)) add('error', 'unknown_step', { step: s.id, to: t.to }, s.id);
      if (t.when !== undefined) {
        const p = parseExpression(t.when);
        if (!p.ok) add('error', 'bad_expression', { step: s.id, expr: t.when, error: p.error, position: p.position, char: p.position + 1 }, s.id);
      }
      if (i === ts.length - 1 && t.when !== undefined) {
        add('warning', 'no_default_transition', { step: s.id }, s.id);
      }
    });
    if (s.kind === 'parallel') {
      if (s.branches.length === 0) add('error', 'empty_parallel', { step: s.id }, s.id);
      const seen = new Set<string>();
      for (const b of s.branches) {
        if (seen.has(b.id)) add('error', 'duplicate_branch', { step: s.id, branch: b.id }, s.id);
        seen.add(b.id);
      }
    }
  }

  // Depth-first search from the start: grey nodes on the stack reveal back edges (cycles).
  const colour = new Map<string, 'grey' | 'black'>();
  let cyclic = false;
  const visit = (id: string): void => {
    colour.set(id, 'grey');
    for (const t of transitionsOf(byId.get(id)!)) {
      if (!byId.has(t.to)) continue;
      const c = colour.get(t.to);
      if (c === 'grey') {
        cyclic = true;
        add('error', 'cycle', { step: id, to: t.to }, t.to);
      } else if (c === undefined) visit(t.to);
    }
    colour.set(id, 'black');
  };
  if (byId.has(def.start)) visit(def.start);
  for (const s of byId.values()) {
    if (!colour.has(s.id)) add('error', 'unreachable', { step: s.id }, s.id);
  }

  if (!cyclic && byId.has(def.start)) {
    const most = new Map<string, number>();
    const longest = (id: string): number => {
      const known = most.get(id);
      if (known !== undefined) return known;
      const s = byId.get(id)!;
      const own = s.kind === 'approval' || s.kind === 'parallel' ? 1 : 0;
      let best = 0;
      for (const t of transitionsOf(s)) if (byId.has(t.to)) best = Math.max(best, longest(t.to));
      most.set(id, own + best);
      return own + best;
    };
    const n = longest(def.start);
    if (n > MAX_APPROVAL_STEPS) {
      add('warning', 'too_many_approvals', { count: n, max: MAX_APPROVAL_STEPS });
    }
  }
  return problems;
}

/** True when lint found no errors (warnings allowed), i.e. the definition may be published. */
export function isPublishable(def: ProcessDefinition): boolean {
  return lintDefinition(def).every((p) => p.severity !== 'error');
}

// The shared schema (common/process.ts) and these types must describe the same documents.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<ProcessDefinitionShape, ProcessDefinition> = true;
void sameShape;
