// Queries for definitions, cases, tasks, the timeline, idempotency keys and notifications. Who may see
// what is part of each WHERE clause (applicant, clerk, or a task assigned to the actor), so a forgotten
// check in a route cannot leak someone else's case.
import { sql, type ExpressionBuilder } from 'kysely';
import { newId } from '../../clock.ts';
import type { Db } from '../../db/index.ts';
import { insertRows, prepared } from '../../db/prepared.ts';
import type { Database } from '../../db/schema.ts';
import type { Profile } from '../../../common/form.ts';
import type { TaskMatcher } from './policy.ts';
import type { RoleGrant } from '../auth/actor.ts';

type TaskEb = ExpressionBuilder<Database, 'case_task'>;

/** The task rows an actor answers to, as a condition on case_task. */
function assignedTo(eb: TaskEb, m: TaskMatcher) {
  return eb.or([
    eb('case_task.assignee_person', 'in', m.actingFor),
    ...m.grants.map((g) => eb.and([eb('case_task.assignee_role', '=', g.role), eb('case_task.assignee_org', 'in', g.units)])),
  ]);
}

export async function latestDefinition(db: Db, table: 'form_definition' | 'process_definition', code: string) {
  return db.selectFrom(table).select(['version', 'definition']).where('service_code', '=', code)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Every version of a service's form or process, newest first, with who published it (by name). */
export async function definitionVersions(db: Db, table: 'form_definition' | 'process_definition', code: string) {
  return db.selectFrom(table).leftJoin('person', 'person.id', `${table}.created_by`)
    .select([`${table}.version as version`, `${table}.created_at as created_at`, 'person.display_name as created_by_name'])
    .where(`${table}.service_code`, '=', code).orderBy(`${table}.version`, 'desc').execute();
}

export async function definitionAt(db: Db, table: 'form_definition' | 'process_definition', code: string, version: number) {
  return db.selectFrom(table).select(['version', 'definition']).where('service_code', '=', code).where('version', '=', version)
    .executeTakeFirst();
}

const newestPair = prepared((db, p: { code: string }) => db.selectFrom('form_definition as f').innerJoin('process_definition as p', 'p.service_code', 'f.service_code')
  .select(['f.id as formId', 'f.version as formVersion', 'p.id as processId', 'p.version as processVersion'])
  .where('f.service_code', '=', p.code)
  .where('f.version', '=', (eb) => eb.selectFrom('form_definition').select((e) => e.fn.max('version').as('v')).where('service_code', '=', p.code))
  .where('p.version', '=', (eb) => eb.selectFrom('process_definition').select((e) => e.fn.max('version').as('v')).where('service_code', '=', p.code)));

/**
 * The ids and versions of a service's form and process: the pinned pair, or the newest of each — one
 * statement without the definitions' text (the caller keeps parsed definitions by id; a row never changes).
 */
export function definitionPair(db: Db, code: string, versions?: { form: number; process: number }) {
  if (!versions) return newestPair.first(db, { code });
  return db.selectFrom('form_definition as f').innerJoin('process_definition as p', 'p.service_code', 'f.service_code')
    .select(['f.id as formId', 'f.version as formVersion', 'p.id as processId', 'p.version as processVersion'])
    .where('f.service_code', '=', code)
    .where('f.version', '=', versions.form).where('p.version', '=', versions.process)
    .executeTakeFirst();
}

export async function definitionById(db: Db, table: 'form_definition' | 'process_definition', id: string) {
  return db.selectFrom(table).select('definition').where('id', '=', id).executeTakeFirstOrThrow();
}

const profileRow = prepared((db, p: { personId: string }) => db.selectFrom('person').leftJoin('person_profile as p', 'p.person_id', 'person.id')
  .select(['person.id', 'person.username', 'person.display_name', 'person.kind', 'person.org_unit_code', 'person.phone', 'person.email',
    'p.staff_no', 'p.title', 'p.bank_name', 'p.bank_card', 'p.hire_date', 'p.supervisor_id'])
  .where('person.id', '=', p.personId).where('person.active', '=', 1));

/** A person's record values for form bindings, and their supervisor. */
export async function loadProfile(db: Db, personId: string, unitName: (code: string) => string): Promise<{ profile: Profile; supervisorId: string | null; orgUnit: string } | undefined> {
  const r = await profileRow.first(db, { personId });
  if (!r) return undefined;
  const profile: Profile = {
    name: r.display_name, username: r.username, department: unitName(r.org_unit_code), departmentCode: r.org_unit_code,
    personKind: r.kind, phone: r.phone, email: r.email,
  };
  if (r.staff_no) profile.staffNo = r.staff_no;
  if (r.title) profile.title = r.title;
  if (r.bank_name) profile.bankName = r.bank_name;
  if (r.bank_card) profile.bankCard = r.bank_card;
  if (r.hire_date) profile.hireDate = r.hire_date;
  return { profile, supervisorId: r.supervisor_id ?? null, orgUnit: r.org_unit_code };
}

export function findPersonByUsernameOrId(db: Db, ref: string) {
  return db.selectFrom('person').select(['id', 'display_name', 'org_unit_code']).where('active', '=', 1)
    .where((eb) => eb.or([eb('id', '=', ref), eb('username', '=', ref)])).executeTakeFirst();
}

const bumpCounter = prepared((db, p: { year: number; n: number }) => db.insertInto('case_counter').values({ year: p.year, last: p.n })
  .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb('case_counter.last', '+', p.n) })))
  .returning('last'));
