// The workflow shell: loads a case, asks the pure engine what happens, and writes the new state, its tasks,
// timeline, outbox rows and the audit row in one transaction. A case row carries a revision; an update that
// finds it moved (someone acted on another task of the same case meanwhile) retries the whole action, so the
// engine always decides on the latest state and two people on one task get one success and one 409.
import { createHash } from 'node:crypto';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import { AppError, fieldProblems, type FieldProblem } from '../../http/errors.ts';
import { PROBLEMS, type Lang } from '../../../common/problems.ts';
import {
  formRuleProblems, formToJsonSchema, prefillFromProfile, prepareFormData, type FormData, type FormDefinition,
} from '../../../common/form.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import type { CalendarCache } from '../calendar/cache.ts';
import { chinaDate, limitDates, type CalendarOverrides } from './calendar.ts';
import type { Assignee, ProcessDefinition } from './definition.ts';
import { advance, isFinished, type Action, type CaseState, type Effect, type Problem, type RefusalReason } from './engine.ts';
import { canApplyOnBehalf, canDelegate, canRecordVisit, matchesTask, taskMatcher, type TaskMatcher } from './policy.ts';
import { assigneePersonIds, presentCase, presentTask, type CaseOut } from './present.ts';
import * as repo from './repo.ts';
import { fileProblems } from './uploads.ts';
import { bundleAt, bundleProcess, childrenOf, childSummaries, latestBundle, parentOf, refreshParent } from './bundle-state.ts';
import { followStatus, inboxPromise, promiseColumns, promisedLimitOf } from './promise.ts';
import type { TimeLimit } from '../../../common/catalog.ts';

/** `calendar` holds the admins' working-day overrides every due date is computed with. */
export interface Deps { db: Db; catalog: CatalogCache; calendar: CalendarCache }

// Form data is checked strictly, like request bodies: no coercion, unknown fields refused.
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, removeAdditional: false, useDefaults: false });
const compiled = new Map<string, ValidateFunction>();
function validatorFor(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let v = compiled.get(key);
  if (!v) {
    if (compiled.size > 1000) compiled.clear();
    v = ajv.compile(schema);
    compiled.set(key, v);
  }
  return v;
}

