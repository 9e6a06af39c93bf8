// One completed instance of the three-approval process, per engine and per way of keeping its state.
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import * as elements from 'bpmn-elements';
import BpmnModdle from 'bpmn-moddle';
import Serializer, { TypeResolver } from 'moddle-context-serializer';
import type { Db } from '../../server/db/index.ts';
import { newId, nowIso } from '../../server/clock.ts';
import type { ProcessDefinition } from '../../server/modules/workflow/definition.ts';
import { advance, isFinished, type AdvanceResult, type CaseState } from '../../server/modules/workflow/engine.ts';
import { loadState, storedState } from '../../server/modules/workflow/service.ts';
import { BPMN, STEPS } from './process.ts';

const approveFirst = (def: ProcessDefinition, s: CaseState, now: string): AdvanceResult => {
  const t = s.tasks[0]!;
  const actor = t.assignee.kind === 'person' ? t.assignee.personId : 'nobody';
  return advance(def, s, { type: 'approve', actor, taskId: t.id, version: t.version }, now);
};

/** OneStop's engine alone, state in memory: start and three approvals. */
export function onestopInMemory(def: ProcessDefinition, applicantId: string): void {
  const now = nowIso();
  let r = advance(def, null, { type: 'start', actor: applicantId, caseId: newId(), applicantId, data: {} }, now);
  for (let i = 0; i < STEPS.length; i++) {
    if (!r.ok) throw new Error(r.reason);
    r = approveFirst(def, r.state, now);
  }
  if (!r.ok || r.state.status !== 'completed') throw new Error('not completed');
}

export interface CaseRowBase { service: string; department: string; formVersion: number; processVersion: number }

/**
 * OneStop's engine with its state on SQLite, as the shell keeps it: per action one transaction that reads the
 * case row, advances, writes the new state (guarded by the revision), the task rows the effects open or
 * close, and the timeline rows. Left out compared with the full shell: audit row, outbox rows, idempotency
 * key, the response view. The full shell is measured separately (onestopService).
 */
export async function onestopPersisted(db: Db, def: ProcessDefinition, applicantId: string, base: CaseRowBase): Promise<void> {
  const caseId = newId();
  let now = nowIso();
  const first = advance(def, null, { type: 'start', actor: applicantId, caseId, applicantId, data: {} }, now);
  if (!first.ok) throw new Error(first.reason);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('workflow_case').values({
      id: caseId, number: caseId, service_code: base.service, department_code: base.department, form_version: base.formVersion,
      process_version: base.processVersion, applicant_id: applicantId, on_behalf_of: null, status: first.state.status,
      state: storedState(first.state), data: JSON.stringify(first.state.data), visits: 0, rev: 1, created_at: now, updated_at: now, finished_at: null,
    }).execute();
    await writeEffects(trx, caseId, first, 0, now);
  });
  for (let i = 0; i < STEPS.length; i++) {
    now = nowIso();
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('workflow_case').select(['state', 'data', 'rev']).where('id', '=', caseId).executeTakeFirstOrThrow();
      const r = approveFirst(def, loadState(row), now);
      if (!r.ok) throw new Error(r.reason);
      const moved = await trx.updateTable('workflow_case').set({
        status: r.state.status, state: storedState(r.state), data: JSON.stringify(r.state.data), rev: row.rev + 1, updated_at: now,
        finished_at: isFinished(r.state.status) ? now : null,
      }).where('id', '=', caseId).where('rev', '=', row.rev).executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new Error('moved');
      const last = await trx.selectFrom('case_event').select((eb) => eb.fn.max('seq').as('seq')).where('case_id', '=', caseId).executeTakeFirst();
      await writeEffects(trx, caseId, r, Number(last?.seq ?? 0), now);
    });
  }
}

