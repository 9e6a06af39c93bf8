// Rows → API objects. Only the fields listed here leave the server.
import type { Localized } from '../../../common/catalog.ts';
import type { BundleChildOut } from '../../../common/case.ts';
import { nowIso } from '../../clock.ts';
import { chinaDate } from './calendar.ts';
import { presentPromise } from './promise.ts';
import type { OrgDirectory } from '../org/directory.ts';
import { findStep, type AssigneeRule, type ProcessDefinition } from './definition.ts';
import { ROLE_NAMES } from '../../../common/vocabulary.ts';
import type { Role } from '../../../common/org.ts';
import type { Problem } from './engine.ts';
import type { Selectable } from 'kysely';
import type { WorkflowCaseTable, CaseTaskTable, CaseEventTable } from '../../db/schema-workflow.ts';

type TaskRow = Selectable<CaseTaskTable> & { assignee_name: string | null; done_by_name: string | null };
type EventRow = Selectable<CaseEventTable> & { actor_name: string | null };

/** The name of a step, or of a branch of a parallel step. */
export function stepName(def: ProcessDefinition, stepId: string | null, branchId?: string | null): Localized | null {
  if (!stepId) return null;
  const s = findStep(def, stepId);
  if (!s) return { zh: stepId, en: stepId };
  if (branchId && s.kind === 'parallel') {
    const b = s.branches.find((x) => x.id === branchId);
    if (b) return { zh: `${s.name.zh} · ${b.name.zh}`, en: `${s.name.en} · ${b.name.en}` };
  }
  return s.name;
}

export function presentAssignee(t: Pick<TaskRow, 'assignee_kind' | 'assignee_role' | 'assignee_org' | 'assignee_person'> & { assignee_name?: string | null }, org: OrgDirectory) {
  if (t.assignee_kind === 'role') return { kind: 'role' as const, role: t.assignee_role, org: org.unitName(t.assignee_org ?? '') };
  return { kind: t.assignee_kind === 'applicant' ? ('applicant' as const) : ('person' as const), person: { id: t.assignee_person, name: t.assignee_name ?? null } };
}

/** Traffic light of an open task's limit, from the dates fixed when it opened. */
function deadline(t: Pick<TaskRow, 'state' | 'due_date' | 'warn_date'>, today: string): 'normal' | 'yellow' | 'red' | null {
  if (t.state !== 'open' || t.due_date === null) return null;
  if (today > t.due_date) return 'red';
  return t.warn_date !== null && today >= t.warn_date ? 'yellow' : 'normal';
}

export function presentTask(t: TaskRow, def: ProcessDefinition, org: OrgDirectory, today = chinaDate(nowIso())) {
  return {
    id: t.id, stepId: t.step_id, branchId: t.branch_id, stepName: stepName(def, t.step_id, t.branch_id),
    assignee: presentAssignee(t, org), state: t.state, outcome: t.outcome, version: t.version,
    openedAt: t.opened_at, dueDate: t.due_date, closedAt: t.closed_at,
    doneBy: t.done_by ? { id: t.done_by, name: t.done_by_name } : null,
    deadline: deadline(t, today),
  };
}

type EventDetail = { reason?: string; text?: string; problems?: Problem[]; toStepId?: string; assignee?: AssigneeRule; onBehalfOf?: string };

/** The people named as new assignees in a case's events (transfers, added signers), to look their names up. */
export function assigneePersonIds(events: readonly Pick<EventRow, 'detail'>[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const a = (JSON.parse(e.detail) as EventDetail).assignee;
    if (a?.kind === 'person') ids.add(a.personId);
  }
  return [...ids];
}

/** Who a transfer or an added signer went to, as people read it: a name, or a role in a unit. */
function assigneeLabel(a: AssigneeRule, names: ReadonlyMap<string, string>, org: OrgDirectory): Localized | undefined {
  if (a.kind === 'person') {
    const name = names.get(a.personId) ?? a.personId;
    return { zh: name, en: name };
  }
  if (a.kind === 'role' && a.scope === 'unit') return roleInUnit(a.role, a.unit, org);
  return undefined;
}

function roleInUnit(roleCode: string, unitCode: string, org: OrgDirectory): Localized {
  const unit = org.unitName(unitCode).name;
  const role = ROLE_NAMES[roleCode as Role] ?? { zh: roleCode, en: roleCode };
  return { zh: `${unit.zh}${role.zh}`, en: `${role.en}, ${unit.en}` };
}

/** Who holds a task, as people read it: the named person, or the role in its unit. */
export function holderLabel(t: Pick<TaskRow, 'assignee_kind' | 'assignee_role' | 'assignee_org' | 'assignee_person'> & { assignee_name: string | null }, org: OrgDirectory): Localized {
  if (t.assignee_kind === 'role') return roleInUnit(t.assignee_role ?? '', t.assignee_org ?? '', org);
  const name = t.assignee_name ?? t.assignee_person ?? '';
  return { zh: name, en: name };
}

