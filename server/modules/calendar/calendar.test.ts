// The working-day calendar over HTTP on both databases: who may see and change it, the merged year view,
// refused input that changes nothing, audit, other processes following the revision, and due dates that honour
// the overrides — also for tasks already open, and for the task that reopens after the applicant corrected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../clock.ts';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { verifyAudit } from '../audit/service.ts';
import { publishDefinitions } from '../workflow/definitions.ts';
import { loadDefinitions } from '../workflow/service.ts';
import { fireTimers } from '../workflow/outbox.ts';
import { chinaDate, limitDates } from '../workflow/calendar.ts';
import { CalendarCache } from './cache.ts';

const TRAVEL = { destination: '日本', purpose: 'tourism', period: { start: '2027-02-01', end: '2027-02-03' }, passport: 'held' };

describe.each(DIALECTS)('working-day calendar on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['manager', 'admin', 'teacher', 'hradmin', 'reviewer', 'csdean']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });
  const db = () => t.db.handle.db;
  const year = (y: number | string, as?: Session) => t.request({ method: 'GET', url: `/api/v1/admin/calendar/${y}`, as });
  const change = (body: unknown, as?: Session, lang = 'zh-CN') =>
    t.request({ method: 'POST', url: '/api/v1/admin/calendar/overrides', as, body, headers: { 'accept-language': lang } });
  const day = (view: any, date: string) => view.days.find((d: any) => d.date === date);
  const overrides = async () => Object.fromEntries((await db().selectFrom('calendar_override').select(['date', 'working']).execute()).map((r) => [r.date, r.working === 1]));
  const auditRows = async () => Number((await db().selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const submit = (service: string, data: unknown) =>
    t.request({ method: 'POST', url: '/api/v1/cases', as: s.teacher, body: { service, data }, headers: { 'idempotency-key': newId() } });
  const taskRow = (id: string) => db().selectFrom('case_task').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('is for hall managers and system admins only', async () => {
    const body = { set: [{ date: '2027-02-10', working: false, reason: '春节' }] };
    expectProblem(await year(2027), 401, 'unauthenticated');
    expectProblem(await change(body), 401, 'unauthenticated');
    for (const who of ['teacher', 'hradmin', 'reviewer']) {
      expectProblem(await year(2027, s[who]), 403, 'forbidden');
      expectProblem(await change(body, s[who]), 403, 'forbidden');
    }
    expect(await overrides()).toEqual({});
    expect((await year(2027, s.admin)).statusCode).toBe(200);
  });

  it('shows a year merged: official holidays and make-up days, the plain week, and whether the package knows the year', async () => {
    const y2026 = (await year(2026, s.manager)).json();
    expect(y2026).toMatchObject({ year: 2026, packageHasData: true, overrides: 0 });
    expect(y2026.days).toHaveLength(365);
    expect(day(y2026, '2026-10-01')).toEqual({ date: '2026-10-01', working: false, source: 'package', officialWorking: false, holiday: { zh: '国庆节', en: 'National Day' }, override: null });
    expect(day(y2026, '2026-10-10')).toMatchObject({ working: true, source: 'package', holiday: { zh: '国庆节' } }); // a Saturday, 调休上班
    expect(day(y2026, '2026-11-23')).toMatchObject({ working: true, source: 'week', holiday: null });
    expect(day(y2026, '2026-11-22')).toMatchObject({ working: false, source: 'week' });
    const y2027 = (await year(2027, s.manager)).json();
    expect(y2027).toMatchObject({ year: 2027, packageHasData: false, overrides: 0 });
    // Without official data New Year's Day 2027, a Friday, is an ordinary working day — until an admin says otherwise.
    expect(day(y2027, '2027-01-01')).toMatchObject({ working: true, source: 'week', holiday: null });
    expectProblem(await year(1999, s.manager), 400, 'validation_failed');
    expectProblem(await year('next', s.manager), 400, 'validation_failed');
  });

  it('refuses bad changes with every problem at once, in the request\'s language, and changes nothing', async () => {
    const audit = await auditRows();
    const bad = expectProblem(await change({
      set: [
        { date: '2027-02-30', working: false, reason: '春节' },
        { date: '2027-02-10', working: false, reason: '春节' },
        { date: '2027-02-10', working: true, reason: '调休' },
        { date: '2027-02-11', working: false, reason: '   ' },
        { date: '2100-01-01', working: false, reason: '元旦' },
      ],
      remove: ['2027-03-01'],
    }, s.manager), 422, 'calendar_invalid');
    expect(bad.errors!.map((e) => e.path)).toEqual(['/set/0/date', '/set/2/date', '/set/3/reason', '/set/4/date', '/remove/0']);
    expect(bad.errors![0]!.message).toBe('没有 2027-02-30 这一天');
    const en = expectProblem(await change({ set: [{ date: '2027-02-10', working: false, reason: 'x' }], remove: ['2027-02-10'] }, s.manager, 'en'), 422, 'calendar_invalid');
    expect(en.errors).toEqual([{ path: '/remove/0', message: '2027-02-10 appears more than once' }]);
    expectProblem(await change({}, s.manager), 422, 'calendar_invalid');
    expectProblem(await change({ set: [{ date: '2027-02-10', working: false }] }, s.manager), 400, 'validation_failed');
    expectProblem(await change({ set: [{ date: '2027-2-10', working: false, reason: '春节' }] }, s.manager), 400, 'validation_failed');
    expectProblem(await change({ set: [{ date: '2027-02-10', working: 'no', reason: '春节' }] }, s.manager), 400, 'validation_failed');
    expectProblem(await change({ set: [], holidays: [] }, s.manager), 400, 'validation_failed');
    expect(await overrides()).toEqual({});
    expect(await auditRows()).toBe(audit);
  });

  it('adds, replaces and removes overrides in bulk, audited, and other processes follow the revision', async () => {
    const other = new CalendarCache(db());
    await other.reload();
    const res = await change({
      set: [
        { date: '2027-02-10', working: false, reason: '春节（测试数据）' },
        { date: '2027-02-11', working: false, reason: '春节（测试数据）' },
        { date: '2027-02-20', working: true, reason: '春节调休上班（测试数据）' },
      ],
    }, s.manager);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ set: 3, removed: 0, rescheduledTasks: 0 });
    const view = (await year(2027, s.manager)).json();
    expect(view.overrides).toBe(3);
    expect(day(view, '2027-02-10')).toMatchObject({
      working: false, source: 'override', officialWorking: true,
      override: { working: false, reason: '春节（测试数据）', updatedBy: { name: '孙丽华' }, updatedAt: expect.any(String) },
    });
    expect(day(view, '2027-02-20')).toMatchObject({ working: true, source: 'override', officialWorking: false }); // a Saturday
    // Another process notices at its next poll.
    expect(other.overrides).toEqual({});
    await other.refresh();
    expect(other.overrides).toEqual({ '2027-02-10': false, '2027-02-11': false, '2027-02-20': true });

    // Replace one, remove another, in one request (the system admin this time).
    const again = await change({ set: [{ date: '2027-02-10', working: true, reason: '改为上班' }], remove: ['2027-02-11'] }, s.admin);
    expect(again.json()).toEqual({ set: 1, removed: 1, rescheduledTasks: 0 });
    expect(await overrides()).toEqual({ '2027-02-10': true, '2027-02-20': true });
    const log = await db().selectFrom('audit_log').selectAll().where('action', '=', 'calendar.change').orderBy('seq').execute();
    expect(log).toHaveLength(2);
    expect(JSON.parse(log[1]!.detail)).toMatchObject({
      set: [{ date: '2027-02-10', working: true, reason: '改为上班' }], removed: [{ date: '2027-02-11', working: false, reason: '春节（测试数据）' }],
    });
    expect((await verifyAudit(db())).ok).toBe(true);
    await change({ remove: ['2027-02-10', '2027-02-20'] }, s.manager);
    expect(await overrides()).toEqual({});
  });

  it('moves due dates: a 2027 holiday override pushes the deadline of open tasks and of tasks opened after it', async () => {
    // A 30-working-day first step makes today's deadline reach into 2027, where the package knows no holidays.
    const defs = (await loadDefinitions(db(), 'private-travel-abroad'))!;
    const process = { ...defs.process.definition, steps: defs.process.definition.steps.map((x) => (x.id === 'unit' ? { ...x, limitDays: 30 } : x)) };
    await publishDefinitions(db(), null, 'private-travel-abroad', defs.form.definition, process);
    const a = (await submit('private-travel-abroad', TRAVEL)).json();
    const startA = chinaDate(a.tasks[0].openedAt);
    const plain = limitDates(startA, 30, {});
    expect(a.tasks[0].dueDate).toBe(plain.due);

    // Say the warning and the escalation had already gone out (as if the dates had passed).
    await db().updateTable('case_task').set({ warned_at: '2026-11-01T00:00:00.000Z', escalated_at: '2026-11-01T00:00:00.000Z' }).where('id', '=', a.tasks[0].id).execute();
    // New Year's Day 2027 and the old due date itself become days off.
    const holidays = { '2027-01-01': false, [plain.due]: false };
    const res = await change({ set: Object.keys(holidays).map((date) => ({ date, working: false, reason: '元旦（测试数据）' })) }, s.manager);
    expect(res.json().rescheduledTasks).toBeGreaterThanOrEqual(1);
    const moved = limitDates(startA, 30, holidays);
    expect(moved.due > plain.due).toBe(true);
    const rowA = await taskRow(a.tasks[0].id);
    expect([rowA.due_date, rowA.warn_date]).toEqual([moved.due, moved.warn]);
    // Both dates lie ahead again: the warning and the escalation fire again when they come.
    expect([rowA.warned_at, rowA.escalated_at]).toEqual([null, null]);
    expect((await t.request({ method: 'GET', url: `/api/v1/cases/${a.id}`, as: s.teacher })).json().tasks[0].dueDate).toBe(moved.due);

    // A task opened now is computed with the overrides this process holds.
    const b = (await submit('private-travel-abroad', TRAVEL)).json();
    expect(b.tasks[0].dueDate).toBe(limitDates(chinaDate(b.tasks[0].openedAt), 30, holidays).due);

    // Removing the overrides gives the tasks their plain dates back.
    await change({ remove: Object.keys(holidays) }, s.manager);
    expect((await taskRow(a.tasks[0].id)).due_date).toBe(plain.due);
  });

  it('pauses the clock while the case waits on the applicant: the corrected case gets the step\'s full limit from the resubmission', async () => {
    const c = (await submit('private-travel-abroad', TRAVEL)).json();
    const first = c.tasks[0];
    const returned = await t.request({
      method: 'POST', url: `/api/v1/tasks/${first.id}/actions`, as: s.csdean,
      body: { action: 'return', version: first.version, problems: [{ field: 'destination', message: '请写明城市' }] },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('waiting_applicant');
    // While the applicant has it, no task of the case is open: nothing turns red, warns or escalates.
    expect(returned.json().tasks.every((x: any) => x.deadline === null)).toBe(true);
    const waiting = (await taskRow(first.id));
    expect(waiting.state).not.toBe('open');
    await fireTimers(db(), '2099-01-01');
    expect((await taskRow(first.id)).warned_at).toBeNull();
    // A holiday entered meanwhile does not touch the closed task, and counts for the reopened one.
    const off = limitDates(chinaDate(first.openedAt), 30, {}).due;
    await change({ set: [{ date: off, working: false, reason: '测试数据' }] }, s.manager);
    expect((await taskRow(first.id)).due_date).toBe(waiting.due_date);
    const back = await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/resubmit`, as: s.teacher, body: { data: { destination: '日本东京' } } });
    expect(back.statusCode, back.body).toBe(200);
    const reopened = back.json().tasks.find((x: any) => x.state === 'open');
    expect(reopened.id).not.toBe(first.id);
    expect(reopened.dueDate).toBe(limitDates(chinaDate(reopened.openedAt), 30, { [off]: false }).due);
    expect(reopened.deadline).toBe('normal');
    await change({ remove: [off] }, s.manager);
  });
});
