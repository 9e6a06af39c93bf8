// A return for correction names only what the applicant can change: a field the university's records fill
// (姓名, 工号 …) is refused, and a resubmission cannot change such a field either. A bound field the records do
// not fill (a new teacher's bank card, typed by them) stays theirs to correct.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';

const LEAVING = { kind: 'resign', lastDay: '2026-12-31', reason: '家庭原因', handover: '课程已交接给李老师' };
const ONBOARDING = {
  idNumber: '42010619900101123X', education: 'phd', bankName: '中国工商银行武汉洪山支行', bankCard: '6222023200012345',
  campus: 'east', account: 'linxiao', officeNeed: 'shared', officeNote: '希望靠近实验室',
};

describe.each(DIALECTS)('returning for correction and the records on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  let keyNo = 0;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['teacher', 'csdean', 'newteacher', 'finreviewer']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const submit = (as: Session, body: unknown) =>
    t.request({ method: 'POST', url: '/api/v1/cases', as, body, headers: { 'idempotency-key': `rr-${++keyNo}-${Math.random()}` } });
  const getCase = (as: Session, id: string) => t.request({ method: 'GET', url: `/api/v1/cases/${id}`, as });
  const act = (as: Session, taskId: string, body: unknown, lang?: string) =>
    t.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/actions`, as, body, ...(lang ? { headers: { 'accept-language': lang } } : {}) });
  const openTask = (c: any) => c.tasks.find((x: any) => x.state === 'open');

  it('refuses a return that names a field filled from the records, in either language, changing nothing', async () => {
    const c0 = (await submit(s.teacher, { service: 'staff-leaving', data: LEAVING })).json();
    const seen = (await getCase(s.csdean, c0.id)).json();
    expect(seen.fromRecords).toEqual(expect.arrayContaining(['name', 'staffNo', 'department']));
    expect(seen.fromRecords).not.toContain('lastDay');
    const task = openTask(seen);

    const zh = expectProblem(await act(s.csdean, task.id, {
      action: 'return', version: task.version,
      problems: [{ field: 'lastDay', message: '日期有误' }, { field: 'staffNo', message: '工号不对' }],
    }), 422, 'return_field_from_records');
    expect(zh.detail).toContain('工号');
    expect(zh.errors!.map((e) => e.path)).toEqual(['/problems/1/field']);
    // A path inside the field (as the form sends for table cells) is the field all the same.
    const en = expectProblem(await act(s.csdean, task.id, { action: 'return', version: task.version, problems: [{ field: '/name', message: 'wrong name' }] }, 'en'), 422, 'return_field_from_records');
    expect(en.detail).toContain('"Name"');
    expect(en.detail).toMatch(/records/);

    const still = (await getCase(s.teacher, c0.id)).json();
    expect(still.status).toBe('running');
    expect(openTask(still).id).toBe(task.id);
  });

  it('keeps the record fields on a resubmission whatever the applicant sends', async () => {
    const c0 = (await submit(s.teacher, { service: 'staff-leaving', data: LEAVING })).json();
    const task = openTask(c0);
    const ret = await act(s.csdean, task.id, { action: 'return', version: task.version, problems: [{ field: 'lastDay', message: '离校日期须在交接完成之后' }] });
    expect(ret.statusCode, ret.body).toBe(200);
    const returned = (await getCase(s.teacher, c0.id)).json();
    expect(returned.status).toBe('waiting_applicant');
    expect(returned.fromRecords).toEqual(expect.arrayContaining(['name', 'staffNo', 'department']));

    const fixed = await t.request({
      method: 'POST', url: `/api/v1/cases/${c0.id}/resubmit`, as: s.teacher,
      body: { data: { lastDay: '2027-01-15', name: '别人', staffNo: 'T999999', department: '财务处' } },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const c = fixed.json();
    expect(c.status).toBe('running');
    expect(c.data).toMatchObject({ lastDay: '2027-01-15', name: c0.data.name, staffNo: c0.data.staffNo, department: c0.data.department });
    expect(c.data.name).toBe('王明远');
  });

  it('lets a reviewer return a bound field the records do not fill (a new teacher\'s typed bank card)', async () => {
    const parent = (await submit(s.newteacher, { service: 'new-staff-onboarding', data: ONBOARDING })).json();
    const salaryId = parent.bundle.children.find((x: any) => x.member.key === 'salary').id;
    const child = (await getCase(s.finreviewer, salaryId)).json();
    expect(child.fromRecords).toEqual(expect.arrayContaining(['name', 'staffNo']));
    expect(child.fromRecords).not.toContain('bankCard');
    const task = openTask(child);
    expectProblem(await act(s.finreviewer, task.id, { action: 'return', version: task.version, problems: [{ field: 'name', message: '姓名' }] }), 422, 'return_field_from_records');
    const ret = await act(s.finreviewer, task.id, { action: 'return', version: task.version, problems: [{ field: 'bankCard', message: '卡号少一位' }] });
    expect(ret.statusCode, ret.body).toBe(200);
    const fixed = await t.request({ method: 'POST', url: `/api/v1/cases/${salaryId}/resubmit`, as: s.newteacher, body: { data: { bankCard: '62220232000123456', name: '别人' } } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().data).toMatchObject({ bankCard: '62220232000123456', name: '林晓' });
  });
});
