// Online applications over HTTP: forms, cases, the staff inbox, task actions, notifications.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { FormDefinition } from '../../../common/form.ts';
import { CaseListOut, CaseOut, InboxOut, NotificationListOut } from '../../../common/case.ts';
import type { Db } from '../../db/index.ts';
import { AppError, requestLang } from '../../http/errors.ts';
import { requireActor } from '../../http/session.ts';
import { nowIso } from '../../clock.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import type { CalendarCache } from '../calendar/cache.ts';
import type { OutboxWorker } from './outbox.ts';
import * as repo from './repo.ts';
import * as svc from './service.ts';
import { submitCase } from './submit.ts';
import * as act from './act.ts';
import * as drafts from './drafts.ts';
import * as delegation from './delegation.ts';
import { holderLabel } from './present.ts';
import { matchesTask } from './policy.ts';

const Code = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' });
const Id = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });
const Lang = Type.Optional(Type.String());
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Data = Type.Record(Type.String(), Type.Unknown(), { description: 'Form data by field key; checked against the pinned form definition' });
const Status = Type.Union(['running', 'waiting_applicant', 'completed', 'rejected', 'withdrawn'].map((s) => Type.Literal(s)));
const Page = { page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) };
const AssigneeRef = Type.Object({
  person: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'person id or username' })),
  role: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  unit: Type.Optional(Code),
}, { additionalProperties: false, description: 'A person, or a role in an org unit' });
const Version = Type.Integer({ minimum: 1, description: 'The task version you saw; a newer one answers 409 stale_version' });

const TaskAction = Type.Union([
  Type.Object({ action: Type.Literal('approve'), version: Version, comment: Type.Optional(Text(2000)) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('reject'), version: Version, reason: Text(2000) }, { additionalProperties: false }),
  Type.Object({
    action: Type.Literal('return'), version: Version,
    problems: Type.Array(Type.Object({
      field: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      material: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      message: Text(1000),
    }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
  }, { additionalProperties: false, description: 'Return to the applicant with every problem at once (一次性告知)' }),
  Type.Object({ action: Type.Literal('return_to_step'), version: Version, toStepId: Text(60), reason: Type.Optional(Text(2000)) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('transfer'), version: Version, to: AssigneeRef }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('add_signer'), version: Version, signer: AssigneeRef }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('comment'), text: Text(2000) }, { additionalProperties: false }),
]);

