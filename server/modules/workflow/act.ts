// Acting on a case: a staff member's action on a task, and the applicant's resubmission, withdrawal and
// comments, each one transaction. A case row carries a revision; an update that finds it moved (someone
// acted on another task of the same case meanwhile) retries the whole action, so the engine always decides
// on the latest state and two people on one task get one success and one 409.
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import { AppError } from '../../http/errors.ts';
import { PROBLEMS, type Lang } from '../../../common/problems.ts';
import { prepareFormData, type FormData } from '../../../common/form.ts';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/service.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import { advance, isFinished, type Action, type CaseState, type Problem, type RefusalReason } from './engine.ts';
import { canRecordVisit, matchesTask } from './policy.ts';
import type { CaseOut } from './present.ts';
import * as repo from './repo.ts';
import { refreshParent } from './bundle-state.ts';
import { followStatus } from './promise.ts';
import {
  applyResult, caseView, checkFiles, loadDefinitions, loadState, matcherFor, recordFields, storedState, validateForm, type CaseContext, type Deps,
} from './service.ts';

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

/**
 * A return may not name a field the applicant's records fill: the applicant cannot change it (the resubmission
 * refills it from the records), so the office in charge corrects the record instead.
 */
async function refuseRecordFields(trx: Db, { catalog }: Deps, row: CaseRow, problems: Array<{ field?: string }>, lang: Lang) {
  if (!problems.some((p) => p.field !== undefined)) return;
  const defs = await loadDefinitions(trx, row.service_code, { form: row.form_version, process: row.process_version });
  if (!defs) return;
  const locked = new Set(await recordFields(trx, catalog, row.applicant_id, defs.form.definition));
  for (const [i, p] of problems.entries()) {
    const key = p.field?.replace(/^\/+/, '').split(/[/.]/)[0];
    if (key === undefined || !locked.has(key)) continue;
    const f = defs.form.definition.fields.find((x) => x.key === key)!;
    const field = lang === 'en' ? f.label.en : f.label.zh;
    throw new AppError('return_field_from_records', { field }, [{ path: `/problems/${i}/field`, message: lang === 'en' ? 'this field comes from the records; choose a field the applicant can change' : '该字段来自学校记录，请选择申请人可以修改的字段' }]);
  }
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
    if (input.action === 'return') await refuseRecordFields(trx, deps, row, input.problems, lang);
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