async function writeEffects(trx: Db, caseId: string, r: Extract<AdvanceResult, { ok: true }>, lastSeq: number, now: string) {
  for (const e of r.effects) {
    if (e.kind === 'open_task') {
      const person = e.task.assignee.kind === 'person' ? e.task.assignee.personId : null;
      await trx.insertInto('case_task').values({
        id: e.task.id, case_id: caseId, step_id: e.task.stepId, branch_id: null, assignee_kind: 'person', assignee_role: null, assignee_org: null,
        assignee_person: person, state: 'open', outcome: null, version: e.task.version, opened_at: now, due_date: null, warn_date: null,
        warned_at: null, escalated_at: null, closed_at: null, done_by: null,
      }).execute();
    } else if (e.kind === 'close_task') {
      await trx.updateTable('case_task').set({ state: 'done', outcome: e.outcome, closed_at: now }).where('id', '=', e.taskId).where('state', '=', 'open').execute();
    }
  }
  let seq = lastSeq;
  if (r.state.history.length) {
    await trx.insertInto('case_event').values(r.state.history.map((h) => {
      const { at, actor, type, stepId, taskId, ...detail } = h;
      return { id: newId(), case_id: caseId, seq: ++seq, at, actor_id: actor === 'system' ? null : actor, type, step_id: stepId ?? null, task_id: taskId ?? null, detail: JSON.stringify(detail) };
    })).execute();
  }
}

// bpmn-engine at its best: the BPMN parsed and serialized once (as its documentation's examples do), not
// per instance; parsing the XML for every instance would roughly halve its rate.
let sourceContext: unknown;
async function context() {
  sourceContext ??= Serializer(await new BpmnModdle().fromXML(BPMN) as Parameters<typeof Serializer>[0], TypeResolver(elements));
  return sourceContext;
}

/** A bpmn-engine instance started and left waiting at its first user task (kept in memory). */
export async function bpmnStarted(): Promise<{ engine: Engine; execution: Awaited<ReturnType<Engine['execute']>>; listener: EventEmitter }> {
  const engine = new Engine({ name: 'approval', sourceContext: await context() } as ConstructorParameters<typeof Engine>[0]);
  const listener = new EventEmitter();
  const waiting = new Promise((resolve) => listener.once('activity.wait', resolve));
  const execution = await engine.execute({ listener });
  await waiting;
  return { engine, execution, listener };
}

/** Signals one waiting user task and resolves when the engine waits at the next one or ends. */
function signalled(engine: Engine, execution: { signal(m: { id: string }): void }, listener: EventEmitter, id: string): Promise<void> {
  const next = new Promise<void>((resolve, reject) => {
    const onWait = (api: { id: string }) => { if (api.id !== id) done(); };
    const done = () => { listener.off('activity.wait', onWait); engine.off('end', done); engine.off('error', reject); resolve(); };
    listener.on('activity.wait', onWait);
    engine.once('end', done);
    engine.once('error', reject);
  });
  execution.signal({ id });
  return next;
}

/** bpmn-engine in memory: one live engine from start to end, its user tasks signalled in turn. */
export async function bpmnInMemory(): Promise<void> {
  const { engine, execution, listener } = await bpmnStarted();
  for (const id of STEPS) await signalled(engine, execution, listener, id);
  if (engine.state !== 'idle') throw new Error(`bpmn-engine ended ${engine.state}`);
}

/**
 * bpmn-engine with its state on SQLite the way its documentation shows: on wait, getState() serialized and
 * stored; each user action (another request, possibly another process) loads the state, recover()s an
 * engine, resume()s it, signals the task, and stores getState() again — one transaction per action.
 */
export async function bpmnPersisted(db: Db): Promise<void> {
  const id = newId();
  const { engine } = await bpmnStarted();
  const state = JSON.stringify(await engine.getState());
  engine.stop();
  await db.insertInto('bench_bpmn_state' as never).values({ id, state } as never).execute();
  for (const task of STEPS) {
    await db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('bench_bpmn_state' as never).select('state' as never).where('id' as never, '=', id as never).executeTakeFirstOrThrow() as { state: string };
      const e = new Engine().recover(JSON.parse(row.state));
      const listener = new EventEmitter();
      const execution = await e.resume({ listener });
      await signalled(e, execution, listener, task);
      const next = JSON.stringify(await e.getState());
      e.stop();
      await trx.updateTable('bench_bpmn_state' as never).set({ state: next } as never).where('id' as never, '=', id as never).execute();
    });
  }
}