export function workflowRoutes(app: FastifyInstance, db: Db, catalog: CatalogCache, calendar: CalendarCache, worker?: OutboxWorker) {
  const deps: svc.Deps = { db, catalog, calendar };
  const tags = ['applications'];
  const kick = () => worker?.kick();

  app.get<{ Params: { code: string } }>('/api/v1/services/:code/form', {
    schema: {
      tags, summary: 'The form and process of a service, and the signed-in person\'s prefill from the university\'s records',
      params: Type.Object({ code: Code }), querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          service: Type.Object({ code: Type.String(), name: Type.Unknown(), department: Type.Unknown() }),
          form: Type.Object({ version: Type.Integer(), definition: FormDefinition }),
          process: Type.Object({ version: Type.Integer(), definition: Type.Unknown({ description: 'ProcessDefinition: { start, steps[] } (server/modules/workflow/definition.ts)' }) }),
          prefill: Type.Union([Type.Null(), Type.Object({ values: Type.Record(Type.String(), Type.Unknown()), fromRecords: Type.Array(Type.String()) })]),
          openCases: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), status: Type.String(), createdAt: Type.String() }), {
            description: 'The signed-in person\'s own applications of this service still open (running or waiting on them), newest first, at most 5; empty when not signed in',
          }),
          bundle: Type.Optional(Type.Object({
            members: Type.Array(Type.Object({ key: Type.String(), name: Type.Unknown(), service: Type.String(), department: Type.Unknown() })),
          }, { description: 'Only for a life-event bundle (一件事一次办): the services its one form is sent to, one case each' })),
        }),
      },
    },
  }, async (request) => svc.serviceForm(deps, request.actor, request.params.code));

  const SubmitBody = Type.Object({
    service: Code, data: Data,
    applicant: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Window clerks only (代办): the username or id of the person applied for' })),
  }, { additionalProperties: false });
  app.post<{ Body: Static<typeof SubmitBody> }>('/api/v1/cases', {
    schema: {
      tags, summary: 'Apply: creates exactly one case per Idempotency-Key (a retry gets the same status and body)',
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
      body: SubmitBody, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
      response: { 201: CaseOut },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || !key.trim() || key.length > 200) throw new AppError('idempotency_key_required');
    // A life-event bundle (一件事一次办) takes the same body and answers with its parent case.
    const out = await submitCase(deps, actor, key, request.body, requestLang(request));
    if (!out.replayed) kick();
    return reply.code(out.status).header('idempotency-replayed', String(out.replayed)).send(out.body);
  });

  const ListQuery = Type.Object({ status: Type.Optional(Status), ...Page, lang: Lang }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/cases', {
    schema: { tags, summary: 'My cases (and those I applied for on someone\'s behalf), newest first', querystring: ListQuery, response: { 200: CaseListOut } },
  }, async (request) => svc.listCases(deps, requireActor(request), request.query));

  const CaseParams = Type.Object({ id: Id });
  app.get<{ Params: Static<typeof CaseParams> }>('/api/v1/cases/:id', {
    schema: {
      tags, summary: 'A case with its tasks and timeline: to the applicant and its assignees only (anyone else 404)',
      params: CaseParams, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }), response: { 200: CaseOut },
    },
  }, async (request) => svc.getCase(deps, requireActor(request), request.params.id));

  const ResubmitBody = Type.Object({ data: Data }, { additionalProperties: false });
  app.post<{ Params: Static<typeof CaseParams>; Body: Static<typeof ResubmitBody> }>('/api/v1/cases/:id/resubmit', {
    schema: {
      tags, summary: 'Correct and resubmit a returned case (the data is laid over the earlier data and checked again)',
      params: CaseParams, body: ResubmitBody, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }), response: { 200: CaseOut },
    },
  }, async (request) => {
    const out = await act.resubmitCase(deps, requireActor(request), request.params.id, request.body.data, requestLang(request));
    kick();
    return out;
  });

  const WithdrawBody = Type.Object({ reason: Type.Optional(Text(2000)) }, { additionalProperties: false });
  app.post<{ Params: Static<typeof CaseParams>; Body: Static<typeof WithdrawBody> | undefined }>('/api/v1/cases/:id/withdraw', {
    schema: {
      tags, summary: 'Withdraw a case before the first decision', params: CaseParams, body: WithdrawBody,
      querystring: Type.Object({ lang: Lang }, { additionalProperties: false }), response: { 200: CaseOut },
    },
  }, async (request) => {
    const out = await act.withdrawCase(deps, requireActor(request), request.params.id, request.body?.reason, requestLang(request));
    kick();
    return out;
  });

  const CommentBody = Type.Object({ text: Text(2000) }, { additionalProperties: false });
  app.post<{ Params: Static<typeof CaseParams>; Body: Static<typeof CommentBody> }>('/api/v1/cases/:id/comments', {
    schema: { tags, summary: 'Add a comment to a case\'s timeline', params: CaseParams, body: CommentBody, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }), response: { 200: CaseOut } },
  }, async (request) => act.commentOnCase(deps, requireActor(request), request.params.id, request.body.text, requestLang(request)));

  const VisitBody = Type.Object({ note: Type.Optional(Text(500)) }, { additionalProperties: false });
  app.post<{ Params: Static<typeof CaseParams>; Body: Static<typeof VisitBody> | undefined }>('/api/v1/cases/:id/visits', {
    schema: {
      tags, summary: 'Window clerks: record that the applicant came in person for this case (counts 跑动次数)',
      params: CaseParams, body: VisitBody, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }), response: { 200: CaseOut },
    },
  }, async (request) => act.recordVisit(deps, requireActor(request), request.params.id, request.body?.note));

  const InboxQuery = Type.Object({
    box: Type.Union([Type.Literal('todo'), Type.Literal('done'), Type.Literal('overdue')], { default: 'todo' }), ...Page,
    service: Type.Optional(Code), q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'case number or applicant name' })), lang: Lang,
  }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof InboxQuery> }>('/api/v1/tasks', {
    schema: { tags: ['inbox'], summary: 'Staff inbox: open tasks assigned to me or my roles (todo, overdue) or tasks I closed (done)', querystring: InboxQuery, response: { 200: InboxOut } },
  }, async (request) => svc.listInbox(deps, requireActor(request), request.query));

  // Task ids are "<caseId>/t<n>": the id goes into the path as it is, slash included.
  const TaskParams = Type.Object({ caseId: Id, taskNo: Type.String({ pattern: '^t[0-9]{1,6}$' }) });
  app.post<{ Params: Static<typeof TaskParams>; Body: Static<typeof TaskAction> }>('/api/v1/tasks/:caseId/:taskNo/actions', {
    schema: {
      tags: ['inbox'], summary: 'Act on a task (URL: /api/v1/tasks/{taskId}/actions, taskId = "<caseId>/t<n>")',
      params: TaskParams, body: TaskAction, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }), response: { 200: CaseOut },
    },
  }, async (request) => {
    const { caseId, taskNo } = request.params;
    const out = await act.actOnTask(deps, requireActor(request), `${caseId}/${taskNo}`, request.body as act.TaskActionInput, requestLang(request));
    kick();
    return out;
  });

  const DraftParams = Type.Object({ code: Code });
  const DraftOut = Type.Object({ service: Type.String(), data: Type.Record(Type.String(), Type.Unknown()), updatedAt: Type.String() });
  app.get<{ Params: Static<typeof DraftParams> }>('/api/v1/drafts/:code', {
    schema: { tags, summary: 'My saved draft of a service\'s form (404 when none)', params: DraftParams, response: { 200: DraftOut } },
  }, async (request) => drafts.getDraft(deps, requireActor(request), request.params.code));
  const DraftBody = Type.Object({ data: Data }, { additionalProperties: false });
  app.put<{ Params: Static<typeof DraftParams>; Body: Static<typeof DraftBody> }>('/api/v1/drafts/:code', {
    schema: {
      tags, summary: 'Save my half-filled form (not validated; removed when the application is submitted)',
      params: DraftParams, body: DraftBody, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
      response: { 200: Type.Object({ service: Type.String(), updatedAt: Type.String() }) },
    },
  }, async (request) => drafts.putDraft(deps, requireActor(request), request.params.code, request.body.data, requestLang(request)));
  app.delete<{ Params: Static<typeof DraftParams> }>('/api/v1/drafts/:code', {
    schema: { tags, summary: 'Discard my draft', params: DraftParams },
  }, async (request, reply) => {
    await drafts.removeDraft(deps, requireActor(request), request.params.code);
    return reply.code(204).send();
  });

  app.get('/api/v1/online-services', {
    schema: { tags, summary: 'Codes of the services that can be applied for online', response: { 200: Type.Object({ codes: Type.Array(Type.String()) }) } },
  }, async () => ({ codes: await svc.onlineServices(deps) }));

  const PeopleQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }), lang: Lang }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof PeopleQuery> }>('/api/v1/people', {
    schema: {
      tags: ['inbox'], summary: 'Staff only: find people by name or username (ten at most), for pickers, transfers and added signers',
      querystring: PeopleQuery,
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), username: Type.String(), name: Type.String(), kind: Type.String(), org: Type.Object({ code: Type.String(), name: Type.Object({ zh: Type.String(), en: Type.String() }) }) })) }) },
    },
  }, async (request) => svc.findPeople(deps, requireActor(request), request.query.q));

  const BatchBody = Type.Object({
    action: Type.Literal('approve'),
    items: Type.Array(Type.Object({ taskId: Type.String({ pattern: '^[A-Za-z0-9-]{1,64}/t[0-9]{1,6}$' }), version: Version }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }),
    comment: Type.Optional(Text(2000)),
  }, { additionalProperties: false });
  app.post<{ Body: Static<typeof BatchBody> }>('/api/v1/tasks/batch', {
    schema: {
      tags: ['inbox'], summary: 'Batch approval: approves each task on its own; the answer says per task how it went (status and problem code)',
      body: BatchBody, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
      response: { 200: Type.Object({ results: Type.Array(Type.Object({ taskId: Type.String(), status: Type.Integer(), code: Type.Optional(Type.String()), caseStatus: Type.Optional(Type.String()) })) }) },
    },
  }, async (request) => {
    const out = await act.approveMany(deps, requireActor(request), request.body.items, request.body.comment, requestLang(request));
    kick();
    return out;
  });

  const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  const DelegationBody = Type.Object({
    delegate: Type.String({ minLength: 1, maxLength: 64, description: 'username or id of the colleague who works my tasks' }),
    from: Day, to: Day,
  }, { additionalProperties: false });
  app.get('/api/v1/me/delegations', {
    schema: { tags: ['inbox'], summary: 'Delegations I gave (out of office) and received, not yet ended' },
  }, async (request) => delegation.listDelegations(deps, requireActor(request)));
  app.post<{ Body: Static<typeof DelegationBody> }>('/api/v1/me/delegations', {
    schema: { tags: ['inbox'], summary: 'Hand my tasks to a colleague between two dates (委托); they appear in their inbox', body: DelegationBody, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }) },
  }, async (request, reply) => reply.code(201).send(await delegation.createDelegation(deps, requireActor(request), request.body, requestLang(request))));
  app.delete<{ Params: { id: string } }>('/api/v1/me/delegations/:id', {
    schema: { tags: ['inbox'], summary: 'Revoke a delegation I gave', params: Type.Object({ id: Id }) },
  }, async (request, reply) => {
    await delegation.revokeDelegation(deps, requireActor(request), request.params.id);
    return reply.code(204).send();
  });

  const ESCALATIONS = new Set(['task_escalated', 'case_escalated']);
  const NoteQuery = Type.Object({ unread: Type.Optional(Type.Boolean()), limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }), lang: Lang }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof NoteQuery> }>('/api/v1/notifications', {
    schema: { tags: ['notifications'], summary: 'My in-app notifications, newest first, with the unread count', querystring: NoteQuery, response: { 200: NotificationListOut } },
  }, async (request) => {
    const actor = requireActor(request);
    const [rows, unread] = await Promise.all([
      repo.listNotifications(db, actor.id, request.query.unread === true, request.query.limit),
      repo.countUnread(db, actor.id),
    ]);
    // An escalation goes to people above the task (a supervisor, a unit's admins, the hall managers) who may not
    // open it: the notice itself says who holds the task and since when it is due, so they know whom to chase.
    const escalated = rows.filter((r) => ESCALATIONS.has(r.event) && r.task_id !== null).map((r) => r.task_id!);
    const held = new Map(escalated.length ? (await repo.tasksWithNames(db, escalated)).map((t) => [t.id, t]) : []);
    const matcher = held.size ? await svc.matcherFor(db, catalog, actor) : null;
    return {
      unread,
      items: rows.map((r) => {
        const task = ESCALATIONS.has(r.event) && r.task_id ? held.get(r.task_id) : undefined;
        return {
          id: r.id, event: r.event, createdAt: r.created_at, read: r.read_at !== null, taskId: r.task_id,
          case: r.case_id ? { id: r.case_id, number: r.number, service: r.service_code ? { code: r.service_code, name: catalog.published(r.service_code)?.content.name ?? null } : null } : null,
          ...(task && matcher ? {
            escalation: {
              holder: holderLabel(task, catalog.org), dueDate: r.event === 'case_escalated' ? r.promised_due : task.due_date,
              open: task.state === 'open', canOpen: matchesTask(matcher, task),
            },
          } : {}),
        };
      }),
    };
  });

  app.post<{ Params: { id: string } }>('/api/v1/notifications/:id/read', {
    schema: { tags: ['notifications'], summary: 'Mark one notification read', params: Type.Object({ id: Id }), response: { 200: Type.Object({ unread: Type.Integer() }) } },
  }, async (request) => {
    const actor = requireActor(request);
    const marked = await repo.markNotificationRead(db, actor.id, request.params.id, nowIso());
    // Nothing marked: already read (no error), or not the caller's notification at all (404, like any other's record).
    if (!Number(marked?.numUpdatedRows ?? 0) && !(await repo.hasNotification(db, actor.id, request.params.id))) throw new AppError('not_found');
    return { unread: await repo.countUnread(db, actor.id) };
  });
}