const setNumber = prepared((db, p: { id: string; number: string }) => db.updateTable('workflow_case').set({ number: p.number }).where('id', '=', p.id));

/**
 * What a new case holds in `number` until numberCases gives it its real one, later in the same transaction:
 * unique (from the case's random id), never committed, and never shown (the answer is built with the real number).
 */
export const provisionalNumber = (caseId: string) => `~${caseId.replace(/-/g, '').slice(-19)}`;

/**
 * Gives new cases their people-facing numbers of a year (2026-000123), in the order given. Called as the last
 * writes of a submission: the statement that bumps the year's counter locks its row until the commit, so
 * concurrent submissions queue on it only for these few statements, not for the whole transaction (on PostgreSQL
 * that lock bounded the submissions per second). A transaction that rolls back gives its numbers back: no gaps.
 */
export async function numberCases(trx: Db, year: number, ids: readonly string[]): Promise<string[]> {
  // One statement: the first case of a year creates its row, every other one bumps it.
  const row = await bumpCounter.first(trx, { year, n: ids.length });
  if (!row) throw new Error('case_counter: no row returned');
  const first = Number(row.last) - ids.length + 1;
  const numbers = ids.map((_, i) => `${year}-${String(first + i).padStart(6, '0')}`);
  for (const [i, id] of ids.entries()) await setNumber.rows(trx, { id, number: numbers[i]! });
  return numbers;
}

const idempotencyKeyRow = prepared((db, p: { personId: string; key: string }) => db.selectFrom('idempotency_key').selectAll()
  .where('person_id', '=', p.personId).where('key', '=', p.key));

export function findIdempotencyKey(db: Db, personId: string, key: string) {
  return idempotencyKeyRow.first(db, { personId, key });
}

