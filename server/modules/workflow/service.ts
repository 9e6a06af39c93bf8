// The workflow shell: the pinned definitions, form checks, applying the engine's effects (tasks, timeline,
// outbox rows) inside the caller's transaction, and reading cases. Submitting is submit.ts, acting on a case
// act.ts, drafts drafts.ts and out-of-office delegation delegation.ts.
import { Ajv, type ValidateFunction } from 'ajv';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/index.ts';
import { insertRows } from '../../db/prepared.ts';
import type { CaseEventTable, CaseTaskTable } from '../../db/schema-workflow.ts';
import { newId, nowIso } from '../../clock.ts';
import { AppError, fieldProblems, type FieldProblem } from '../../http/errors.ts';
import type { Lang } from '../../../common/problems.ts';
import {
  formRuleProblems, formToJsonSchema, prefillFromProfile, type FormData, type FormDefinition, type Profile,
} from '../../../common/form.ts';
import type { Actor } from '../auth/actor.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import type { CalendarCache } from '../calendar/cache.ts';
import { chinaDate, limitDates, type CalendarOverrides } from './calendar.ts';
import type { Assignee, ProcessDefinition } from './definition.ts';
import type { CaseState, Effect } from './engine.ts';
import { taskMatcher, type TaskMatcher } from './policy.ts';
import { assigneePersonIds, presentCase, presentTask, type CaseOut } from './present.ts';
import * as repo from './repo.ts';
import { fileProblems } from './uploads.ts';
import { bundleAt, bundleProcess, childrenOf, childSummaries, latestBundle, parentOf } from './bundle-state.ts';
import { inboxPromise } from './promise.ts';

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

