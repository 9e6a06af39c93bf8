import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { newId, nowIso } from '../../clock.ts';
import { verifyAudit } from '../audit/service.ts';
import { deliverDue } from './outbox.ts';
import { publishDefinitions } from './definitions.ts';

const LEAVING = { kind: 'resign', lastDay: '2026-12-31', reason: '家庭原因', handover: '课程已交接给李老师' };

describe.each(DIALECTS)('online applications on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  let keyNo = 0;
  const key = () => `key-${++keyNo}-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['teacher', 'student', 'csdean', 'reviewer', 'finreviewer', 'assetreviewer', 'libreviewer', 'cardreviewer',
      'fundreviewer', 'finadmin', 'clerk', 'vp', 'zhangwei']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const db = () => t.db.handle.db;
  const submit = (as: Session, body: unknown, k: string | null = key()) =>
    t.request({ method: 'POST', url: '/api/v1/cases', as, body, headers: k === null ? {} : { 'idempotency-key': k } });
  const getCase = (as: Session, id: string) => t.request({ method: 'GET', url: `/api/v1/cases/${id}`, as });
  const act = (as: Session | undefined, taskId: string, body: unknown) => t.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/actions`, as, body });
  const inbox = async (as: Session, box = 'todo') => (await t.request({ method: 'GET', url: `/api/v1/tasks?box=${box}&pageSize=100`, as })).json().items as any[];
  const countCases = async () => Number((await db().selectFrom('workflow_case').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const openTask = (c: any, stepId: string, branchId?: string) => c.tasks.find((x: any) => x.state === 'open' && x.stepId === stepId && (branchId === undefined || x.branchId === branchId));

  it('asks for a login on every route but the public form, and says which field is wrong', async () => {
    for (const [method, url] of [['POST', '/api/v1/cases'], ['GET', '/api/v1/cases'], ['GET', `/api/v1/cases/${newId()}`],
      ['POST', `/api/v1/cases/${newId()}/resubmit`], ['POST', `/api/v1/cases/${newId()}/withdraw`], ['POST', `/api/v1/cases/${newId()}/comments`],
      ['GET', '/api/v1/tasks'], ['POST', `/api/v1/tasks/${newId()}/t1/actions`], ['GET', '/api/v1/notifications']] as const) {
      const body = method === 'POST' ? (url.endsWith('/cases') ? { service: 'employment-certificate', data: {} } : url.endsWith('resubmit') ? { data: {} } : url.endsWith('comments') ? { text: 'x' } : url.endsWith('actions') ? { action: 'comment', text: 'x' } : {}) : undefined;
      expectProblem(await t.request({ method, url, body }), 401, 'unauthenticated');
    }
    const form = await t.request({ method: 'GET', url: '/api/v1/services/employment-certificate/form' });
    expect(form.statusCode).toBe(200);
    expect(form.json().prefill).toBeNull();
    expect(form.json().process.definition.steps[0].kind).toBe('automatic');
    expectProblem(await submit(s.teacher, { service: 'employment-certificate' }), 400, 'validation_failed');
    expectProblem(await submit(s.teacher, { service: 'employment-certificate', data: {}, extra: 1 }), 400, 'validation_failed');
    expectProblem(await submit(s.teacher, { service: 'employment-certificate', data: {} }, null), 400, 'idempotency_key_required');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/tasks?box=later', as: s.csdean }), 400, 'validation_failed');
  });

  it('issues 在职证明 from the records alone: data {} is enough, and the prefill says where values came from', async () => {
    const form = (await t.request({ method: 'GET', url: '/api/v1/services/employment-certificate/form', as: s.teacher })).json();
    expect(form.prefill.values).toMatchObject({ name: '王明远', department: '计算机学院', template: 'zh' });
    expect(form.prefill.fromRecords).toEqual(expect.arrayContaining(['name', 'staffNo', 'department', 'title']));
    expect(form.prefill.fromRecords).not.toContain('template');

    // A value typed over a record is replaced by the record: the applicant confirms, never edits it.
    const res = await submit(s.teacher, { service: 'employment-certificate', data: { name: '别人', purpose: '办理签证' } });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'completed', number: expect.stringMatching(/^\d{4}-\d{6}$/), tasks: [] });
    expect(c.data).toMatchObject({ name: '王明远', staffNo: expect.stringMatching(/^T\d+$/), template: 'zh', purpose: '办理签证' });
    expect(c.timeline.map((e: any) => e.type)).toEqual(['start', 'step_entered', 'completed']);
    const outbox = await db().selectFrom('outbox').selectAll().execute();
    expect(outbox.some((o) => o.kind === 'webhook' && JSON.parse(o.payload).caseId === c.id)).toBe(true);
  });

  it('refuses unknown services, services without an online process, and form data that breaks the definition — changing nothing', async () => {
    expectProblem(await submit(s.teacher, { service: 'no-such-thing', data: {} }), 404, 'service_not_found');
    expectProblem(await submit(s.teacher, { service: 'income-certificate', data: {} }), 422, 'service_not_online');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/services/income-certificate/form' }), 422, 'service_not_online');
    const before = await countCases();
    const bad = expectProblem(await submit(s.teacher, { service: 'staff-leaving', data: { kind: 'fired', lastDay: '2026-13-01', handover: 5, hobby: 'chess' } }), 400, 'validation_failed');
    expect(bad.errors!.map((e) => e.path).sort()).toEqual(['/data/handover', '/data/hobby', '/data/kind', '/data/lastDay', '/data/reason']);
    // A visible field becomes required; a hidden one is neither required nor kept.
    const transfer = expectProblem(await submit(s.teacher, { service: 'staff-leaving', data: { ...LEAVING, kind: 'transfer' } }), 400, 'validation_failed');
    expect(transfer.errors!.map((e) => e.path)).toEqual(['/data/newEmployer']);
    const range = expectProblem(await submit(s.teacher, { service: 'leave-request', data: { leaveType: 'personal', period: { start: '2026-12-10', end: '2026-12-01' }, days: 2, reason: '事' } }), 400, 'validation_failed');
    expect(range.errors!.map((e) => e.path)).toEqual(['/data/period']);
    const rows = expectProblem(await submit(s.teacher, { service: 'travel-reimbursement', data: { purpose: '开会', legs: [{ date: '2026-11-01', from: '武汉', to: '北京', transport: 'rocket', amount: 12.5 }] } }), 400, 'validation_failed');
    expect(rows.errors!.map((e) => e.path).sort()).toEqual(['/data/legs/0/amount', '/data/legs/0/transport']);
    expect(await countCases()).toBe(before);

    const hidden = await submit(s.teacher, { service: 'staff-leaving', data: { ...LEAVING, newEmployer: '另一所大学' } });
    expect(hidden.statusCode, hidden.body).toBe(201);
    expect(hidden.json().data.newEmployer).toBeUndefined();
  });

  it('recomputes totals on the server and routes large claims through the extra approval', async () => {
    const legs = [
      { date: '2026-11-01', from: '武汉', to: '北京', transport: 'train', amount: 52_000 },
      { date: '2026-11-04', from: '北京', to: '武汉', transport: 'plane', amount: 980_000 },
    ];
    const big = await submit(s.teacher, { service: 'travel-reimbursement', data: { purpose: '学术会议', legs, total: 1 } });
    expect(big.statusCode, big.body).toBe(201);
    expect(big.json().data.total).toBe(1_032_000);
    const c = big.json();
    const r1 = await act(s.csdean, openTask(c, 'unit').id, { action: 'approve', version: 1 });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().currentSteps.map((x: any) => x.id)).toEqual(['head']);
    expect((await inbox(s.finadmin)).some((x) => x.case.id === c.id)).toBe(true);

    const small = (await submit(s.teacher, { service: 'travel-reimbursement', data: { purpose: '调研', legs: legs.slice(0, 1) } })).json();
    const r2 = await act(s.csdean, openTask(small, 'unit').id, { action: 'approve', version: 1 });
    expect(r2.json().currentSteps.map((x: any) => x.id)).toEqual(['finance']);
  });

  it('answers a retried submission with the same status and body, makes exactly one case, and refuses a reused key', async () => {
    const k = key();
    const body = { service: 'staff-leaving', data: LEAVING };
    const before = await countCases();
    const results = await Promise.all(Array.from({ length: 5 }, () => submit(s.zhangwei, body, k)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    const again = await submit(s.zhangwei, { data: LEAVING, service: 'staff-leaving' }, k);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(results[0]!.body);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(await countCases()).toBe(before + 1);
    expectProblem(await submit(s.zhangwei, { service: 'staff-leaving', data: { ...LEAVING, reason: '别的' } }, k), 422, 'idempotency_key_reused');
    // The same key from another person is their own key.
    expect((await submit(s.teacher, body, k)).statusCode).toBe(201);
    expect(await countCases()).toBe(before + 2);
  });

  it("hides someone else's case and task: 404, and nothing changes", async () => {
    const c = (await submit(s.teacher, { service: 'staff-leaving', data: LEAVING })).json();
    expectProblem(await getCase(s.student, c.id), 404, 'case_not_found');
    expectProblem(await getCase(s.finreviewer, c.id), 404, 'case_not_found');
    expectProblem(await getCase(s.teacher, newId()), 404, 'case_not_found');
    const task = openTask(c, 'unit');
    expectProblem(await act(s.student, task.id, { action: 'approve', version: 1 }), 404, 'task_not_found');
    expectProblem(await act(s.reviewer, task.id, { action: 'approve', version: 1 }), 404, 'task_not_found');
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/withdraw`, as: s.csdean, body: {} }), 404, 'case_not_found');
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/resubmit`, as: s.student, body: { data: {} } }), 404, 'case_not_found');
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/comments`, as: s.student, body: { text: '我也看看' } }), 404, 'case_not_found');
    expect((await getCase(s.teacher, c.id)).json().tasks[0].state).toBe('open');
    // The assignee sees it.
    expect((await getCase(s.csdean, c.id)).statusCode).toBe(200);
    const list = (await t.request({ method: 'GET', url: '/api/v1/cases?status=running', as: s.student })).json();
    expect(list.items.some((x: any) => x.id === c.id)).toBe(false);
  });

  it('lets one of two people acting on the same task win; the other gets 409', async () => {
    // A second reviewer for the college, so two people hold the same task.
    const zhang = await db().selectFrom('person').select('id').where('username', '=', 'zhangwei').executeTakeFirstOrThrow();
    await db().insertInto('role_grant').values({ id: newId(), person_id: zhang.id, role: 'dept_reviewer', scope_code: 'cs', created_at: nowIso() }).execute();
    const zw = await t.login('zhangwei');
    const c = (await submit(s.teacher, { service: 'staff-leaving', data: LEAVING })).json();
    const task = openTask(c, 'unit');
    expectProblem(await act(s.csdean, task.id, { action: 'approve', version: 2 }), 409, 'stale_version');
    const [a, b] = await Promise.all([
      act(s.csdean, task.id, { action: 'approve', version: 1 }),
      act(zw, task.id, { action: 'reject', version: 1, reason: '不同意' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    // The loser hears that the task is closed, or — when the winner rejected — that the case is finished.
    const winner = a.statusCode === 200 ? 'approve' : 'reject';
    expect((a.statusCode === 409 ? a : b).json().code).toBe(winner === 'approve' ? 'task_closed' : 'case_finished');
    const after = (await getCase(s.teacher, c.id)).json();
    expect(after.tasks.filter((x: any) => x.stepId === 'unit').map((x: any) => x.state)).toEqual(['done']);
    await db().deleteFrom('role_grant').where('person_id', '=', zhang.id).where('role', '=', 'dept_reviewer').execute();
  });

  it('walks 离职 end to end: return with two problems, resubmit, parallel clearance by five departments, completed', async () => {
    const c0 = (await submit(s.teacher, { service: 'staff-leaving', data: LEAVING })).json();
    const unit = openTask(c0, 'unit');
    expect((await inbox(s.csdean)).map((x) => x.id)).toContain(unit.id);

    expectProblem(await act(s.csdean, unit.id, { action: 'reject', version: 1, reason: '  ' }), 400, 'validation_failed');
    expectProblem(await act(s.csdean, unit.id, { action: 'return', version: 1, problems: [{ message: '缺少' }] }), 400, 'validation_failed');
    const ret = await act(s.csdean, unit.id, {
      action: 'return', version: 1,
      problems: [{ field: 'lastDay', message: '离校日期须在交接完成之后' }, { material: 'letter', message: '请上传本人签字的离职申请书' }],
    });
    expect(ret.statusCode, ret.body).toBe(200);
    let c = (await getCase(s.teacher, c0.id)).json();
    expect(c.status).toBe('waiting_applicant');
    expect(c.problems).toEqual([{ field: 'lastDay', message: '离校日期须在交接完成之后' }, { material: 'letter', message: '请上传本人签字的离职申请书' }]);
    expect(c.canResubmit).toBe(true);
    expect(c.canWithdraw).toBe(false);
    expectProblem(await act(s.csdean, unit.id, { action: 'approve', version: 1 }), 409, 'task_closed');
    expect((await inbox(s.csdean, 'done')).map((x) => x.id)).toContain(unit.id);

    const resubmit = (data: unknown, as = s.teacher) => t.request({ method: 'POST', url: `/api/v1/cases/${c0.id}/resubmit`, as, body: { data } });
    expectProblem(await resubmit({ lastDay: 'soon' }), 400, 'validation_failed');
    expect((await getCase(s.teacher, c0.id)).json().status).toBe('waiting_applicant');
    const letter = (await t.request({
      method: 'POST', url: '/api/v1/uploads?service=staff-leaving&field=letter&name=letter.pdf', as: s.teacher,
      payload: Buffer.from('%PDF-1.4\n%%EOF\n'), headers: { 'content-type': 'application/pdf' },
    })).json().id;
    const fixed = await resubmit({ lastDay: '2027-01-15', letter: [letter] });
    expect(fixed.statusCode, fixed.body).toBe(200);
    c = fixed.json();
    expect(c.status).toBe('running');
    expect(c.data).toMatchObject({ lastDay: '2027-01-15', reason: LEAVING.reason, letter: [letter] });
    expectProblem(await resubmit({}), 409, 'case_not_waiting');

    // Straight back to the step that returned it.
    const unit2 = openTask(c, 'unit');
    expect(unit2.id).not.toBe(unit.id);
    c = (await act(s.csdean, unit2.id, { action: 'approve', version: 1, comment: '同意' })).json();
    expect(c.tasks.filter((x: any) => x.state === 'open').map((x: any) => x.branchId).sort()).toEqual(['assets', 'card', 'finance', 'fund', 'library']);
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${c0.id}/withdraw`, as: s.teacher, body: {} }), 409, 'case_already_decided');

    const branches: Array<[string, string]> = [['finance', 'finreviewer'], ['assets', 'assetreviewer'], ['library', 'libreviewer'], ['card', 'cardreviewer'], ['fund', 'fundreviewer']];
    // Every department works its own branch, at the same time.
    const results = await Promise.all(branches.map(([b, who]) => act(s[who], openTask(c, 'clearance', b).id, { action: 'approve', version: 1 })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    // A department cannot work another's branch.
    c = (await getCase(s.teacher, c0.id)).json();
    expect(c.currentSteps.map((x: any) => x.id)).toEqual(['hr']);
    c = (await act(s.reviewer, openTask(c, 'hr').id, { action: 'approve', version: 1 })).json();
    expect(c.status).toBe('completed');
    expect(c.finishedAt).not.toBeNull();

    const types = (await getCase(s.teacher, c0.id)).json().timeline.map((e: any) => `${e.type}${e.stepId ? `:${e.stepId}` : ''}`);
    expect(types).toEqual([
      'start', 'step_entered:unit', 'return_to_applicant:unit', 'resubmit', 'step_entered:unit', 'approve:unit', 'step_entered:clearance',
      'approve:clearance', 'approve:clearance', 'approve:clearance', 'approve:clearance', 'approve:clearance',
      'step_entered:hr', 'approve:hr', 'step_entered:transfer', 'completed',
    ]);
    const returned = (await getCase(s.teacher, c0.id)).json().timeline[2];
    expect(returned.problems).toHaveLength(2);
    expect(returned.actor.name).toBe('钱立新');

    // Finished: every action is refused with a clear code.
    expectProblem(await act(s.csdean, unit2.id, { action: 'approve', version: 1 }), 409, 'case_finished');
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${c0.id}/withdraw`, as: s.teacher, body: {} }), 409, 'case_finished');
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${c0.id}/comments`, as: s.teacher, body: { text: '谢谢' } }), 409, 'case_finished');

    // Notifications: delivered by the outbox, the applicant hears of the return and the completion.
    // (the app's own worker may hold a row's lease at this moment: ask until both are there)
    let notes: any;
    let mine: string[] = [];
    for (let i = 0; i < 100; i++) {
      await deliverDue(db(), t.catalog.org);
      notes = (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=100', as: s.teacher })).json();
      mine = notes.items.filter((n: any) => n.case?.id === c0.id).map((n: any) => n.event);
      if (mine.includes('case_returned') && mine.includes('case_completed')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(mine).toEqual(expect.arrayContaining(['case_returned', 'case_completed']));
    const fin = (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=100', as: s.finreviewer })).json();
    expect(fin.items.some((n: any) => n.case?.id === c0.id && n.event === 'task_assigned')).toBe(true);
    const first = notes.items[0];
    const read = await t.request({ method: 'POST', url: `/api/v1/notifications/${first.id}/read`, as: s.teacher });
    expect(read.json().unread).toBe(notes.unread - 1);
    // Delivering again (the e-mail rows included) adds no notification.
    for (let i = 0; i < 50 && (await deliverDue(db(), t.catalog.org)) > 0; i++);
    const again = (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=100', as: s.teacher })).json();
    expect(again.items.length).toBe(notes.items.length);
    expect((await verifyAudit(db())).ok).toBe(true);
  });

  it('withdraws before the first decision, rejects with a reason, and lists my cases by status', async () => {
    const a = (await submit(s.teacher, { service: 'private-travel-abroad', data: { destination: '日本', purpose: 'tourism', period: { start: '2027-02-01', end: '2027-02-08' }, passport: 'held' } })).json();
    expect(a.canWithdraw).toBe(true);
    const w = await t.request({ method: 'POST', url: `/api/v1/cases/${a.id}/withdraw`, as: s.teacher, body: { reason: '行程取消' } });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(w.json().tasks.map((x: any) => [x.state, x.outcome])).toEqual([['cancelled', 'withdrawn']]);

    const b = (await submit(s.teacher, { service: 'private-travel-abroad', data: { destination: '法国', purpose: 'family', period: { start: '2027-03-01', end: '2027-03-20' }, passport: 'apply' } })).json();
    const r = await act(s.csdean, openTask(b, 'unit').id, { action: 'reject', version: 1, reason: '教学任务冲突' });
    expect(r.json().status).toBe('rejected');
    expect(r.json().timeline.at(-1)).toMatchObject({ type: 'reject', reason: '教学任务冲突' });

    const withdrawn = (await t.request({ method: 'GET', url: '/api/v1/cases?status=withdrawn', as: s.teacher })).json();
    expect(withdrawn.items.map((x: any) => x.id)).toContain(a.id);
    expect(withdrawn.items.every((x: any) => x.status === 'withdrawn')).toBe(true);
  });

  it('routes 请销假 by the number of days: supervisor, HR, then the vice-president; then the applicant reports back', async () => {
    const note = (await t.request({
      method: 'POST', url: '/api/v1/uploads?service=leave-request&field=medicalNote', as: s.teacher,
      payload: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), headers: { 'content-type': 'image/jpeg' },
    })).json().id;
    const long = (await submit(s.teacher, { service: 'leave-request', data: { leaveType: 'sick', period: { start: '2027-03-01', end: '2027-04-20' }, days: 35, reason: '手术康复', medicalNote: [note] } })).json();
    // The supervisor on record (the dean) gets it by name.
    expect(openTask(long, 'unit').assignee).toMatchObject({ kind: 'person', person: { name: '钱立新' } });
    let c = (await act(s.csdean, openTask(long, 'unit').id, { action: 'approve', version: 1 })).json();
    c = (await act(s.reviewer, openTask(c, 'hr').id, { action: 'approve', version: 1 })).json();
    expect(c.currentSteps.map((x: any) => x.id)).toEqual(['leader']);
    c = (await act(s.vp, openTask(c, 'leader').id, { action: 'approve', version: 1 })).json();
    const back = openTask(c, 'back');
    expect(back.assignee.kind).toBe('applicant');
    // The applicant's own step is not in a staff inbox.
    expect((await inbox(s.teacher)).length).toBe(0);
    c = (await act(s.teacher, back.id, { action: 'approve', version: 1 })).json();
    expect(c.status).toBe('completed');

    const short = (await submit(s.teacher, { service: 'leave-request', data: { leaveType: 'personal', period: { start: '2027-03-01', end: '2027-03-02' }, days: 2, reason: '家事' } })).json();
    c = (await act(s.csdean, openTask(short, 'unit').id, { action: 'approve', version: 1 })).json();
    expect(c.currentSteps.map((x: any) => x.id)).toEqual(['back']);
  });

  it('transfers a task, adds a signer who must also approve, and shows overdue tasks', async () => {
    const c0 = (await submit(s.teacher, { service: 'private-travel-abroad', data: { destination: '新加坡', purpose: 'tourism', period: { start: '2027-05-01', end: '2027-05-05' }, passport: 'held' } })).json();
    let c = (await act(s.csdean, openTask(c0, 'unit').id, { action: 'approve', version: 1 })).json();
    const hr = openTask(c, 'hr');
    expectProblem(await act(s.reviewer, hr.id, { action: 'transfer', version: 1, to: { person: 'nobody-here' } }), 400, 'validation_failed');
    c = (await act(s.reviewer, hr.id, { action: 'transfer', version: 1, to: { person: 'vp' } })).json();
    const moved = openTask(c, 'hr');
    expect(moved.assignee.person.name).toBe('程国华');
    expect((await inbox(s.reviewer)).some((x) => x.case.id === c0.id)).toBe(false);
    c = (await act(s.vp, moved.id, { action: 'add_signer', version: 1, signer: { role: 'dept_reviewer', unit: 'international' } })).json();
    const [held, added] = c.tasks.filter((x: any) => x.state === 'open');
    expect(held.version).toBe(2);
    expect(added.assignee).toMatchObject({ kind: 'role', org: { code: 'international' } });
    // the timeline says whom the task went to, by name or as a role in a unit
    expect(c.timeline.find((e: any) => e.type === 'transfer').assigneeLabel).toEqual({ zh: '程国华', en: '程国华' });
    expect(c.timeline.find((e: any) => e.type === 'add_signer').assigneeLabel).toEqual({ zh: expect.stringMatching(/审核人$/), en: expect.stringMatching(/^Department reviewer, /) });
    expectProblem(await act(s.vp, held.id, { action: 'approve', version: 1 }), 409, 'stale_version');
    c = (await act(s.vp, held.id, { action: 'approve', version: 2 })).json();
    expect(c.status).toBe('running');
    const intl = await t.login('intlreviewer');
    c = (await act(intl, added.id, { action: 'comment', text: '已核对护照' })).json();
    c = (await act(intl, added.id, { action: 'approve', version: 1 })).json();
    expect(c.status).toBe('completed');

    const late = (await submit(s.teacher, { service: 'staff-leaving', data: LEAVING })).json();
    await db().updateTable('case_task').set({ due_date: '2020-01-01' }).where('id', '=', openTask(late, 'unit').id).execute();
    const overdue = await inbox(s.csdean, 'overdue');
    expect(overdue.map((x) => x.id)).toEqual([openTask(late, 'unit').id]);
    expect(overdue[0].overdue).toBe(true);
  });

  it('lets a window clerk apply on an applicant\'s behalf (代办), and no one else', async () => {
    expectProblem(await submit(s.student, { service: 'employment-certificate', data: {}, applicant: 'teacher' }), 403, 'forbidden');
    const res = await submit(s.clerk, { service: 'employment-certificate', data: {}, applicant: 'teacher' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ applicant: { name: '王明远' }, onBehalfOf: { name: '陈晓燕' }, status: 'completed' });
    expect((await getCase(s.teacher, res.json().id)).statusCode).toBe(200);
    const mine = (await t.request({ method: 'GET', url: '/api/v1/cases', as: s.clerk })).json();
    expect(mine.items.find((x: any) => x.id === res.json().id)?.onBehalf).toBe(true);
  });

  it('calls webhooks of automatic steps from the outbox, retrying with backoff until they succeed', async () => {
    let calls = 0;
    const seenKeys: string[] = [];
    const server = http.createServer((req, res) => {
      calls++;
      seenKeys.push(String(req.headers['idempotency-key']));
      res.writeHead(calls === 1 ? 503 : 200).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/issue`;
    try {
      await db().transaction().execute((trx) => publishDefinitions(trx, null, 'income-certificate',
        { fields: [{ key: 'name', type: 'text', label: { zh: '姓名', en: 'Name' }, binding: 'name', required: true }] },
        { start: 'issue', steps: [{ id: 'issue', name: { zh: '开具', en: 'Issue' }, kind: 'automatic', webhook: url }] }));
      const c = (await submit(s.teacher, { service: 'income-certificate', data: {} })).json();
      expect(c.status).toBe('completed');
      const row = async () => (await db().selectFrom('outbox').selectAll().where('kind', '=', 'webhook').execute()).find((o) => JSON.parse(o.payload).caseId === c.id)!;
      // The app's own worker may get there first; either way the first call fails and is retried later.
      for (let i = 0; i < 100 && (await row()).attempts === 0; i++) {
        await deliverDue(db(), t.catalog.org);
        await new Promise((r) => setTimeout(r, 20));
      }
      const failed = await row();
      expect(failed.done_at).toBeNull();
      expect(failed.attempts).toBe(1);
      expect(failed.last_error).toContain('503');
      expect(failed.next_attempt_at > nowIso()).toBe(true);
      await db().updateTable('outbox').set({ next_attempt_at: nowIso() }).where('id', '=', failed.id).execute();
      for (let i = 0; i < 100 && !(await row()).done_at; i++) {
        await deliverDue(db(), t.catalog.org);
        await new Promise((r) => setTimeout(r, 20));
      }
      const ok = await row();
      expect(ok.done_at).not.toBeNull();
      expect(calls).toBe(2);
      expect(seenKeys[0]).toBe(seenKeys[1]);
    } finally {
      server.close();
    }
  });
});
