// The case's promised limit (承诺时限): the pure rules on fixed dates, then over HTTP on both databases — the due
// date at submission (a 2027 override pushes it), the pause while the case is returned, the traffic light and the
// overdue box, calendar changes moving open cases, and nobody else's case touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../../clock.ts';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { addWorkingDays, chinaDate, limitDates } from './calendar.ts';
import { publishDefinitions } from './definitions.ts';
import { addDays, promiseDates, promisedLimitOf, promiseStatus, resumed, waitsOnApplicant } from './promise.ts';
import { loadDefinitions } from './service.ts';

describe('promised limit rules (fixed dates)', () => {
  it('takes the pinned process\'s working days, else the service item\'s limit in its unit', () => {
    expect(promisedLimitOf({ promisedLimitDays: 5 }, { value: 30, unit: 'natural_day' })).toEqual({ limit: 5, unit: 'working_day' });
    expect(promisedLimitOf({}, { value: 30, unit: 'natural_day' })).toEqual({ limit: 30, unit: 'natural_day' });
    expect(promisedLimitOf({}, { value: 2.5, unit: 'working_day' })).toEqual({ limit: 3, unit: 'working_day' });
    expect(promisedLimitOf({}, null)).toBeNull();
  });

  it('counts working days over holidays and overrides, natural days plainly', () => {
    // 2026-09-30 + 5 working days: 国庆 10-01..07 off, Saturday 10-10 worked (调休).
    expect(promiseDates({ limit: 5, unit: 'working_day', start: '2026-09-30', paused: 0 }, {})).toEqual({ due: '2026-10-13', warn: '2026-10-12' });
    // 2027 is unknown to the package: an admin's New Year's Day override pushes the promise by a day.
    const newYear = { limit: 5, unit: 'working_day' as const, start: '2026-12-30', paused: 0 };
    expect(promiseDates(newYear, {}).due).toBe('2027-01-06');
    expect(promiseDates(newYear, { '2027-01-01': false }).due).toBe('2027-01-07');
    expect(promiseDates({ limit: 30, unit: 'natural_day', start: '2026-09-30', paused: 0 }, { '2026-10-10': false })).toEqual({ due: '2026-10-30', warn: '2026-10-24' });
    expect(addDays('natural_day', '2026-12-31', 1, {})).toBe('2027-01-01');
  });

  it('waits on the applicant when returned, or running with only the applicant\'s own steps open', () => {
    const applicant = { assignee_kind: 'applicant' };
    const staff = { assignee_kind: 'person' };
    expect(waitsOnApplicant('waiting_applicant', [])).toBe(true);
    expect(waitsOnApplicant('running', [applicant])).toBe(true);
    expect(waitsOnApplicant('running', [applicant, applicant])).toBe(true);
    expect(waitsOnApplicant('running', [applicant, staff])).toBe(false);
    expect(waitsOnApplicant('running', [])).toBe(false);
    expect(waitsOnApplicant('completed', [applicant])).toBe(false);
  });

  it('moves the deadline by the working days spent waiting on the applicant', () => {
    const c = { limit: 5, unit: 'working_day' as const, start: '2026-11-16', paused: 0 };
    // Returned on Monday 11-16, resubmitted on Thursday 11-19: Tue, Wed, Thu waited = 3 working days.
    const after = resumed(c, '2026-11-16', '2026-11-19', {});
    expect(after.paused).toBe(3);
    expect(promiseDates(after, {}).due).toBe(addWorkingDays(promiseDates(c, {}).due, 3));
    // Over a weekend: returned Friday 11-20, resubmitted Monday 11-23 = 1 working day; the same day = none.
    expect(resumed(c, '2026-11-20', '2026-11-23', {}).paused).toBe(1);
    expect(resumed(c, '2026-11-20', '2026-11-20', {}).paused).toBe(0);
    expect(resumed({ ...c, unit: 'natural_day' }, '2026-11-20', '2026-11-23', {}).paused).toBe(3);
  });

  it('turns yellow at 80 % and red past due, and stands still while paused', () => {
    // 5 working days from Monday 11-16: warning Friday 11-20 (4 days), due Monday 11-23.
    const p = { ...promiseDates({ limit: 5, unit: 'working_day', start: '2026-11-16', paused: 0 }, {}), pausedSince: null };
    expect(p).toMatchObject({ warn: '2026-11-20', due: '2026-11-23' });
    expect(promiseStatus(p, '2026-11-19')).toBe('normal');
    expect(promiseStatus(p, '2026-11-20')).toBe('yellow');
    expect(promiseStatus(p, '2026-11-23')).toBe('yellow');
    expect(promiseStatus(p, '2026-11-24')).toBe('red');
    expect(promiseStatus({ ...p, pausedSince: '2026-11-19' }, '2026-12-01')).toBe('normal');
    expect(promiseStatus({ ...p, pausedSince: '2026-11-24' }, '2026-12-01')).toBe('red');
  });
});