export type Definitions = NonNullable<Awaited<ReturnType<typeof loadDefinitions>>>;

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
  let openCases: Array<{ id: string; number: string; status: string; createdAt: string }> = [];
  if (actor) {
    const p = await repo.loadProfile(db, actor.id, (c) => catalog.org.unitName(c).name.zh);
    if (p) prefill = prefillFromProfile(defs.form.definition, p.profile);
    // Applying again while one is open is often a mistake (a second identical application for the office to
    // handle): the page says so before the form, with a link to the open one.
    openCases = (await repo.openCasesOf(db, actor.id, code, 5)).map((r) => ({ id: r.id, number: r.number, status: r.status, createdAt: r.created_at }));
  }
  return {
    service: { code, name: item.content.name, department: catalog.org.unitName(item.content.department) },
    form: defs.form, process: defs.process, prefill, openCases,
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
): Promise<Written> {
  const written: Written = { tasks: [], events: [] };
  const timers = new Map<string, { due: string; warn: string }>();
  for (const e of effects) {
    // Yellow from the warning date (80 % of the limit), red after the due date; both in working days.
    if (e.kind === 'schedule_timer') timers.set(e.taskId, limitDates(chinaDate(e.from), e.workingDays, overrides));
  }
  for (const e of effects) {
    switch (e.kind) {
      case 'open_task': {
        const a = resolveAssignee(e.task.assignee, c);
        const task: Selectable<CaseTaskTable> = {
          id: e.task.id, case_id: c.caseId, step_id: e.task.stepId, branch_id: e.task.branchId ?? null,
          assignee_kind: a.kind, assignee_role: a.role ?? null, assignee_org: a.org ?? null, assignee_person: a.person ?? null,
          state: 'open', outcome: null, version: e.task.version, opened_at: now,
          due_date: timers.get(e.task.id)?.due ?? null, warn_date: timers.get(e.task.id)?.warn ?? null, warned_at: null, escalated_at: null,
          closed_at: null, done_by: null,
        };
        await insertRows(trx, 'case_task', [task]);
        written.tasks.push(task);
        break;
      }
      case 'close_task': {
        const acting = e.taskId === actingTaskId;
        const closed = { state: acting ? 'done' : 'cancelled', outcome: e.outcome, closed_at: now, done_by: acting ? actorId : null };
        await trx.updateTable('case_task').set(closed).where('id', '=', e.taskId).where('state', '=', 'open').execute();
        const mine = written.tasks.find((t) => t.id === e.taskId && t.state === 'open');
        if (mine) Object.assign(mine, closed);
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
  if (after.history.length === 0) return written;
  let seq = before ? await repo.lastEventSeq(trx, c.caseId) : 0;
  written.events = after.history.map((h) => {
    const { at, actor, type, stepId, taskId, ...detail } = h;
    return {
      id: newId(), case_id: c.caseId, seq: ++seq, at, actor_id: actor === 'system' ? null : actor, type,
      step_id: stepId ?? null, task_id: taskId ?? null, detail: JSON.stringify(detail),
    };
  });
  await insertRows(trx, 'case_event', written.events);
  return written;
}

/** The task and timeline rows one engine step wrote (the tasks as they stand after it), to present a new case without reading them back. */
export interface Written { tasks: Selectable<CaseTaskTable>[]; events: Selectable<CaseEventTable>[] }


/** Who the actor answers for today: themselves and anyone who delegated their work to them. */
export async function matcherFor(db: Db, catalog: CatalogCache, actor: Actor): Promise<TaskMatcher> {
  return taskMatcher(actor, catalog.org, await repo.delegatorsOf(db, actor.id, chinaDate(nowIso())));
}

// ---------------------------------------------------------------------------------------------------------
// Reading cases

export type CaseRow = NonNullable<Awaited<ReturnType<typeof repo.findCase>>>;

/**
 * A case as `viewerId` sees it. `known` are its pinned definitions when the caller has them; `written` are
 * its task and timeline rows when the caller has just written all of them (a new case): then only the
 * people's names are read.
 */
/** `profile`: the applicant's records when the caller has just read them (a submission), to not read them again. */
export async function caseView(
  db: Db, catalog: CatalogCache, row: CaseRow, viewerId: string, known?: Definitions, written?: Written, profile?: Profile,
): Promise<CaseOut> {
  let tasks: Parameters<typeof presentCase>[0]['tasks'];
  let events: Parameters<typeof presentCase>[0]['events'];
  let people: Map<string, string>;
  const own = [row.applicant_id, row.on_behalf_of ?? row.applicant_id];
  if (written) {
    const ids = new Set([...own, ...assigneePersonIds(written.events)]);
    for (const t of written.tasks) for (const id of [t.assignee_person, t.done_by]) if (id) ids.add(id);
    for (const e of written.events) if (e.actor_id) ids.add(e.actor_id);
    people = await namesOf(db, [...ids]);
    const name = (id: string | null) => (id === null ? null : people.get(id) ?? null);
    // In the order tasksOfCase and eventsOfCase read them.
    tasks = written.tasks.map((t) => ({ ...t, assignee_name: name(t.assignee_person), done_by_name: name(t.done_by) }))
      .sort((a, b) => (a.opened_at === b.opened_at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.opened_at < b.opened_at ? -1 : 1));
    events = written.events.map((e) => ({ ...e, actor_name: name(e.actor_id) }));
  } else {
    [tasks, events] = await Promise.all([repo.tasksOfCase(db, row.id), repo.eventsOfCase(db, row.id)]);
    people = await namesOf(db, [...new Set([...own, ...assigneePersonIds(events)])]);
  }
  const defs = known ?? await loadDefinitions(db, row.service_code, { form: row.form_version, process: row.process_version });
  if (!defs) throw new Error(`case ${row.id} pins definitions that do not exist`);
  const name = (id: string | null) => (id === null ? null : people.get(id) ?? null);
  const state = loadState(row);
  const item = catalog.published(row.service_code);
  const out = presentCase({
    fromRecords: profile ? prefillFromProfile(defs.form.definition, profile).fromRecords : await recordFields(db, catalog, row.applicant_id, defs.form.definition),
    row, applicantName: name(row.applicant_id) ?? '', onBehalfOfName: name(row.on_behalf_of), def: defs.process.definition,
    serviceName: item?.content.name ?? { zh: row.service_code, en: row.service_code },
    tasks, events, problems: state.problems, decided: state.decided, trail: state.trail ?? [], form: defs.form, process: defs.process,
    assigneeNames: people,
  }, catalog.org, viewerId);
  // A bundle is corrected and withdrawn child by child, never as a whole.
  if (row.kind === 'bundle') return { ...out, canWithdraw: false, canResubmit: false, bundle: { children: await childrenOf(db, catalog, row) } };
  const parent = await parentOf(db, catalog, row);
  return parent ? { ...out, parent } : out;
}

/** Keys of the form's fields the applicant's records fill (prepareFormData refills them on every submission). */
export async function recordFields(db: Db, catalog: CatalogCache, applicantId: string, def: FormDefinition): Promise<string[]> {
  if (!def.fields.some((f) => f.binding)) return [];
  const person = await repo.loadProfile(db, applicantId, (c) => catalog.org.unitName(c).name.zh);
  return person ? prefillFromProfile(def, person.profile).fromRecords : [];
}

async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('person').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((p) => [p.id, p.display_name]));
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
