// The shapes of the online-application API's answers (cases, tasks, timeline, inbox, notifications), as
// TypeBox schemas: the server uses them as response schemas (OpenAPI and serialization), the browser as types.
import { Type, type Static } from '@sinclair/typebox';

const Localized = Type.Object({ zh: Type.String(), en: Type.String() });
const Named = Type.Object({ code: Type.String(), name: Localized });
const PersonRef = Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CASE_STATUSES = ['running', 'waiting_applicant', 'completed', 'rejected', 'withdrawn'] as const;
export const CaseStatus = Type.Union(CASE_STATUSES.map((s) => Type.Literal(s)));
export type CaseStatus = Static<typeof CaseStatus>;

/** A problem of a return for correction, tied to one field or one material. */
export const ProblemOut = Type.Union([
  Type.Object({ field: Type.String(), message: Type.String() }),
  Type.Object({ material: Type.String(), message: Type.String() }),
]);

export const AssigneeOut = Type.Union([
  Type.Object({ kind: Type.Literal('role'), role: Nullable(Type.String()), org: Named }),
  Type.Object({ kind: Type.Union([Type.Literal('person'), Type.Literal('applicant')]), person: Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()) }) }),
]);

export const TaskOut = Type.Object({
  id: Type.String({ description: '"<caseId>/t<n>"; used verbatim in /api/v1/tasks/{taskId}/actions' }),
  stepId: Type.String(), branchId: Nullable(Type.String()), stepName: Nullable(Localized),
  assignee: AssigneeOut,
  state: Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('cancelled')]),
  outcome: Nullable(Type.String()),
  version: Type.Integer(), openedAt: Type.String(),
  dueDate: Nullable(Type.String({ description: 'YYYY-MM-DD (China), from the step limit in working days' })),
  closedAt: Nullable(Type.String()), doneBy: Nullable(PersonRef),
  deadline: Nullable(Type.Union([Type.Literal('normal'), Type.Literal('yellow'), Type.Literal('red')], { description: 'open tasks with a limit: yellow from 80 % of it, red once overdue' })),
});
export type TaskOut = Static<typeof TaskOut>;

export const EVENT_TYPES = ['start', 'step_entered', 'approve', 'reject', 'return_to_applicant', 'resubmit', 'return_to_step',
  'transfer', 'add_signer', 'withdraw', 'comment', 'completed', 'visit'] as const;

export const EventOut = Type.Object({
  seq: Type.Integer(), at: Type.String(), type: Type.String({ description: EVENT_TYPES.join(', ') }),
  actor: Nullable(PersonRef), stepId: Nullable(Type.String()), stepName: Nullable(Localized), taskId: Nullable(Type.String()),
  reason: Type.Optional(Type.String()), text: Type.Optional(Type.String()), problems: Type.Optional(Type.Array(ProblemOut)),
  toStepId: Type.Optional(Type.String()), toStepName: Type.Optional(Nullable(Localized)), assignee: Type.Optional(Type.Unknown()),
  assigneeLabel: Type.Optional(Type.Object({ zh: Type.String(), en: Type.String() }, { description: 'who a transfer or an added signer went to: a name, or a role in a unit' })),
});
export type EventOut = Static<typeof EventOut>;

/** A case's promised limit in a list: due date and light (null once finished). */
export const PromiseBrief = Type.Object({
  dueDate: Type.String(), paused: Type.Boolean(),
  status: Nullable(Type.Union([Type.Literal('normal'), Type.Literal('yellow'), Type.Literal('red')])),
}, { description: 'the case\'s promised limit: due date and light (red once past due), frozen while it waits on the applicant' });

/** A child case of a life-event bundle as its parent shows it (common/bundle.ts). */
export const BundleChildOut = Type.Object({
  id: Type.String(), number: Type.String(), status: CaseStatus,
  member: Type.Object({ key: Type.String(), name: Localized }),
  service: Type.Object({ code: Type.String(), name: Localized, department: Named }),
  currentSteps: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Localized) })),
  finishedAt: Nullable(Type.String()),
  promise: Type.Optional(PromiseBrief),
});
export type BundleChildOut = Static<typeof BundleChildOut>;

/** The case's promised limit (承诺时限): the whole case is to be done by `dueDate`; the clock pauses while it waits on the applicant. */
export const PromiseOut = Type.Object({
  limit: Type.Integer(), unit: Type.Union([Type.Literal('working_day'), Type.Literal('natural_day')]),
  startedOn: Type.String({ description: 'China date of submission; the limit counts from the next day' }),
  dueDate: Type.String(), warnDate: Type.String({ description: 'yellow from this date (80 % of the limit)' }),
  pausedDays: Type.Integer({ description: 'days (in the unit) the case waited on the applicant; dueDate already includes them' }),
  pausedSince: Nullable(Type.String({ description: 'the clock is paused since this date: the case waits on the applicant now' })),
  status: Nullable(Type.Union([Type.Literal('normal'), Type.Literal('yellow'), Type.Literal('red')], { description: 'open cases only; frozen while paused' })),
  metOnTime: Nullable(Type.Boolean({ description: 'completed or rejected cases: finished by dueDate' })),
});
export type PromiseOut = Static<typeof PromiseOut>;