const TRAVEL = { destination: '日本', purpose: 'tourism', period: { start: '2027-02-01', end: '2027-02-03' }, passport: 'held' };

describe.each(DIALECTS)('promised limit of a case on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['teacher', 'student', 'csdean', 'manager']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });
  const db = () => t.db.handle.db;
  const today = () => chinaDate(nowIso());
  // Today when it is a working day, else the last one before it: "n working days ago" counts back from here.
  const workday = () => addWorkingDays(addWorkingDays(today(), 1), -1);
  const submit = (as: Session, data: unknown = TRAVEL) =>
    t.request({ method: 'POST', url: '/api/v1/cases', as, body: { service: 'private-travel-abroad', data }, headers: { 'idempotency-key': newId() } });
  const getCase = (id: string, as?: Session) => t.request({ method: 'GET', url: `/api/v1/cases/${id}`, as });
  const inbox = async (box: string) => (await t.request({ method: 'GET', url: `/api/v1/tasks?box=${box}&pageSize=100`, as: s.csdean })).json().items as any[];
  const changeCalendar = (body: unknown) => t.request({ method: 'POST', url: '/api/v1/admin/calendar/overrides', as: s.manager, body });
  const publishLimit = async (days: number | undefined) => {
    const defs = (await loadDefinitions(db(), 'private-travel-abroad'))!;
    const { promisedLimitDays: _, ...rest } = defs.process.definition;
    await publishDefinitions(db(), null, 'private-travel-abroad', defs.form.definition, days === undefined ? rest : { ...rest, promisedLimitDays: days });
  };
  /** As if the case had been submitted `n` working days ago (the task's own dates stay). */
  const submittedAgo = async (id: string, n: number, limit = 5) => {
    const start = addWorkingDays(workday(), -n);
    const d = limitDates(start, limit);
    await db().updateTable('workflow_case').set({ promised_start: start, promised_due: d.due, promised_warn: d.warn }).where('id', '=', id).execute();
  };

  it('gives a case its promised due date at submission, shown only to those who may see the case', async () => {
    const res = await submit(s.teacher);
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    const dates = limitDates(today(), 5);
    expect(c.promise).toEqual({
      limit: 5, unit: 'working_day', startedOn: today(), dueDate: dates.due, warnDate: dates.warn,
      pausedDays: 0, pausedSince: null, status: 'normal', metOnTime: null,
    });
    expect((await getCase(c.id, s.teacher)).json().promise).toEqual(c.promise);
    expect((await getCase(c.id, s.csdean)).json().promise.dueDate).toBe(dates.due);
    expectProblem(await getCase(c.id), 401, 'unauthenticated');
    expectProblem(await getCase(c.id, s.student), 404, 'case_not_found');
    const card = (await inbox('todo')).find((i) => i.case.id === c.id);
    expect(card.case.promise).toEqual({ dueDate: dates.due, paused: false, status: 'normal' });
    // the applicant's own list shows it too
    const mine = (await t.request({ method: 'GET', url: '/api/v1/cases?pageSize=100', as: s.teacher })).json().items.find((x: any) => x.id === c.id);
    expect(mine.promise).toEqual({ dueDate: dates.due, paused: false, status: 'normal' });
  });

  it('takes the service item\'s limit when the process names none, and a 2027 override pushes the due date', async () => {
    await publishLimit(undefined);
    const fromItem = (await submit(s.teacher)).json();
    expect(fromItem.promise).toMatchObject({ limit: 5, unit: 'working_day', dueDate: limitDates(today(), 5).due });

    // 30 working days from today reach into 2027, which the package does not know.
    await publishLimit(30);
    const plain = limitDates(today(), 30);
    const open = (await submit(s.teacher)).json();
    expect(open.promise.dueDate).toBe(plain.due);
    const holidays = { '2027-01-01': false, [plain.due]: false };
    const res = await changeCalendar({ set: Object.keys(holidays).map((date) => ({ date, working: false, reason: '元旦（测试数据）' })) });
    expect(res.statusCode, res.body).toBe(200);
    const pushed = limitDates(today(), 30, holidays);
    expect(pushed.due > plain.due).toBe(true);
    // The open case moved; one submitted now is computed with the overrides at once.
    expect((await getCase(open.id, s.teacher)).json().promise).toMatchObject({ dueDate: pushed.due, warnDate: pushed.warn });
    expect((await submit(s.teacher)).json().promise.dueDate).toBe(pushed.due);
    // The change is audited with the number of cases it moved.
    const log = await db().selectFrom('audit_log').select('detail').where('action', '=', 'calendar.change').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(log.detail).rescheduledCases).toBeGreaterThanOrEqual(1);
    // A case with the 5-day limit ends before the changed dates and did not move.
    expect((await getCase(fromItem.id, s.teacher)).json().promise.dueDate).toBe(fromItem.promise.dueDate);
    await changeCalendar({ remove: Object.keys(holidays) });
    await publishLimit(5);
  });

  it('pauses while the case is returned: 3 working days waiting move the deadline by 3 working days', async () => {
    const c = (await submit(s.teacher)).json();
    const bystander = (await submit(s.teacher, { ...TRAVEL, destination: '法国' })).json();
    const task = c.tasks.find((x: any) => x.state === 'open');
    const ret = await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/actions`, as: s.csdean, body: { action: 'return', version: task.version, problems: [{ field: 'itinerary', message: '请补充行程' }] } });
    expect(ret.statusCode, ret.body).toBe(200);
    const waiting = (await getCase(c.id, s.teacher)).json();
    expect(waiting.status).toBe('waiting_applicant');
    expect(waiting.promise).toMatchObject({ pausedSince: today(), pausedDays: 0, dueDate: c.promise.dueDate, status: 'normal' });
    // Someone else may not resubmit it, and nothing moves.
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/resubmit`, as: s.student, body: { data: { itinerary: 'x' } } }), 404, 'case_not_found');
    expect((await getCase(c.id, s.teacher)).json().promise).toEqual(waiting.promise);

    // It was returned three working days ago; the applicant corrects it today.
    const returnedOn = addWorkingDays(workday(), -3);
    await db().updateTable('workflow_case').set({ promised_paused_since: returnedOn }).where('id', '=', c.id).execute();
    const back = await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/resubmit`, as: s.teacher, body: { data: { itinerary: '东京三日' } } });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().status).toBe('running');
    expect(back.json().promise).toMatchObject({
      pausedDays: 3, pausedSince: null, dueDate: addWorkingDays(today(), 5 + 3), warnDate: addWorkingDays(today(), 4 + 3), status: 'normal',
    });
    expect((await getCase(bystander.id, s.teacher)).json().promise).toEqual(bystander.promise);
  });

  it('lights the case yellow at 80 % and red past due, lists it in the overdue box, and holds the light while paused', async () => {
    const c = (await submit(s.teacher)).json();
    await submittedAgo(c.id, 3);
    expect((await getCase(c.id, s.teacher)).json().promise.status).toBe('normal');
    await submittedAgo(c.id, 4); // 4 of 5 working days used: 80 %
    expect((await getCase(c.id, s.teacher)).json().promise.status).toBe('yellow');
    expect((await inbox('todo')).find((i) => i.case.id === c.id).case.promise.status).toBe('yellow');
    expect((await inbox('overdue')).some((i) => i.case.id === c.id)).toBe(false);
    await submittedAgo(c.id, 6); // past the due date
    const red = (await getCase(c.id, s.teacher)).json();
    expect(red.promise.status).toBe('red');
    // The task itself is within its own limit, yet the case is overdue: it is in the overdue box.
    const card = (await inbox('overdue')).find((i) => i.case.id === c.id);
    expect(card).toMatchObject({ overdue: false, case: { promise: { status: 'red', paused: false } } });

    // Returned while within its limit, the light stays as it was on the day of the return, however long it waits.
    const d = (await submit(s.teacher)).json();
    await submittedAgo(d.id, 1);
    const task = d.tasks.find((x: any) => x.state === 'open');
    await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/actions`, as: s.csdean, body: { action: 'return', version: task.version, problems: [{ field: 'itinerary', message: '请补充行程' }] } });
    await submittedAgo(d.id, 10);
    await db().updateTable('workflow_case').set({ promised_paused_since: addWorkingDays(workday(), -9) }).where('id', '=', d.id).execute();
    expect((await getCase(d.id, s.teacher)).json().promise).toMatchObject({ status: 'normal', pausedSince: addWorkingDays(workday(), -9) });
    expect((await inbox('overdue')).some((i) => i.case.id === d.id)).toBe(false);
  });

  it('says whether a finished case kept its promise', async () => {
    const c = (await submit(s.teacher)).json();
    let cur = c;
    for (let i = 0; i < 2; i++) {
      const task = cur.tasks.find((x: any) => x.state === 'open');
      const who = task.stepId === 'unit' ? s.csdean : await t.login('reviewer');
      const res = await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/actions`, as: who, body: { action: 'approve', version: task.version } });
      expect(res.statusCode, res.body).toBe(200);
      cur = (await getCase(c.id, s.teacher)).json();
    }
    expect(cur.status).toBe('completed');
    expect(cur.promise).toMatchObject({ status: null, metOnTime: true, dueDate: c.promise.dueDate });
  });
});