export function presentEvent(e: EventRow, def: ProcessDefinition, names: ReadonlyMap<string, string> = new Map(), org?: OrgDirectory) {
  const d = JSON.parse(e.detail) as EventDetail;
  const label = d.assignee && org ? assigneeLabel(d.assignee, names, org) : undefined;
  return {
    seq: e.seq, at: e.at, type: e.type,
    actor: e.actor_id ? { id: e.actor_id, name: e.actor_name } : null,
    stepId: e.step_id, stepName: stepName(def, e.step_id), taskId: e.task_id,
    ...(d.reason !== undefined ? { reason: d.reason } : {}),
    ...(d.text !== undefined ? { text: d.text } : {}),
    ...(d.problems !== undefined ? { problems: d.problems.map(presentProblem) } : {}),
    ...(d.toStepId !== undefined ? { toStepId: d.toStepId, toStepName: stepName(def, d.toStepId) } : {}),
    ...(d.assignee !== undefined ? { assignee: d.assignee } : {}),
    ...(label ? { assigneeLabel: label } : {}),
  };
}

/** Problems as the API writes them: `{ field, message }` or `{ material, message }`. */
export function presentProblem(p: Problem) {
  return p.target.kind === 'field' ? { field: p.target.path, message: p.message } : { material: p.target.code, message: p.message };
}

export interface CaseView {
  row: Selectable<WorkflowCaseTable>;
  applicantName: string;
  onBehalfOfName: string | null;
  serviceName: Localized;
  def: ProcessDefinition;
  tasks: TaskRow[];
  events: EventRow[];
  problems: Problem[] | undefined;
  decided: boolean;
  /** Keys of the fields whose value comes from the applicant's records (read-only for them, never returned for correction). */
  fromRecords?: string[];
  /** Names of the people events name as new assignees (assigneePersonIds) */
  assigneeNames?: ReadonlyMap<string, string>;
  /** Steps entered so far, in order (the engine's trail; none for a bundle's parent, which runs no process); the last is the current one. */
  trail: string[];
  /** The definitions the case is pinned to (for the flowchart and for rendering its data and corrections). */
  form: { version: number; definition: unknown };
  process: { version: number; definition: ProcessDefinition };
}

/** Where a reviewer can send a running case back to (退回至某一步): manual steps already passed, newest first. */
function earlierSteps(def: ProcessDefinition, trail: string[]) {
  const ids = [...new Set(trail.slice(0, -1).reverse())];
  return ids.filter((id) => { const s = findStep(def, id); return s !== undefined && s.kind !== 'automatic'; })
    .map((id) => ({ id, name: stepName(def, id) }));
}

export function presentCase(v: CaseView, org: OrgDirectory, viewerId: string, today = chinaDate(nowIso())) {
  const r = v.row;
  const promise = presentPromise(r, today);
  // Only the applicant withdraws and resubmits; a clerk who applied for them follows the case.
  const isApplicant = viewerId === r.applicant_id;
  const open = v.tasks.filter((t) => t.state === 'open');
  return {
    id: r.id, number: r.number, status: r.status,
    service: { code: r.service_code, name: v.serviceName, department: org.unitName(r.department_code) },
    applicant: { id: r.applicant_id, name: v.applicantName },
    onBehalfOf: r.on_behalf_of ? { id: r.on_behalf_of, name: v.onBehalfOfName } : null,
    formVersion: r.form_version, processVersion: r.process_version,
    data: JSON.parse(r.data) as Record<string, unknown>,
    visits: r.visits, createdAt: r.created_at, updatedAt: r.updated_at, finishedAt: r.finished_at,
    currentSteps: [...new Set(open.map((t) => t.step_id))].map((id) => ({ id, name: stepName(v.def, id) })),
    problems: r.status === 'waiting_applicant' ? (v.problems ?? []).map(presentProblem) : [],
    canWithdraw: isApplicant && !v.decided && (r.status === 'running' || r.status === 'waiting_applicant'),
    canResubmit: isApplicant && r.status === 'waiting_applicant',
    fromRecords: v.fromRecords ?? [],
    earlierSteps: r.status === 'running' ? earlierSteps(v.def, v.trail) : [],
    form: v.form, process: v.process,
    tasks: v.tasks.map((t) => presentTask(t, v.def, org)),
    timeline: v.events.map((e) => presentEvent(e, v.def, v.assigneeNames, org)),
    // The case's promised limit (承诺时限); absent for cases submitted before it was kept and for services without one.
    ...(promise ? { promise } : {}),
  };
}
/** A case as the API answers it; a bundle's parent lists its children, a child names its parent. */
export type CaseOut = ReturnType<typeof presentCase> & {
  bundle?: { children: BundleChildOut[] };
  parent?: { id: string; number: string; service: { code: string; name: Localized }; member: { key: string; name: Localized } };
};
