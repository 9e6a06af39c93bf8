import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { newId } from '../../clock.ts';
import { deliverDue, fireTimers } from './outbox.ts';

const LEAVING = { kind: 'resign', lastDay: '2026-12-31', reason: '家庭原因', handover: '已交接' };

describe.each(DIALECTS)('drafts, pickers, inbox filters and time limits on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['teacher', 'student', 'csdean', 'reviewer', 'engdean', 'vp']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });
  const db = () => t.db.handle.db;
  const submit = (as: Session, service: string, data: unknown) =>
    t.request({ method: 'POST', url: '/api/v1/cases', as, body: { service, data }, headers: { 'idempotency-key': newId() } });

  it('keeps one draft per person and service until the application is submitted', async () => {
    const url = '/api/v1/drafts/staff-leaving';
    expectProblem(await t.request({ method: 'PUT', url, body: { data: {} } }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'GET', url, as: s.teacher }), 404, 'not_found');
    expectProblem(await t.request({ method: 'PUT', url, as: s.teacher, body: { data: 'x' } }), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'PUT', url: '/api/v1/drafts/income-certificate', as: s.teacher, body: { data: {} } }), 422, 'service_not_online');
    expectProblem(await t.request({ method: 'PUT', url, as: s.teacher, body: { data: { reason: 'x'.repeat(300_000) } } }), 400, 'validation_failed');
    // Half-filled and invalid is fine for a draft.
    expect((await t.request({ method: 'PUT', url, as: s.teacher, body: { data: { kind: 'resign', lastDay: 'soon' } } })).statusCode).toBe(200);
    expect((await t.request({ method: 'PUT', url, as: s.teacher, body: { data: { kind: 'transfer' } } })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url, as: s.teacher })).json().data).toEqual({ kind: 'transfer' });
    expectProblem(await t.request({ method: 'GET', url, as: s.student }), 404, 'not_found');
    expect((await submit(s.teacher, 'staff-leaving', LEAVING)).statusCode).toBe(201);
    expectProblem(await t.request({ method: 'GET', url, as: s.teacher }), 404, 'not_found');
    await t.request({ method: 'PUT', url, as: s.teacher, body: { data: { kind: 'resign' } } });
    expect((await t.request({ method: 'DELETE', url, as: s.teacher })).statusCode).toBe(204);
    expectProblem(await t.request({ method: 'GET', url, as: s.teacher }), 404, 'not_found');
  });

  it('lists the services that can be applied for online, and carries the pinned definitions on the case', async () => {
    const online = (await t.request({ method: 'GET', url: '/api/v1/online-services' })).json().codes;
    expect(online).toEqual(expect.arrayContaining(['employment-certificate', 'staff-leaving', 'travel-reimbursement']));
    expect(online).not.toContain('income-certificate');
    const c = (await submit(s.teacher, 'employment-certificate', {})).json();
    expect(c.form).toMatchObject({ version: 1, definition: { fields: expect.any(Array) } });
    expect(c.process.definition.steps[0].id).toBe('issue');
  });

  it('offers the steps a running case already passed as places to send it back to, newest first', async () => {
    const c = (await submit(s.teacher, 'staff-leaving', LEAVING)).json();
    expect(c.earlierSteps).toEqual([]);
    const unit = c.tasks.find((x: any) => x.state === 'open');
    const act = (as: Session, id: string, body: unknown) => t.request({ method: 'POST', url: `/api/v1/tasks/${id}/actions`, as, body });
    const after = (await act(s.csdean, unit.id, { action: 'approve', version: unit.version })).json();
    expect(after.earlierSteps).toEqual([{ id: 'unit', name: { zh: '所在单位意见', en: 'Opinion of the unit' } }]);
    // sent back there, the unit step is current again and nothing lies before it
    const fin = (await t.login('finreviewer'));
    const finTask = after.tasks.find((x: any) => x.state === 'open' && x.branchId === 'finance');
    const back = (await act(fin, finTask.id, { action: 'return_to_step', version: finTask.version, toStepId: 'unit', reason: '请复核' })).json();
    expect(back.currentSteps.map((x: any) => x.id)).toEqual(['unit']);
    expect(back.earlierSteps).toEqual([]);
    expect(back.timeline.at(-2)).toMatchObject({ type: 'return_to_step', toStepId: 'unit', reason: '请复核' });
  });

  it('replays an answer stored before an upgrade added fields to the case, with those fields filled', async () => {
    const key = newId();
    const first = await t.request({ method: 'POST', url: '/api/v1/cases', as: s.teacher, body: { service: 'staff-leaving', data: LEAVING }, headers: { 'idempotency-key': key } });
    expect(first.statusCode).toBe(201);
    const { earlierSteps: _, ...older } = first.json();
    await db().updateTable('idempotency_key').set({ response: JSON.stringify(older) }).where('key', '=', key).execute();
    const again = await t.request({ method: 'POST', url: '/api/v1/cases', as: s.teacher, body: { service: 'staff-leaving', data: LEAVING }, headers: { 'idempotency-key': key } });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
  });

  it('finds people for staff only', async () => {
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/people?q=王' }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/people?q=王', as: s.student }), 403, 'forbidden');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/people', as: s.teacher }), 400, 'validation_failed');
    const found = (await t.request({ method: 'GET', url: '/api/v1/people?q=%E7%8E%8B%E6%98%8E', as: s.teacher })).json().items;
    expect(found.map((p: any) => p.username)).toEqual(['teacher']);
    expect(found[0]).toEqual({ id: expect.any(String), username: 'teacher', name: '王明远', kind: 'staff', org: { code: 'cs', name: expect.any(Object) } });
    expect((await t.request({ method: 'GET', url: '/api/v1/people?q=%25', as: s.teacher })).json().items.length).toBeLessThanOrEqual(10);
  });

  it('filters the inbox by service and by case number or applicant name', async () => {
    const a = (await submit(s.teacher, 'staff-leaving', LEAVING)).json();
    const b = (await submit(s.teacher, 'private-travel-abroad', { destination: '日本', purpose: 'tourism', period: { start: '2027-02-01', end: '2027-02-03' }, passport: 'held' })).json();
    const ids = async (query: string) => (await t.request({ method: 'GET', url: `/api/v1/tasks?pageSize=100&${query}`, as: s.csdean })).json().items.map((x: any) => x.case.id);
    expect(await ids('service=private-travel-abroad')).toEqual([b.id]);
    expect(await ids(`q=${a.number}`)).toEqual([a.id]);
    expect(await ids(`q=${encodeURIComponent('王明远')}`)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(`q=${encodeURIComponent('无此人')}`)).toEqual([]);
  });

  it('warns at 80 % of a step limit, escalates when overdue, once each, and shows the traffic light', async () => {
    const c = (await submit(s.teacher, 'leave-request', { leaveType: 'personal', period: { start: '2027-03-01', end: '2027-03-10' }, days: 8, reason: '探亲' })).json();
    const task = c.tasks[0];
    expect(task).toMatchObject({ deadline: 'normal', dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // Move the clock of this task back: its warning date and due date have passed.
    await db().updateTable('case_task').set({ warn_date: '2020-01-02', due_date: '2020-01-03' }).where('id', '=', task.id).execute();
    const hr = await submit(s.teacher, 'staff-leaving', LEAVING);
    await db().updateTable('case_task').set({ warn_date: '2020-01-02', due_date: '2099-01-03' }).where('id', '=', hr.json().tasks[0].id).execute();
    // The app's own worker fires timers too; whoever gets there first, each fires once.
    await fireTimers(db(), '2026-11-23');
    expect(await fireTimers(db(), '2026-11-23')).toBe(0);
    const marks = await db().selectFrom('case_task').select(['id', 'warned_at', 'escalated_at']).where('id', 'in', [task.id, hr.json().tasks[0].id]).orderBy('opened_at').execute();
    expect(marks.map((m) => [m.warned_at !== null, m.escalated_at !== null])).toEqual([[true, true], [true, false]]);
    for (let i = 0; i < 50; i++) {
      await deliverDue(db(), t.catalog.org);
      const pending = await db().selectFrom('outbox').select('id').where('done_at', 'is', null).where('kind', '=', 'notify').execute();
      if (pending.length === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const notes = async (as: Session) => (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=100', as })).json().items
      .filter((n: any) => n.case?.id === c.id || n.case?.id === hr.json().id).map((n: any) => n.event).sort();
    // The named supervisor hears it is overdue; as the dean has no supervisor on record, nobody above is told.
    const dean = await notes(s.csdean);
    expect(dean.filter((e: string) => e === 'task_overdue')).toHaveLength(1);
    expect(dean).toContain('task_due_soon');
    const mine = (await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: s.teacher })).json();
    expect(mine.tasks[0].deadline).toBe('red');
    const yellow = (await t.request({ method: 'GET', url: `/api/v1/cases/${hr.json().id}`, as: s.teacher })).json();
    expect(yellow.tasks[0].deadline).toBe('yellow');
    // A role task overdue escalates to the unit's department admins: none exist for 计算机学院, so the
    // row is delivered to nobody rather than failing.
    const outbox = await db().selectFrom('outbox').selectAll().where('done_at', 'is', null).where('kind', '=', 'notify').execute();
    expect(outbox).toEqual([]);
  });

  it('takes uploads whose content is of an accepted type, and shows them only to the owner and the case\'s people', async () => {
    const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    const up = (as: Session | undefined, query: string, bytes: Buffer, type = 'application/octet-stream') =>
      t.request({ method: 'POST', url: `/api/v1/uploads?${query}`, as, payload: bytes, headers: { 'content-type': type } });
    expectProblem(await up(undefined, 'service=staff-leaving&field=letter', PDF), 401, 'unauthenticated');
    expectProblem(await up(s.teacher, 'service=staff-leaving&field=reason', PDF), 400, 'validation_failed');
    expectProblem(await up(s.teacher, 'service=income-certificate&field=letter', PDF), 422, 'service_not_online');
    expectProblem(await up(s.teacher, 'service=staff-leaving&field=letter', Buffer.alloc(0)), 400, 'validation_failed');
    // A text file named .pdf and sent as application/pdf is still text: refused, saying why.
    const fake = expectProblem(await up(s.teacher, 'service=staff-leaving&field=letter&name=x.pdf', Buffer.from('hello, I am not a PDF'), 'application/pdf'), 415, 'upload_type_refused');
    expect(fake.detail).toContain('application/pdf');
    expectProblem(await up(s.teacher, 'service=staff-leaving&field=letter', Buffer.alloc(10 * 1024 * 1024 + 1, 0x25)), 413, 'payload_too_large');
    const ok = await up(s.teacher, 'service=staff-leaving&field=letter&name=%E7%94%B3%E8%AF%B7.pdf', PDF, 'application/pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ mime: 'application/pdf', name: '申请.pdf', size: PDF.length });
    const id = ok.json().id;
    const mine = await t.request({ method: 'GET', url: `/api/v1/uploads/${id}`, as: s.teacher });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.rawPayload.equals(PDF)).toBe(true);
    expectProblem(await t.request({ method: 'GET', url: `/api/v1/uploads/${id}`, as: s.csdean }), 404, 'not_found');
    // Someone else's upload cannot be attached.
    const bad = expectProblem(await submit(s.engdean, 'staff-leaving', { ...LEAVING, letter: [id] }), 400, 'validation_failed');
    expect(bad.errors!.map((e) => e.path)).toEqual(['/data/letter/0']);
    const c = (await submit(s.teacher, 'staff-leaving', { ...LEAVING, letter: [id] })).json();
    const viaCase = await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/files/${id}`, as: s.csdean });
    expect(viaCase.statusCode).toBe(200);
    expect(viaCase.rawPayload.equals(PDF)).toBe(true);
    expectProblem(await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/files/${id}`, as: s.student }), 404, 'case_not_found');
    expectProblem(await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}/files/${newId()}`, as: s.csdean }), 404, 'not_found');
  });

  it('approves a batch of tasks, each on its own', async () => {
    const a = (await submit(s.teacher, 'staff-leaving', LEAVING)).json();
    const b = (await submit(s.teacher, 'staff-leaving', LEAVING)).json();
    const other = (await submit(s.reviewer, 'staff-leaving', LEAVING)).json();
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/tasks/batch', body: { action: 'approve', items: [{ taskId: a.tasks[0].id, version: 1 }] } }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'POST', url: '/api/v1/tasks/batch', as: s.csdean, body: { action: 'reject', items: [] } }), 400, 'validation_failed');
    const res = await t.request({ method: 'POST', url: '/api/v1/tasks/batch', as: s.csdean, body: {
      action: 'approve', comment: '同意',
      items: [{ taskId: a.tasks[0].id, version: 1 }, { taskId: b.tasks[0].id, version: 5 }, { taskId: other.tasks[0].id, version: 1 }],
    } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toEqual([
      { taskId: a.tasks[0].id, status: 200, caseStatus: 'running' },
      { taskId: b.tasks[0].id, status: 409, code: 'stale_version' },
      { taskId: other.tasks[0].id, status: 404, code: 'task_not_found' },
    ]);
  });

  it('hands an approver\'s tasks to a colleague while away (委托), until revoked', async () => {
    const url = '/api/v1/me/delegations';
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const leave = (await submit(s.teacher, 'leave-request', { leaveType: 'personal', period: { start: '2027-06-01', end: '2027-06-02' }, days: 2, reason: '家事' })).json();
    const inboxOf = async (as: Session) => (await t.request({ method: 'GET', url: '/api/v1/tasks?pageSize=100', as })).json().items.map((x: any) => x.case.id);
    expect(await inboxOf(s.engdean)).not.toContain(leave.id);
    expectProblem(await t.request({ method: 'POST', url, body: { delegate: 'engdean', from: today, to: today } }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'POST', url, as: s.student, body: { delegate: 'engdean', from: today, to: today } }), 403, 'forbidden');
    expectProblem(await t.request({ method: 'POST', url, as: s.csdean, body: { delegate: 'csdean', from: today, to: today } }), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'POST', url, as: s.csdean, body: { delegate: 'engdean', from: today, to: '2020-01-01' } }), 400, 'validation_failed');
    const d = await t.request({ method: 'POST', url, as: s.csdean, body: { delegate: 'engdean', from: today, to: '2099-12-31' } });
    expect(d.statusCode, d.body).toBe(201);
    expect((await t.request({ method: 'GET', url, as: s.engdean })).json().received).toEqual([expect.objectContaining({ id: d.json().id, delegator: { id: expect.any(String), name: '钱立新' } })]);
    // The supervisor's named task and the college's role tasks now reach the delegate.
    expect(await inboxOf(s.engdean)).toContain(leave.id);
    expect((await t.request({ method: 'GET', url: `/api/v1/cases/${leave.id}`, as: s.engdean })).statusCode).toBe(200);
    expectProblem(await t.request({ method: 'DELETE', url: `${url}/${d.json().id}`, as: s.engdean }), 404, 'not_found');
    expect((await t.request({ method: 'DELETE', url: `${url}/${d.json().id}`, as: s.csdean })).statusCode).toBe(204);
    expect(await inboxOf(s.engdean)).not.toContain(leave.id);
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/tasks/${leave.tasks[0].id}/actions`, as: s.engdean, body: { action: 'approve', version: 1 } }), 404, 'task_not_found');
    // While it lasted, the delegate could act.
    const again = (await t.request({ method: 'POST', url, as: s.csdean, body: { delegate: 'engdean', from: today, to: today } })).json();
    const r = await t.request({ method: 'POST', url: `/api/v1/tasks/${leave.tasks[0].id}/actions`, as: s.engdean, body: { action: 'approve', version: 1 } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().tasks[0].doneBy.name).toBe('邓志远');
    await t.request({ method: 'DELETE', url: `${url}/${again.id}`, as: s.csdean });
  });
});
