// Submitting: exactly one case per Idempotency-Key and person. `withIdempotency` is the frame every submission
// shares (a single case here, a life-event bundle in bundles.ts): a key already answered is replayed (422 when
// the body differs), a new one is created in one transaction that ends by storing the answer under the key,
// and of two retries racing on one key the loser rolls back and answers with the winner's stored response.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import { insertRows } from '../../db/prepared.ts';
import { groupTransaction } from '../../db/group-commit.ts';
import { newId, nowIso } from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../../common/problems.ts';
import { prepareFormData, type FormData } from '../../../common/form.ts';
import type { TimeLimit } from '../../../common/catalog.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAuditPending, type AuditEntry } from '../audit/service.ts';
import { chinaDate, type CalendarOverrides } from './calendar.ts';
import { advance, isFinished } from './engine.ts';
import { canApplyOnBehalf } from './policy.ts';
import type { CaseOut } from './present.ts';
import { promiseColumns, promisedLimitOf, waitsOnApplicant } from './promise.ts';
import * as repo from './repo.ts';
import {
  applyResult, caseView, checkFiles, isUniqueViolation, loadDefinitions, publishedOr404, storedState, validateForm,
  type CaseContext, type CaseRow, type Definitions, type Deps,
} from './service.ts';
import { prepareBundle } from './bundles.ts';

/** The year a case number counts in: the calendar year in China. */
export const yearOf = (now: string) => Number(chinaDate(now).slice(0, 4));

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

/**
 * Inserts a case, starts its process and applies the engine's first effects (inside the caller's transaction).
 * The case holds a provisional number until the caller numbers it, last (repo.numberCases).
 */