export const CaseOut = Type.Object({
  id: Type.String(), number: Type.String({ description: 'people-facing, e.g. 2026-000123' }), status: CaseStatus,
  service: Type.Object({ code: Type.String(), name: Localized, department: Named }),
  applicant: PersonRef, onBehalfOf: Nullable(PersonRef),
  formVersion: Type.Integer(), processVersion: Type.Integer(),
  data: Type.Record(Type.String(), Type.Unknown()),
  visits: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(), finishedAt: Nullable(Type.String()),
  currentSteps: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Localized) })),
  problems: Type.Array(ProblemOut),
  canWithdraw: Type.Boolean(), canResubmit: Type.Boolean(),
  fromRecords: Type.Array(Type.String(), { description: "keys of the fields whose value comes from the applicant's records: the applicant cannot change them and a return cannot name them" }),
  earlierSteps: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Localized) }), { description: 'steps a reviewer may return a running case to (return_to_step), newest first' }),
  form: Type.Object({ version: Type.Integer(), definition: Type.Unknown({ description: 'FormDefinition (common/form.ts) the case is pinned to' }) }),
  process: Type.Object({ version: Type.Integer(), definition: Type.Unknown({ description: 'ProcessDefinition (common/process.ts) the case is pinned to' }) }),
  tasks: Type.Array(TaskOut), timeline: Type.Array(EventOut),
  bundle: Type.Optional(Type.Object({ children: Type.Array(BundleChildOut) }, { description: 'Only on the parent of a life-event bundle (一件事一次办): one child case per member service' })),
  parent: Type.Optional(Type.Object({ id: Type.String(), number: Type.String(), service: Type.Object({ code: Type.String(), name: Localized }), member: Type.Object({ key: Type.String(), name: Localized }) }, { description: 'Only on a child case of a bundle' })),
  promise: Type.Optional(PromiseOut),
});
export type CaseOut = Static<typeof CaseOut>;

export const CaseSummaryOut = Type.Object({
  id: Type.String(), number: Type.String(), status: CaseStatus,
  service: Type.Object({ code: Type.String(), name: Localized }),
  onBehalf: Type.Boolean({ description: 'I filed it for someone else (代办)' }),
  children: Type.Optional(Type.Array(Type.Object({ id: Type.String(), number: Type.String(), status: CaseStatus, member: Type.Object({ key: Type.String(), name: Localized }) }), { description: 'A bundle\'s child cases (they are not listed on their own)' })),
  createdAt: Type.String(), updatedAt: Type.String(), finishedAt: Nullable(Type.String()),
  promise: Type.Optional(PromiseBrief),
});
export const CaseListOut = Type.Object({ items: Type.Array(CaseSummaryOut), page: Type.Integer(), pageSize: Type.Integer() });

export const InboxItemOut = Type.Composite([TaskOut, Type.Object({
  case: Type.Object({
    id: Type.String(), number: Type.String(), status: CaseStatus,
    service: Type.Object({ code: Type.String(), name: Localized }),
    applicant: Type.Object({ id: Type.String(), name: Type.String(), org: Named }),
    promise: Type.Optional(PromiseBrief),
  }),
  overdue: Type.Boolean(),
})]);
export const InboxOut = Type.Object({ items: Type.Array(InboxItemOut), box: Type.String(), page: Type.Integer(), pageSize: Type.Integer() });
export type InboxItemOut = Static<typeof InboxItemOut>;

export const NOTIFY_EVENTS = ['task_assigned', 'case_returned', 'case_completed', 'case_rejected', 'case_withdrawn',
  'task_due_soon', 'task_overdue', 'task_escalated', 'case_due_soon', 'case_overdue', 'case_escalated', 'case_delayed'] as const;
export const NotificationListOut = Type.Object({
  unread: Type.Integer(),
  items: Type.Array(Type.Object({
    id: Type.String(), event: Type.String({ description: NOTIFY_EVENTS.join(', ') }), createdAt: Type.String(), read: Type.Boolean(),
    taskId: Nullable(Type.String()),
    case: Nullable(Type.Object({ id: Type.String(), number: Nullable(Type.String()), service: Nullable(Type.Object({ code: Type.String(), name: Nullable(Localized) })) })),
    escalation: Type.Optional(Type.Object({
      holder: Localized,
      dueDate: Nullable(Type.String({ description: 'YYYY-MM-DD: the task\'s due date (task_escalated) or the date promised to the applicant (case_escalated)' })),
      open: Type.Boolean({ description: 'whether the task is still open' }),
      canOpen: Type.Boolean({ description: 'whether the reader may open the task: only its assignees may; a supervisor or admin told of it reads who to chase here' }),
    }, { description: 'task_escalated and case_escalated only: the overdue task and who holds it' })),
  })),
});