/** Refused on both dialects when a unique key collides (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_*). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

class CaseMoved extends Error {}

/** Runs one user action in a transaction, again when the case moved underneath it (at most 8 times). */
async function withRetry<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (err) {
      if (!(err instanceof CaseMoved) || attempt >= 7) throw err instanceof CaseMoved ? new AppError('conflict') : err;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Definitions

// Parsed definitions by row id: a published version is never changed (a change is a new version, a new row),
// and ids are unique across databases, so the cache needs no invalidation.
const parsedDefinitions = new Map<string, unknown>();
async function parsedDefinition<T>(db: Db, table: 'form_definition' | 'process_definition', id: string): Promise<T> {
  let d = parsedDefinitions.get(id);
  if (d === undefined) {
    d = deepFreeze(JSON.parse((await repo.definitionById(db, table, id)).definition));
    if (parsedDefinitions.size >= 1000) parsedDefinitions.clear();
    parsedDefinitions.set(id, d);
  }
  return d as T;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') { for (const x of Object.values(v)) deepFreeze(x); Object.freeze(v); }
  return v;
}

/** A service's form and process: the versions a case pinned, or the newest. Callers must not modify them. */
export async function loadDefinitions(db: Db, code: string, versions?: { form: number; process: number }) {
  const pair = await repo.definitionPair(db, code, versions);
  if (!pair) {
    // A life-event bundle has no process of its own: its merged form, and its members drawn side by side.
    const bundle = versions ? await bundleAt(db, code, versions.form).then((d) => d && { version: versions.form, definition: d }) : await latestBundle(db, code);
    if (!bundle) return undefined;
    return {
      form: { version: bundle.version, definition: bundle.definition.form },
      process: { version: bundle.version, definition: bundleProcess(bundle.definition) },
      bundle: bundle.definition,
    };
  }
  return {
    form: { version: pair.formVersion, definition: await parsedDefinition<FormDefinition>(db, 'form_definition', pair.formId) },
    process: { version: pair.processVersion, definition: await parsedDefinition<ProcessDefinition>(db, 'process_definition', pair.processId) },
  };
}

type Definitions = NonNullable<Awaited<ReturnType<typeof loadDefinitions>>>;

export function publishedOr404(catalog: CatalogCache, code: string) {
  const item = catalog.published(code);
  if (!item) throw new AppError('service_not_found', { code });
  return item;
}

/** The form, the process (for the flowchart) and, for a signed-in person, the prefill from their records. */
export async function serviceForm({ db, catalog }: Deps, actor: Actor | null, code: string) {
  const item = publishedOr404(catalog, code);
  const defs = await loadDefinitions(db, code);
  if (!defs) throw new AppError('service_not_online', { code });
  let prefill: { values: FormData; fromRecords: string[] } | null = null;
  if (actor) {
    const p = await repo.loadProfile(db, actor.id, (c) => catalog.org.unitName(c).name.zh);
    if (p) prefill = prefillFromProfile(defs.form.definition, p.profile);
  }
  return {
    service: { code, name: item.content.name, department: catalog.org.unitName(item.content.department) },
    form: defs.form, process: defs.process, prefill,
    // A bundle names the services its one form is sent to.
    ...('bundle' in defs && defs.bundle ? {
      bundle: { members: defs.bundle.members.map((m) => ({ key: m.key, name: m.name, service: m.service, department: catalog.org.unitName(catalog.published(m.service)?.content.department ?? '') })) },
    } : {}),
  };
}

export function validateForm(def: FormDefinition, data: FormData, lang: Lang): void {
  const problems = formProblems(def, data, lang);
  if (problems.length) throw new AppError('validation_failed', {}, problems);
}

/** Every way the data breaks the form, as problems at /data/… paths. */
export function formProblems(def: FormDefinition, data: FormData, lang: Lang): FieldProblem[] {
  const validate = validatorFor(formToJsonSchema(def, data));
  const problems: FieldProblem[] = [];
  if (!validate(data)) {
    problems.push(...fieldProblems(validate.errors as Parameters<typeof fieldProblems>[0], lang).map((p) => ({ ...p, path: `/data${p.path === '/' ? '' : p.path}` })));
  }
  for (const p of formRuleProblems(def, data)) {
    problems.push({ path: `/data${p.path}`, message: lang === 'en' ? 'the end is before the start' : '结束日期早于开始日期' });
  }
  return problems;
}

/** Files named in the data must be uploads of the applicant (or the clerk filing for them) of accepted types. */
export async function checkFiles(db: Db, def: FormDefinition, data: FormData, owners: string[], lang: Lang): Promise<void> {
  const problems = await fileProblems(db, def, data, owners, lang);
  if (problems.length) throw new AppError('validation_failed', {}, problems);
}

// ---------------------------------------------------------------------------------------------------------
// Applying the engine's results

export interface CaseContext {
  caseId: string;
  applicantId: string;
  applicantOrg: string;
  supervisorId: string | null;
  department: string;
}

/** Turns an assignee rule into the row's assignment: a person, or a role in one org unit. */
function resolveAssignee(a: Assignee, c: CaseContext): { kind: 'person' | 'role' | 'applicant'; person?: string; role?: string; org?: string } {
  switch (a.kind) {
    case 'applicant': return { kind: 'applicant', person: c.applicantId };
    case 'person': return { kind: 'person', person: a.personId };
    // Without a supervisor on record, the head of the applicant's unit (its reviewer) decides.
    case 'supervisor': return c.supervisorId ? { kind: 'person', person: c.supervisorId } : { kind: 'role', role: 'dept_reviewer', org: c.applicantOrg };
    case 'role': {
      const org = a.scope === 'unit' ? a.unit : a.scope === 'owning_department' ? c.department : c.applicantOrg;
      return { kind: 'role', role: a.role, org };
    }
  }
}

/** Stored state: the timeline lives in case_event and the data in its own column. */
export function storedState(s: CaseState): string {
  const { history: _history, data: _data, ...rest } = s;
  return JSON.stringify(rest);
}
export function loadState(row: { state: string; data: string }): CaseState {
  return { ...(JSON.parse(row.state) as Omit<CaseState, 'history' | 'data'>), history: [], data: JSON.parse(row.data) as Record<string, unknown> };
}

export async function applyResult(
  trx: Db, c: CaseContext, before: CaseState | null, after: CaseState, effects: Effect[],
  actorId: string, actingTaskId: string | undefined, now: string, overrides: CalendarOverrides,
): Promise<void> {
  const timers = new Map<string, { due: string; warn: string }>();
  for (const e of effects) {
    // Yellow from the warning date (80 % of the limit), red after the due date; both in working days.
    if (e.kind === 'schedule_timer') timers.set(e.taskId, limitDates(chinaDate(e.from), e.workingDays, overrides));
  }
  for (const e of effects) {
    switch (e.kind) {
      case 'open_task': {
        const a = resolveAssignee(e.task.assignee, c);
        await trx.insertInto('case_task').values({
          id: e.task.id, case_id: c.caseId, step_id: e.task.stepId, branch_id: e.task.branchId ?? null,
          assignee_kind: a.kind, assignee_role: a.role ?? null, assignee_org: a.org ?? null, assignee_person: a.person ?? null,
          state: 'open', outcome: null, version: e.task.version, opened_at: now,
          due_date: timers.get(e.task.id)?.due ?? null, warn_date: timers.get(e.task.id)?.warn ?? null, warned_at: null, escalated_at: null,
          closed_at: null, done_by: null,
        }).execute();
        break;
      }
      case 'close_task': {
        const acting = e.taskId === actingTaskId;
        await trx.updateTable('case_task').set({
          state: acting ? 'done' : 'cancelled', outcome: e.outcome, closed_at: now, done_by: acting ? actorId : null,
        }).where('id', '=', e.taskId).where('state', '=', 'open').execute();
        break;
      }
      case 'notify':
        await repo.enqueue(trx, 'notify', { to: resolveAssignee(e.to, c), event: e.event, caseId: c.caseId, taskId: e.taskId ?? null }, now);
        break;
      case 'call_webhook':
        await repo.enqueue(trx, 'webhook', { url: e.url, stepId: e.stepId, idempotencyKey: e.idempotencyKey, caseId: c.caseId }, now);
        break;
      case 'schedule_timer':
        break; // the due date is on the task row; the overdue box and the outbox worker read it from there
    }
  }
  // 加签 moves the holder's version without an effect: mirror every version change onto the rows.
  const old = new Map((before?.tasks ?? []).map((t) => [t.id, t.version]));
  for (const t of after.tasks) {
    const v = old.get(t.id);
    if (v !== undefined && v !== t.version) await trx.updateTable('case_task').set({ version: t.version }).where('id', '=', t.id).execute();
  }
  if (after.history.length === 0) return;
  let seq = before ? await repo.lastEventSeq(trx, c.caseId) : 0;
  await trx.insertInto('case_event').values(after.history.map((h) => {
    const { at, actor, type, stepId, taskId, ...detail } = h;
    return {
      id: newId(), case_id: c.caseId, seq: ++seq, at, actor_id: actor === 'system' ? null : actor, type,
      step_id: stepId ?? null, task_id: taskId ?? null, detail: JSON.stringify(detail),
    };
  })).execute();
}


/** Who the actor answers for today: themselves and anyone who delegated their work to them. */
export async function matcherFor(db: Db, catalog: CatalogCache, actor: Actor): Promise<TaskMatcher> {
  return taskMatcher(actor, catalog.org, await repo.delegatorsOf(db, actor.id, chinaDate(nowIso())));
}

// ---------------------------------------------------------------------------------------------------------
// Reading cases

export async function caseView(db: Db, catalog: CatalogCache, row: NonNullable<Awaited<ReturnType<typeof repo.findCase>>>, viewerId: string, known?: Definitions): Promise<CaseOut> {
  const [tasks, events, defs, people] = await Promise.all([
    repo.tasksOfCase(db, row.id),
    repo.eventsOfCase(db, row.id),
    known ?? loadDefinitions(db, row.service_code, { form: row.form_version, process: row.process_version }),
    db.selectFrom('person').select(['id', 'display_name']).where('id', 'in', [row.applicant_id, row.on_behalf_of ?? row.applicant_id]).execute(),
  ]);
  if (!defs) throw new Error(`case ${row.id} pins definitions that do not exist`);
  const name = (id: string | null) => people.find((p) => p.id === id)?.display_name ?? null;
  const assigneeIds = assigneePersonIds(events);
  const assignees = assigneeIds.length
    ? await db.selectFrom('person').select(['id', 'display_name']).where('id', 'in', assigneeIds).execute() : [];
  const state = loadState(row);
  const item = catalog.published(row.service_code);
  const out = presentCase({
    row, applicantName: name(row.applicant_id) ?? '', onBehalfOfName: name(row.on_behalf_of), def: defs.process.definition,
    serviceName: item?.content.name ?? { zh: row.service_code, en: row.service_code },
    tasks, events, problems: state.problems, decided: state.decided, trail: state.trail ?? [], form: defs.form, process: defs.process,
    assigneeNames: new Map(assignees.map((p) => [p.id, p.display_name])),
  }, catalog.org, viewerId);
  // A bundle is corrected and withdrawn child by child, never as a whole.
  if (row.kind === 'bundle') return { ...out, canWithdraw: false, canResubmit: false, bundle: { children: await childrenOf(db, catalog, row) } };
  const parent = await parentOf(db, catalog, row);
  return parent ? { ...out, parent } : out;
}

/** A case for the applicant, the clerk who applied for them, or anyone who holds or held one of its tasks. */
export async function getCase({ db, catalog }: Deps, actor: Actor, id: string): Promise<CaseOut> {
  const row = await repo.findVisibleCase(db, id, await matcherFor(db, catalog, actor));
  if (!row) throw new AppError('case_not_found');
  return caseView(db, catalog, row, actor.id);
}

export async function listCases({ db, catalog }: Deps, actor: Actor, q: { status?: string; page: number; pageSize: number }) {
  const rows = await repo.listMyCases(db, actor.id, q.status, q.pageSize, (q.page - 1) * q.pageSize);
  const children = await childSummaries(db, rows.filter((r) => r.kind === 'bundle'));
  const today = chinaDate(nowIso());
  return {
    items: rows.map((r) => ({
      ...(children.has(r.id) ? { children: children.get(r.id)! } : {}),
      id: r.id, number: r.number, status: r.status,
      service: { code: r.service_code, name: catalog.published(r.service_code)?.content.name ?? { zh: r.service_code, en: r.service_code } },
      onBehalf: r.on_behalf_of !== null && r.on_behalf_of === actor.id && r.applicant_id !== actor.id,
      createdAt: r.created_at, updatedAt: r.updated_at, finishedAt: r.finished_at,
      ...inboxPromise({ case_status: r.status, promised_due: r.promised_due, promised_warn: r.promised_warn, promised_paused_since: r.promised_paused_since }, today),
    })),
    page: q.page, pageSize: q.pageSize,
  };
}

export async function listInbox({ db, catalog }: Deps, actor: Actor, q: { box: repo.Box; page: number; pageSize: number; service?: string; q?: string }) {
  const m = await matcherFor(db, catalog, actor);
  const rows = await repo.listTasks(db, m, q.box, chinaDate(nowIso()), q.pageSize, (q.page - 1) * q.pageSize, { service: q.service, q: q.q });
  const defs = new Map<string, ProcessDefinition>();
  const items = [];
  for (const r of rows) {
    const k = `${r.service_code}@${r.process_version}`;
    if (!defs.has(k)) {
      const d = await repo.definitionAt(db, 'process_definition', r.service_code, r.process_version);
      defs.set(k, d ? (JSON.parse(d.definition) as ProcessDefinition) : { start: '', steps: [] });
    }
    const def = defs.get(k)!;
    items.push({
      ...presentTask({ ...r, assignee_name: null, done_by_name: null }, def, catalog.org),
      case: {
        id: r.case_id, number: r.number, status: r.case_status,
        service: { code: r.service_code, name: catalog.published(r.service_code)?.content.name ?? { zh: r.service_code, en: r.service_code } },
        applicant: { id: r.applicant_id, name: r.applicant_name, org: catalog.org.unitName(r.applicant_org) },
        ...inboxPromise(r, chinaDate(nowIso())),
      },
      overdue: r.state === 'open' && r.due_date !== null && r.due_date < chinaDate(nowIso()),
    });
  }
  return { items, box: q.box, page: q.page, pageSize: q.pageSize };
}

/** Codes of the published services that can be applied for online (they have a form and a process). */
export async function onlineServices({ db, catalog }: Deps): Promise<string[]> {
  const rows = await db.selectFrom('process_definition').select('service_code')
    .union(db.selectFrom('bundle_definition').select('service_code')).execute();
  return rows.map((r) => r.service_code).filter((c) => catalog.published(c) !== undefined).sort();
}

/** Staff find people for person fields, transfers and added signers: name or username, ten at most. */
export async function findPeople({ db, catalog }: Deps, actor: Actor, q: string) {
  if (actor.kind !== 'staff' && !actor.roles.some((g) => g.role !== 'applicant')) throw new AppError('forbidden');
  const rows = await repo.searchPeople(db, q, 10);
  return { items: rows.map((r) => ({ id: r.id, username: r.username, name: r.display_name, kind: r.kind, org: catalog.org.unitName(r.org_unit_code) })) };
}

// ---------------------------------------------------------------------------------------------------------
// Submitting

export interface SubmitInput { service: string; data: FormData; applicant?: string }

export function requestHash(personId: string, body: SubmitInput): string {
  // Canonical JSON (sorted keys) so that the same body in another key order is the same request.
  const canon = (v: unknown): unknown => (Array.isArray(v) ? v.map(canon)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v);
  return createHash('sha256').update(JSON.stringify([personId, canon(body)])).digest('hex');
}

/** Fields CaseOut gained after answers were first stored, with what a just-submitted case has for them. */
const ADDED_SINCE_STORED: Partial<CaseOut> = { earlierSteps: [] };

/** The stored answer to a key already used: the same status and body, or 422 when the body differs. */
export async function replay(db: Db, row: { request_hash: string; status_code: number; response: string }, hash: string) {
  if (row.request_hash !== hash) throw new AppError('idempotency_key_reused');
  // Stored before an upgrade, the answer may lack fields added to CaseOut since: they get their value at submission.
  const body = { ...ADDED_SINCE_STORED, ...(JSON.parse(row.response) as Partial<CaseOut>) } as CaseOut;
  // Stored without the pinned form and process (half its size; a published version never changes): put them back.
  if (body.form === null || body.process === null) {
    const defs = await loadDefinitions(db, body.service.code, { form: body.formVersion, process: body.processVersion });
    if (!defs) throw new Error(`case ${body.id} pins definitions that do not exist`);
    body.form = defs.form;
    body.process = defs.process;
  }
  return { status: row.status_code, body, replayed: true };
}
/** The answer as an idempotency key keeps it: without the pinned definitions, which replay() puts back. */
export const storedResponse = (out: CaseOut) => JSON.stringify({ ...out, form: null, process: null });

/** Numbers and inserts a case, starts its process and applies the engine's first effects (inside the caller's transaction). */
export async function startCase(trx: Db, c: {
  service: string; department: string; defs: NonNullable<Awaited<ReturnType<typeof loadDefinitions>>>;
  actorId: string; applicantId: string; onBehalf: string | null; person: { orgUnit: string; supervisorId: string | null };
  data: FormData; now: string; parent?: { id: string; member: string };
  /** the working-day calendar's admin overrides, for the first tasks' due dates */
  overrides: CalendarOverrides;
  /** the service item's published promised limit, used when the process names none (promise.ts) */
  promised?: TimeLimit;
}) {
  const caseId = newId();
  const number = await repo.nextCaseNumber(trx, Number(chinaDate(c.now).slice(0, 4)));
  const r = advance(c.defs.process.definition, null, { type: 'start', actor: c.actorId, caseId, applicantId: c.applicantId, data: c.data }, c.now);
  if (!r.ok) throw new Error(`process of ${c.service} refused to start: ${r.reason}`);
  await trx.insertInto('workflow_case').values({
    id: caseId, number, service_code: c.service, department_code: c.department,
    form_version: c.defs.form.version, process_version: c.defs.process.version, applicant_id: c.applicantId, on_behalf_of: c.onBehalf,
    status: r.state.status, state: storedState(r.state), data: JSON.stringify(r.state.data), visits: 0, rev: 1,
    created_at: c.now, updated_at: c.now, finished_at: isFinished(r.state.status) ? c.now : null,
    parent_id: c.parent?.id ?? null, bundle_member: c.parent?.member ?? null,
    ...promiseColumns(promisedLimitOf(c.defs.process.definition, c.promised), c.now, c.overrides),
  }).execute();
  const ctx: CaseContext = { caseId, applicantId: c.applicantId, applicantOrg: c.person.orgUnit, supervisorId: c.person.supervisorId, department: c.department };
  await applyResult(trx, ctx, null, r.state, r.effects, c.actorId, undefined, c.now, c.overrides);
  return { caseId, number, status: r.state.status };
}

/** Who a submission is for (the actor, or the person a window clerk applies for), with their records. */
export async function applicantOf({ db, catalog }: Pick<Deps, 'db' | 'catalog'>, actor: Actor, body: SubmitInput, lang: Lang) {
  let applicantId = actor.id;
  if (body.applicant !== undefined) {
    if (!canApplyOnBehalf(actor)) throw new AppError('forbidden');
    const p = await repo.findPersonByUsernameOrId(db, body.applicant);
    if (!p) throw new AppError('validation_failed', {}, [{ path: '/applicant', message: lang === 'en' ? 'no such person' : '找不到该人员' }]);
    applicantId = p.id;
  }
  const person = await repo.loadProfile(db, applicantId, (c) => catalog.org.unitName(c).name.zh);
  if (!person) throw new AppError('not_found');
  return { applicantId, person };
}

/** Creates one case (exactly one per Idempotency-Key and person), with its first tasks, in one transaction. */
export async function submitCase({ db, catalog, calendar }: Deps, actor: Actor, key: string, body: SubmitInput, lang: Lang) {
  const hash = requestHash(actor.id, body);
  const seen = await repo.findIdempotencyKey(db, actor.id, key);
  if (seen) return replay(db, seen, hash);

  const item = publishedOr404(catalog, body.service);
  const defs = await loadDefinitions(db, body.service);
  if (!defs) throw new AppError('service_not_online', { code: body.service });

  const { applicantId, person } = await applicantOf({ db, catalog }, actor, body, lang);
  const data = prepareFormData(defs.form.definition, body.data, person.profile);
  validateForm(defs.form.definition, data, lang);
  await checkFiles(db, defs.form.definition, data, [applicantId, actor.id], lang);

  try {
    return await db.transaction().execute(async (trx) => {
      const again = await repo.findIdempotencyKey(trx, actor.id, key);
      if (again) return replay(trx, again, hash);
      const now = nowIso();
      const onBehalf = applicantId !== actor.id ? actor.id : null;
      const { caseId, number } = await startCase(trx, {
        service: body.service, department: item.content.department, defs, actorId: actor.id, applicantId, onBehalf, person, data, now, overrides: calendar.overrides,
        promised: item.content.promisedLimit,
      });
      const row = (await repo.findCase(trx, caseId))!;
      const out = await caseView(trx, catalog, row, actor.id, defs);
      // The half-filled form saved on the server is done with.
      if (!onBehalf) await repo.deleteDraft(trx, actor.id, body.service);
      await trx.insertInto('idempotency_key').values({
        person_id: actor.id, key, request_hash: hash, case_id: caseId, status_code: 201, response: storedResponse(out), created_at: now,
      }).execute();
      // Last: the audit chain's head row stays locked until the commit (on PostgreSQL other submissions wait).
      await recordAudit(trx, { actorId: actor.id, action: 'case.submit', entity: 'case', entityId: caseId, detail: { number, service: body.service, onBehalfOf: onBehalf ? applicantId : undefined } });
      return { status: 201, body: out, replayed: false };
    });
  } catch (err) {
    // Two retries of one key raced: the loser's transaction rolled back; answer with the winner's response.
    if (isUniqueViolation(err)) {
      const winner = await repo.findIdempotencyKey(db, actor.id, key);
      if (winner) return replay(db, winner, hash);
    }
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Acting

function refusal(reason: RefusalReason, status: string, lang: Lang): AppError {
  const say = (path: string, zh: string, en: string) => new AppError('validation_failed', {}, [{ path, message: lang === 'en' ? en : zh }]);
  switch (reason) {
    case 'case_finished': return new AppError('case_finished', { status });
    case 'task_closed': return new AppError('task_closed');
    case 'stale_version': return new AppError('stale_version');
    case 'reason_required': return say('/reason', '驳回须填写理由', 'a reason is required');
    case 'problems_required': return say('/problems', '退回须逐条列出问题', 'list every problem');
    case 'text_required': return say('/text', '请填写意见', 'the comment is empty');
    case 'not_applicant': return new AppError('forbidden');
    case 'not_waiting_applicant': return new AppError('case_not_waiting');
    case 'already_decided': return new AppError('case_already_decided');
    case 'not_allowed_on_step': return new AppError('action_not_allowed', { reason });
    case 'not_earlier_step': return new AppError('action_not_allowed', { reason });
    default: return new Error(`engine refused: ${reason}`) as AppError;
  }
}

type CaseRow = NonNullable<Awaited<ReturnType<typeof repo.findCase>>>;

/** Loads a case's state, runs one engine action and stores the result, guarded by the case revision. */
async function step(trx: Db, { catalog, calendar }: Deps, row: CaseRow, actor: Actor, action: Action | ((s: CaseState) => Action), lang: Lang, auditAction: string, actingTaskId?: string) {
  if (isFinished(row.status as CaseState['status'])) throw new AppError('case_finished', { status: row.status });
  if (row.kind === 'bundle') throw new AppError('action_not_allowed', { reason: lang === 'en' ? 'a bundle is handled through its child cases' : '一件事由其中各事项分别办理' });
  const defs = await loadDefinitions(trx, row.service_code, { form: row.form_version, process: row.process_version });
  if (!defs) throw new Error(`case ${row.id} pins definitions that do not exist`);
  const before = loadState(row);
  const a = typeof action === 'function' ? action(before) : action;
  const now = nowIso();
  const r = advance(defs.process.definition, before, a, now);
  if (!r.ok) throw refusal(r.reason, row.status, lang);
  const person = await repo.loadProfile(trx, row.applicant_id, (c) => catalog.org.unitName(c).name.zh);
  const ctx: CaseContext = {
    caseId: row.id, applicantId: row.applicant_id, applicantOrg: person?.orgUnit ?? row.department_code,
    supervisorId: person?.supervisorId ?? null, department: row.department_code,
  };
  const moved = await trx.updateTable('workflow_case').set({
    status: r.state.status, state: storedState(r.state), data: JSON.stringify(r.state.data), rev: row.rev + 1, updated_at: now,
    finished_at: isFinished(r.state.status) ? now : null,
  }).where('id', '=', row.id).where('rev', '=', row.rev).executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw new CaseMoved();
  await applyResult(trx, ctx, before, r.state, r.effects, actor.id, actingTaskId, now, calendar.overrides);
  await followStatus(trx, row, r.state.status, now, calendar.overrides); // the promised limit pauses while waiting on the applicant
  if (row.parent_id && r.state.status !== row.status) await refreshParent(trx, row.parent_id, now, calendar.overrides);
  await recordAudit(trx, { actorId: actor.id, action: auditAction, entity: 'case', entityId: row.id, detail: { number: row.number, task: actingTaskId } });
  return defs;
}

export type TaskActionInput =
  | { action: 'approve'; version: number; comment?: string }
  | { action: 'reject'; version: number; reason: string }
  | { action: 'return'; version: number; problems: Array<{ field?: string; material?: string; message: string }> }
  | { action: 'return_to_step'; version: number; toStepId: string; reason?: string }
  | { action: 'transfer'; version: number; to: { person?: string; role?: string; unit?: string } }
  | { action: 'add_signer'; version: number; signer: { person?: string; role?: string; unit?: string } }
  | { action: 'comment'; text: string };

async function ruleFor(db: Db, catalog: CatalogCache, ref: { person?: string; role?: string; unit?: string }, lang: Lang, path: string) {
  const bad = (zh: string, en: string) => new AppError('validation_failed', {}, [{ path, message: lang === 'en' ? en : zh }]);
  if (ref.person !== undefined && ref.role === undefined && ref.unit === undefined) {
    const p = await repo.findPersonByUsernameOrId(db, ref.person);
    if (!p) throw bad('找不到该人员', 'no such person');
    return { kind: 'person' as const, personId: p.id };
  }
  if (ref.person === undefined && ref.role !== undefined && ref.unit !== undefined) {
    if (!catalog.org.units.has(ref.unit)) throw bad('找不到该部门', 'no such org unit');
    return { kind: 'role' as const, role: ref.role, scope: 'unit' as const, unit: ref.unit };
  }
  throw bad('请指定人员，或角色加部门', 'give a person, or a role and a unit');
}

/** One action on a task by someone it is assigned to; answers with the case as that person now sees it. */
export async function actOnTask(deps: Deps, actor: Actor, taskId: string, input: TaskActionInput, lang: Lang): Promise<CaseOut> {
  const { db, catalog } = deps;
  const m = await matcherFor(db, catalog, actor);
  const first = await repo.findTask(db, taskId);
  // A task assigned to someone else is not found, as a case of someone else is.
  if (!first || !(matchesTask(m, first) || first.done_by === actor.id)) throw new AppError('task_not_found');
  let action: Action;
  const ref = { actor: actor.id, taskId, version: 'version' in input ? input.version : 0 };
  switch (input.action) {
    case 'approve': action = { type: 'approve', ...ref, ...(input.comment ? { comment: input.comment } : {}) }; break;
    case 'reject': action = { type: 'reject', ...ref, reason: input.reason }; break;
    case 'return': {
      const problems: Problem[] = [];
      for (const [i, p] of input.problems.entries()) {
        if ((p.field === undefined) === (p.material === undefined)) {
          throw new AppError('validation_failed', {}, [{ path: `/problems/${i}`, message: lang === 'en' ? 'name either a field or a material' : '每条问题须指向一个字段或一项材料' }]);
        }
        problems.push({ target: p.field !== undefined ? { kind: 'field', path: p.field } : { kind: 'material', code: p.material! }, message: p.message });
      }
      action = { type: 'return_to_applicant', ...ref, problems };
      break;
    }
    case 'return_to_step': action = { type: 'return_to_step', ...ref, toStepId: input.toStepId, ...(input.reason ? { reason: input.reason } : {}) }; break;
    case 'transfer': action = { type: 'transfer', ...ref, to: await ruleFor(db, catalog, input.to, lang, '/to') }; break;
    case 'add_signer': action = { type: 'add_signer', ...ref, signer: await ruleFor(db, catalog, input.signer, lang, '/signer') }; break;
    case 'comment': action = { type: 'comment', actor: actor.id, text: input.text, taskId }; break;
  }
  const caseId = first.case_id;
  await withRetry(db, async (trx) => {
    const task = await repo.findTask(trx, taskId);
    const row = await repo.findCase(trx, caseId);
    if (!task || !row) throw new AppError('task_not_found');
    if (isFinished(row.status as CaseState['status'])) throw new AppError('case_finished', { status: row.status });
    if (task.state !== 'open') throw new AppError('task_closed');
    if (!matchesTask(m, task)) throw new AppError('task_closed');
    // Nobody decides on their own application, whatever roles they hold.
    if (row.applicant_id === actor.id && task.assignee_kind !== 'applicant' && input.action !== 'comment') throw new AppError('forbidden');
    await step(trx, deps, row, actor, action, lang, `case.${input.action}`, input.action === 'comment' ? undefined : taskId);
  });
  const row = (await repo.findCase(db, caseId))!;
  return caseView(db, catalog, row, actor.id);
}

/** Approves several tasks one by one (batch approval); each succeeds or fails on its own. */
export async function approveMany(deps: Deps, actor: Actor, items: Array<{ taskId: string; version: number }>, comment: string | undefined, lang: Lang) {
  const results: Array<{ taskId: string; status: number; code?: string; caseStatus?: string }> = [];
  for (const it of items) {
    try {
      const c = await actOnTask(deps, actor, it.taskId, { action: 'approve', version: it.version, ...(comment ? { comment } : {}) }, lang);
      results.push({ taskId: it.taskId, status: 200, caseStatus: c.status });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({ taskId: it.taskId, status: PROBLEMS[err.code].status, code: err.code });
    }
  }
  return { results };
}

async function ownCase(db: Db, actor: Actor, id: string): Promise<CaseRow> {
  const row = await repo.findCase(db, id);
  if (!row || row.applicant_id !== actor.id) throw new AppError('case_not_found');
  return row;
}

/** The applicant corrects the data after a return; it goes straight back to the step that returned it. */
export async function resubmitCase(deps: Deps, actor: Actor, id: string, input: FormData, lang: Lang): Promise<CaseOut> {
  const { db, catalog } = deps;
  await withRetry(db, async (trx) => {
    const row = await ownCase(trx, actor, id);
    if (isFinished(row.status as CaseState['status'])) throw new AppError('case_finished', { status: row.status });
    if (row.status !== 'waiting_applicant') throw new AppError('case_not_waiting');
    const defs = await loadDefinitions(trx, row.service_code, { form: row.form_version, process: row.process_version });
    const person = await repo.loadProfile(trx, row.applicant_id, (c) => catalog.org.unitName(c).name.zh);
    if (!defs || !person) throw new Error(`case ${row.id} cannot be loaded`);
    // The correction is laid over what was sent before, then checked as a whole against the pinned form.
    const data = prepareFormData(defs.form.definition, { ...(JSON.parse(row.data) as FormData), ...input }, person.profile);
    validateForm(defs.form.definition, data, lang);
    await checkFiles(trx, defs.form.definition, data, [row.applicant_id, ...(row.on_behalf_of ? [row.on_behalf_of] : [])], lang);
    // The engine merges data; starting it from {} makes the checked data the case's data exactly.
    await step(trx, deps, row, actor, (s) => {
      s.data = {};
      return { type: 'resubmit', actor: actor.id, data };
    }, lang, 'case.resubmit');
  });
  return caseView(db, catalog, (await repo.findCase(db, id))!, actor.id);
}

/** The applicant withdraws before anyone has decided. */
export async function withdrawCase(deps: Deps, actor: Actor, id: string, reason: string | undefined, lang: Lang): Promise<CaseOut> {
  const { db, catalog } = deps;
  await withRetry(db, async (trx) => {
    const row = await ownCase(trx, actor, id);
    await step(trx, deps, row, actor, { type: 'withdraw', actor: actor.id, ...(reason ? { reason } : {}) }, lang, 'case.withdraw');
  });
  return caseView(db, catalog, (await repo.findCase(db, id))!, actor.id);
}

/** The applicant (or anyone who can see the case) adds a comment to its timeline. */
export async function commentOnCase(deps: Deps, actor: Actor, id: string, text: string, lang: Lang): Promise<CaseOut> {
  const { db, catalog } = deps;
  const m = await matcherFor(db, catalog, actor);
  if (!(await repo.findVisibleCase(db, id, m))) throw new AppError('case_not_found');
  await withRetry(db, async (trx) => {
    const row = (await repo.findCase(trx, id))!;
    await step(trx, deps, row, actor, { type: 'comment', actor: actor.id, text }, lang, 'case.comment');
  });
  return caseView(db, catalog, (await repo.findCase(db, id))!, actor.id);
}

/** A window clerk records that the applicant came in person for this case (跑动次数, 最多跑一次). */
export async function recordVisit({ db, catalog }: Deps, actor: Actor, id: string, note: string | undefined): Promise<CaseOut> {
  if (!canRecordVisit(actor)) throw new AppError('forbidden');
  await db.transaction().execute(async (trx) => {
    const row = await repo.findCase(trx, id);
    if (!row) throw new AppError('case_not_found');
    const now = nowIso();
    await trx.updateTable('workflow_case').set((eb) => ({ visits: eb('visits', '+', 1), rev: eb('rev', '+', 1), updated_at: now })).where('id', '=', id).execute();
    await trx.insertInto('case_event').values({
      id: newId(), case_id: id, seq: (await repo.lastEventSeq(trx, id)) + 1, at: now, actor_id: actor.id, type: 'visit',
      step_id: null, task_id: null, detail: JSON.stringify(note ? { text: note } : {}),
    }).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'case.visit', entity: 'case', entityId: id, detail: { number: row.number } });
  });
  return caseView(db, catalog, (await repo.findCase(db, id))!, actor.id);
}

// ---------------------------------------------------------------------------------------------------------
// Drafts: a half-filled form survives a closed tab (not validated: it is unfinished by definition)

const MAX_DRAFT_CHARS = 256 * 1024;

export async function getDraft({ db }: Deps, actor: Actor, code: string) {
  const d = await repo.findDraft(db, actor.id, code);
  if (!d) throw new AppError('not_found');
  return { service: code, data: JSON.parse(d.data) as FormData, updatedAt: d.updated_at };
}

export async function putDraft({ db, catalog }: Deps, actor: Actor, code: string, data: FormData, lang: Lang) {
  publishedOr404(catalog, code);
  if (!(await loadDefinitions(db, code))) throw new AppError('service_not_online', { code });
  const text = JSON.stringify(data);
  if (text.length > MAX_DRAFT_CHARS) throw new AppError('validation_failed', {}, [{ path: '/data', message: lang === 'en' ? 'the draft is too large' : '草稿过大' }]);
  const now = nowIso();
  await repo.saveDraft(db, actor.id, code, text, now);
  return { service: code, updatedAt: now };
}

export async function removeDraft({ db }: Deps, actor: Actor, code: string) {
  await repo.deleteDraft(db, actor.id, code);
}

// ---------------------------------------------------------------------------------------------------------
// Delegation (委托): an approver away between two dates hands their tasks to a colleague

export async function listDelegations({ db }: Deps, actor: Actor) {
  const rows = await repo.delegationsOf(db, actor.id, chinaDate(nowIso()));
  const out = (r: (typeof rows)[number]) => ({ id: r.id, from: r.starts_on, to: r.ends_on });
  return {
    given: rows.filter((r) => r.person_id === actor.id).map((r) => ({ ...out(r), delegate: { id: r.delegate_id, name: r.delegate_name } })),
    received: rows.filter((r) => r.delegate_id === actor.id).map((r) => ({ ...out(r), delegator: { id: r.person_id, name: r.delegator_name } })),
  };
}

export async function createDelegation({ db }: Deps, actor: Actor, input: { delegate: string; from: string; to: string }, lang: Lang) {
  if (!canDelegate(actor)) throw new AppError('forbidden');
  const say = (path: string, zh: string, en: string) => new AppError('validation_failed', {}, [{ path, message: lang === 'en' ? en : zh }]);
  if (input.to < input.from) throw say('/to', '结束日期早于开始日期', 'the end is before the start');
  if (input.to < chinaDate(nowIso())) throw say('/to', '结束日期已过', 'the end has passed');
  const p = await repo.findPersonByUsernameOrId(db, input.delegate);
  if (!p || p.id === actor.id) throw say('/delegate', '请选择另一位在职人员', 'choose another active person');
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('delegation').values({ id, person_id: actor.id, delegate_id: p.id, starts_on: input.from, ends_on: input.to, created_at: nowIso(), revoked_at: null }).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'delegation.create', entity: 'delegation', entityId: id, detail: { delegate: p.id, from: input.from, to: input.to } });
  });
  return { id, from: input.from, to: input.to, delegate: { id: p.id, name: p.display_name } };
}

export async function revokeDelegation({ db }: Deps, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('delegation').set({ revoked_at: nowIso() }).where('id', '=', id).where('person_id', '=', actor.id)
      .where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('not_found');
    await recordAudit(trx, { actorId: actor.id, action: 'delegation.revoke', entity: 'delegation', entityId: id });
  });
}