export function findCase(db: Db, id: string) {
  return db.selectFrom('workflow_case').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A case the actor may see: they applied, applied for someone (代办), or hold or held one of its tasks. */
export function findVisibleCase(db: Db, id: string, m: TaskMatcher) {
  return db.selectFrom('workflow_case').selectAll().where('id', '=', id)
    .where((eb) => eb.or([
      eb('applicant_id', '=', m.personId),
      eb('on_behalf_of', '=', m.personId),
      // Whoever took part (commented, recorded a visit) keeps seeing it.
      eb.exists(eb.selectFrom('case_event').select(sql.lit(1).as('one')).whereRef('case_event.case_id', '=', 'workflow_case.id').where('case_event.actor_id', '=', m.personId)),
      eb.exists(eb.selectFrom('case_task').select(sql.lit(1).as('one')).whereRef('case_task.case_id', '=', 'workflow_case.id')
        .where((t) => t.or([t('case_task.done_by', '=', m.personId), assignedTo(t as unknown as TaskEb, m)]))),
    ]))
    .executeTakeFirst();
}

/** The actor's own applications (and those a clerk made for others), newest first; bundles once, without their children. */
export function listMyCases(db: Db, personId: string, status: string | undefined, limit: number, offset: number) {
  let q = db.selectFrom('workflow_case')
    .select(['id', 'number', 'service_code', 'status', 'applicant_id', 'on_behalf_of', 'created_at', 'updated_at', 'finished_at', 'kind', 'form_version',
      'promised_due', 'promised_warn', 'promised_paused_since'])
    .where((eb) => eb.or([eb('applicant_id', '=', personId), eb('on_behalf_of', '=', personId)]))
    // A bundle's children are listed under their parent.
    .where('parent_id', 'is', null);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** A person's own applications of a service still open (running or waiting on them), newest first. */
export function openCasesOf(db: Db, personId: string, service: string, limit: number) {
  return db.selectFrom('workflow_case').select(['id', 'number', 'status', 'created_at'])
    .where('applicant_id', '=', personId).where('service_code', '=', service).where('parent_id', 'is', null)
    .where('status', 'in', ['running', 'waiting_applicant'])
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export function tasksOfCase(db: Db, caseId: string) {
  return db.selectFrom('case_task').leftJoin('person as a', 'a.id', 'case_task.assignee_person')
    .leftJoin('person as d', 'd.id', 'case_task.done_by')
    .selectAll('case_task').select(['a.display_name as assignee_name', 'd.display_name as done_by_name'])
    .where('case_id', '=', caseId).orderBy('opened_at').orderBy('case_task.id').execute();
}

/** Tasks by id with their named assignee's display name (escalation notices show who holds the task). */
export function tasksWithNames(db: Db, ids: string[]) {
  return db.selectFrom('case_task').leftJoin('person as a', 'a.id', 'case_task.assignee_person')
    .select(['case_task.id', 'case_task.state', 'case_task.due_date', 'case_task.assignee_kind', 'case_task.assignee_role', 'case_task.assignee_org',
      'case_task.assignee_person', 'a.display_name as assignee_name'])
    .where('case_task.id', 'in', ids).execute();
}

export function eventsOfCase(db: Db, caseId: string) {
  return db.selectFrom('case_event').leftJoin('person', 'person.id', 'case_event.actor_id')
    .selectAll('case_event').select('person.display_name as actor_name')
    .where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function lastEventSeq(db: Db, caseId: string): Promise<number> {
  const r = await db.selectFrom('case_event').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', caseId).executeTakeFirst();
  return Number(r?.seq ?? 0);
}

export function findTask(db: Db, id: string) {
  return db.selectFrom('case_task').selectAll().where('id', '=', id).executeTakeFirst();
}

export type Box = 'todo' | 'done' | 'overdue';

/** The staff inbox: open tasks assigned to the actor (overdue: past their due date), or tasks they closed. */
export function listTasks(db: Db, m: TaskMatcher, box: Box, today: string, limit: number, offset: number, filter: { service?: string; q?: string } = {}) {
  let q = db.selectFrom('case_task').innerJoin('workflow_case as c', 'c.id', 'case_task.case_id')
    .innerJoin('person as p', 'p.id', 'c.applicant_id')
    .selectAll('case_task')
    .select(['c.number', 'c.service_code', 'c.status as case_status', 'c.process_version', 'c.applicant_id', 'p.display_name as applicant_name', 'p.org_unit_code as applicant_org'])
    .select(['c.promised_due', 'c.promised_warn', 'c.promised_paused_since']);
  if (filter.service) q = q.where('c.service_code', '=', filter.service);
  if (filter.q) {
    // Wildcards are dropped rather than escaped: LIKE escapes differ between SQLite and PostgreSQL.
    const like = `%${filter.q.replace(/[\\%_]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('c.number', 'like', like), eb('p.display_name', 'like', like), eb('p.username', '=', filter.q!)]));
  }
  if (box === 'done') {
    q = q.where('case_task.done_by', '=', m.personId).orderBy('case_task.closed_at', 'desc');
  } else {
    // The applicant's own steps (sign, choose) are in "my cases", not in a staff inbox.
    // Nor is anyone's own application, which they may not decide on.
    q = q.where('case_task.state', '=', 'open').where('case_task.assignee_kind', '!=', 'applicant').where('c.applicant_id', '!=', m.personId)
      .where((eb) => assignedTo(eb as unknown as TaskEb, m));
    // Overdue: the task is past its own limit, or its case past the promised limit (and not waiting on the applicant).
    if (box === 'overdue') {
      q = q.where((eb) => eb.or([
        eb('case_task.due_date', '<', today),
        eb.and([eb('c.promised_due', '<', today), eb('c.status', '=', 'running')]),
      ]));
    }
    q = q.orderBy('case_task.opened_at');
  }
  return q.orderBy('case_task.id').limit(limit).offset(offset).execute();
}

export function listNotifications(db: Db, personId: string, unreadOnly: boolean, limit: number) {
  let q = db.selectFrom('notification').leftJoin('workflow_case as c', 'c.id', 'notification.case_id')
    .select(['notification.id', 'notification.event', 'notification.case_id', 'notification.task_id', 'notification.created_at',
      'notification.read_at', 'c.number', 'c.service_code', 'c.promised_due'])
    .where('notification.person_id', '=', personId);
  if (unreadOnly) q = q.where('notification.read_at', 'is', null);
  return q.orderBy('notification.created_at', 'desc').orderBy('notification.id', 'desc').limit(limit).execute();
}

export async function countUnread(db: Db, personId: string): Promise<number> {
  const r = await db.selectFrom('notification').select((eb) => eb.fn.countAll().as('n'))
    .where('person_id', '=', personId).where('read_at', 'is', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function hasNotification(db: Db, personId: string, id: string): Promise<boolean> {
  return Boolean(await db.selectFrom('notification').select('id').where('id', '=', id).where('person_id', '=', personId).executeTakeFirst());
}

export function markNotificationRead(db: Db, personId: string, id: string, now: string) {
  return db.updateTable('notification').set({ read_at: now }).where('id', '=', id).where('person_id', '=', personId)
    .where('read_at', 'is', null).executeTakeFirst();
}

/** People who answer to a role in a unit: grants of the role on the unit or any ancestor. */
export function holdersOfRole(db: Db, role: string, scopes: string[]) {
  return db.selectFrom('role_grant').innerJoin('person', 'person.id', 'role_grant.person_id')
    .select('person.id').distinct().where('role_grant.role', '=', role).where('role_grant.scope_code', 'in', scopes)
    .where('person.active', '=', 1).execute();
}

/** Appends an outbox row; call inside the transaction whose change it announces. */
export async function enqueue(trx: Db, kind: string, payload: unknown, now: string) {
  await insertRows(trx, 'outbox', [{
    id: newId(), kind, payload: JSON.stringify(payload), attempts: 0, next_attempt_at: now, locked_until: null,
    done_at: null, failed_at: null, last_error: null, created_at: now,
  }]);
}

/** Open tasks whose warning (80 % of the limit) or due date has passed and that were not yet warned or escalated. */
export function tasksToWarn(db: Db, today: string) {
  return db.selectFrom('case_task').selectAll().where('state', '=', 'open').where('warned_at', 'is', null)
    .where('warn_date', 'is not', null).where('warn_date', '<=', today).orderBy('warn_date').limit(200).execute();
}
export function tasksToEscalate(db: Db, today: string) {
  return db.selectFrom('case_task').selectAll().where('state', '=', 'open').where('escalated_at', 'is', null)
    .where('due_date', 'is not', null).where('due_date', '<', today).orderBy('due_date').limit(200).execute();
}

export async function supervisorOf(db: Db, personId: string): Promise<string | null> {
  const r = await db.selectFrom('person_profile').select('supervisor_id').where('person_id', '=', personId).executeTakeFirst();
  return r?.supervisor_id ?? null;
}

/** Active people whose name or username contains `q` (staff search for pickers). */
export function searchPeople(db: Db, q: string, limit: number) {
  const like = `%${q.replace(/[\\%_]/g, '')}%`;
  return db.selectFrom('person').select(['id', 'username', 'display_name', 'kind', 'org_unit_code']).where('active', '=', 1)
    .where((eb) => eb.or([eb('display_name', 'like', like), eb('username', 'like', like)]))
    .orderBy('username').limit(limit).execute();
}

export function findDraft(db: Db, personId: string, code: string) {
  return db.selectFrom('form_draft').select(['data', 'updated_at']).where('person_id', '=', personId).where('service_code', '=', code).executeTakeFirst();
}

export async function saveDraft(db: Db, personId: string, code: string, data: string, now: string) {
  await db.insertInto('form_draft').values({ person_id: personId, service_code: code, data, updated_at: now })
    .onConflict((oc) => oc.columns(['person_id', 'service_code']).doUpdateSet({ data, updated_at: now })).execute();
}

const draftDelete = prepared((db, p: { personId: string; code: string }) => db.deleteFrom('form_draft')
  .where('person_id', '=', p.personId).where('service_code', '=', p.code));

export async function deleteDraft(db: Db, personId: string, code: string): Promise<void> {
  await draftDelete.rows(db, { personId, code });
}

/** People whose work `delegateId` holds today, with their role grants. */
export async function delegatorsOf(db: Db, delegateId: string, today: string) {
  const rows = await db.selectFrom('delegation').select('person_id').distinct().where('delegate_id', '=', delegateId)
    .where('revoked_at', 'is', null).where('starts_on', '<=', today).where('ends_on', '>=', today).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.person_id);
  const grants = await db.selectFrom('role_grant').select(['person_id', 'role', 'scope_code']).where('person_id', 'in', ids).execute();
  return ids.map((personId) => ({
    personId,
    roles: grants.filter((g) => g.person_id === personId).map((g) => ({ role: g.role as RoleGrant['role'], scope: g.scope_code })),
  }));
}

/** Delegations given or received by a person that have not ended before `today`. */
export function delegationsOf(db: Db, personId: string, today: string) {
  return db.selectFrom('delegation').innerJoin('person as a', 'a.id', 'delegation.person_id').innerJoin('person as b', 'b.id', 'delegation.delegate_id')
    .select(['delegation.id', 'delegation.person_id', 'delegation.delegate_id', 'delegation.starts_on', 'delegation.ends_on',
      'a.display_name as delegator_name', 'b.display_name as delegate_name'])
    .where((eb) => eb.or([eb('delegation.person_id', '=', personId), eb('delegation.delegate_id', '=', personId)]))
    .where('delegation.revoked_at', 'is', null).where('delegation.ends_on', '>=', today)
    .orderBy('delegation.starts_on').execute();
}