export async function startCase(trx: Db, c: {
  service: string; department: string; defs: NonNullable<Awaited<ReturnType<typeof loadDefinitions>>>;
  actorId: string; applicantId: string; onBehalf: string | null; person: { orgUnit: string; supervisorId: string | null };
  data: FormData; now: string; parent?: { id: string; member: string };
  /** the working-day calendar's admin overrides, for the first tasks' due dates */
  overrides: CalendarOverrides;
  /** the service item's published promised limit, used when the process names none (promise.ts) */
  promised?: TimeLimit;
  /** a bundle member's promised working days within its bundle (common/bundle.ts), before the process's own */
  promisedInBundle?: number;
}) {
  const caseId = newId();
  const r = advance(c.defs.process.definition, null, { type: 'start', actor: c.actorId, caseId, applicantId: c.applicantId, data: c.data }, c.now);
  if (!r.ok) throw new Error(`process of ${c.service} refused to start: ${r.reason}`);
  const row: CaseRow = {
    id: caseId, number: repo.provisionalNumber(caseId), service_code: c.service, department_code: c.department, kind: 'case',
    form_version: c.defs.form.version, process_version: c.defs.process.version, applicant_id: c.applicantId, on_behalf_of: c.onBehalf,
    status: r.state.status, state: storedState(r.state), data: JSON.stringify(r.state.data), visits: 0, rev: 1,
    created_at: c.now, updated_at: c.now, finished_at: isFinished(r.state.status) ? c.now : null,
    parent_id: c.parent?.id ?? null, bundle_member: c.parent?.member ?? null,
    promised_limit: null, promised_unit: null, promised_start: null, promised_paused: 0, promised_paused_since: null, promised_due: null, promised_warn: null,
    promised_warned_at: null, promised_escalated_at: null,
    ...promiseColumns(c.promisedInBundle !== undefined ? { limit: c.promisedInBundle, unit: 'working_day' } : promisedLimitOf(c.defs.process.definition, c.promised), c.now, c.overrides),
  };
  await insertRows(trx, 'workflow_case', [row]);
  const ctx: CaseContext = { caseId, applicantId: c.applicantId, applicantOrg: c.person.orgUnit, supervisorId: c.person.supervisorId, department: c.department };
  const written = await applyResult(trx, ctx, null, r.state, r.effects, c.actorId, undefined, c.now, c.overrides);
  // A process that opens with the applicant's own step (sign, choose) starts with its promised clock paused, as
  // promise.ts followStatus pauses it later; known from the tasks just written, so no query when it does not.
  const open = written.tasks.filter((t) => t.state === 'open');
  if (row.promised_due !== null && waitsOnApplicant(r.state.status, open)) {
    row.promised_paused_since = chinaDate(c.now);
    await trx.updateTable('workflow_case').set({ promised_paused_since: row.promised_paused_since }).where('id', '=', caseId).execute();
  }
  return { caseId, status: r.state.status, row, written };
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

/** What a submission's transaction made: the case the key points at, the answer, how the key stores it, its audit row. */
export interface Submitted { caseId: string; out: CaseOut; response: string; audit: AuditEntry }

/** Writes a prepared submission inside the frame's transaction. */
export type Create = (trx: Db, now: string) => Promise<Submitted>;

/**
 * The idempotency frame of a submission. `prepare` checks the request (only for a key not seen before),
 * outside the transaction, and returns how to write it; the key row and the audit row are written last
 * (the audit row to audit_pending: the outbox worker chains it after the commit).
 */
export async function withIdempotency(
  db: Db, actorId: string, key: string, body: SubmitInput, prepare: () => Promise<Create>,
): Promise<{ status: number; body: CaseOut; replayed: boolean }> {
  const hash = requestHash(actorId, body);
  const seen = await repo.findIdempotencyKey(db, actorId, key);
  if (seen) return replay(db, seen, hash);
  const create = await prepare();
  try {
    // On SQLite, submissions arriving together share one commit (db/group-commit.ts).
    return await groupTransaction(db, async (trx) => {
      const again = await repo.findIdempotencyKey(trx, actorId, key);
      if (again) return replay(trx, again, hash);
      const now = nowIso();
      const made = await create(trx, now);
      await insertRows(trx, 'idempotency_key', [{
        person_id: actorId, key, request_hash: hash, case_id: made.caseId, status_code: 201, response: made.response, created_at: now,
      }]);
      // Recorded here, chained just after the commit (audit/service.ts): no submission waits on the chain's head.
      await recordAuditPending(trx, made.audit);
      return { status: 201, body: made.out, replayed: false };
    });
  } catch (err) {
    // Two retries of one key raced: the loser's transaction rolled back; answer with the winner's response.
    if (isUniqueViolation(err)) {
      const winner = await repo.findIdempotencyKey(db, actorId, key);
      if (winner) return replay(db, winner, hash);
    }
    throw err;
  }
}

/**
 * Creates one case (exactly one per Idempotency-Key and person) with its first tasks, in one transaction —
 * or, for a life-event bundle, its parent case and one child per member (bundles.ts).
 */
export async function submitCase(deps: Deps, actor: Actor, key: string, body: SubmitInput, lang: Lang) {
  return withIdempotency(deps.db, actor.id, key, body, async () => {
    publishedOr404(deps.catalog, body.service);
    const defs = await loadDefinitions(deps.db, body.service);
    if (!defs) throw new AppError('service_not_online', { code: body.service });
    return 'bundle' in defs && defs.bundle ? prepareBundle(deps, actor, body, lang) : prepareCase(deps, actor, body, lang, defs);
  });
}

async function prepareCase({ db, catalog, calendar }: Deps, actor: Actor, body: SubmitInput, lang: Lang, defs: Definitions): Promise<Create> {
  const item = publishedOr404(catalog, body.service);
  const { applicantId, person } = await applicantOf({ db, catalog }, actor, body, lang);
  const data = prepareFormData(defs.form.definition, body.data, person.profile);
  validateForm(defs.form.definition, data, lang);
  await checkFiles(db, defs.form.definition, data, [applicantId, actor.id], lang);
  return async (trx, now) => {
    const onBehalf = applicantId !== actor.id ? actor.id : null;
    const { caseId, row, written } = await startCase(trx, {
      service: body.service, department: item.content.department, defs, actorId: actor.id, applicantId, onBehalf, person, data, now, overrides: calendar.overrides,
      promised: item.content.promisedLimit,
    });
    // Built from the rows just written: a new case has nothing else to read back.
    const out = await caseView(trx, catalog, row, actor.id, defs, written, person.profile);
    // The half-filled form saved on the server is done with.
    if (!onBehalf) await repo.deleteDraft(trx, actor.id, body.service);
    // Numbered last: the year's counter stays locked from here to the commit (repo.numberCases).
    const [number] = await repo.numberCases(trx, yearOf(now), [caseId]);
    row.number = out.number = number!;
    return {
      caseId, out, response: storedResponse(out),
      audit: { actorId: actor.id, action: 'case.submit', entity: 'case', entityId: caseId, detail: { number, service: body.service, onBehalfOf: onBehalf ? applicantId : undefined } },
    };
  };
}
