// A submission's answer is built from the rows its transaction just wrote (no read-back): it must be exactly
// what reading the case afterwards shows the same person, whatever the process opens or finishes at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../test/harness.ts';

const LEAVE = { leaveType: 'personal', period: { start: '2026-12-01', end: '2026-12-02' }, days: 2, reason: '家中有事', handover: '课程已与同事调换' };
const LEAVING = { kind: 'resign', lastDay: '2026-12-31', reason: '家庭原因', handover: '课程已交接给李老师' };
const ONBOARDING = {
  idNumber: '42010619900101123X', education: 'phd', bankName: '中国工商银行武汉洪山支行', bankCard: '6222023200012345',
  campus: 'east', account: 'linxiao', officeNeed: 'shared', officeNote: '希望靠近实验室',
};

describe.each(DIALECTS)('the answer to a submission on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['teacher', 'clerk', 'newteacher']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['a one-step approval (请销假)', 'teacher', { service: 'leave-request', data: LEAVE }],
    ['an automatic process finished at once (在职证明)', 'teacher', { service: 'employment-certificate', data: { purpose: '办理签证' } }],
    ['a process with parallel clearance ahead (离职)', 'teacher', { service: 'staff-leaving', data: LEAVING }],
    ['a clerk applying on someone\'s behalf', 'clerk', { service: 'leave-request', data: LEAVE, applicant: 'teacher' }],
    ['a life-event bundle (新教工入职)', 'newteacher', { service: 'new-staff-onboarding', data: ONBOARDING }],
  ];
  it.each(cases)('is what reading the case shows: %s', async (_name, who, body) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/cases', as: s[who], body, headers: { 'idempotency-key': `k-${Math.random()}` } });
    expect(res.statusCode, res.body).toBe(201);
    const read = await t.request({ method: 'GET', url: `/api/v1/cases/${res.json().id}`, as: s[who] });
    expect(read.statusCode).toBe(200);
    expect(res.json()).toEqual(read.json());
  });

  it('numbers cases submitted at once without gaps or repeats, and answers with the number stored', async () => {
    // Cases are numbered as the last writes of their transaction (repo.numberCases); a provisional number never shows.
    const answers = await Promise.all(Array.from({ length: 12 }, () => t.request({
      method: 'POST', url: '/api/v1/cases', as: s.teacher, body: { service: 'leave-request', data: LEAVE }, headers: { 'idempotency-key': `n-${Math.random()}` },
    })));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    const numbers = answers.map((a) => a.json().number as string).sort();
    const seqs = numbers.map((n) => Number(/^\d{4}-(\d{6})$/.exec(n)![1]));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    const stored = await t.db.handle.db.selectFrom('workflow_case').select(['id', 'number']).where('id', 'in', answers.map((a) => a.json().id)).execute();
    expect(Object.fromEntries(stored.map((r) => [r.id, r.number]))).toEqual(Object.fromEntries(answers.map((a) => [a.json().id, a.json().number])));
    expect(await t.db.handle.db.selectFrom('workflow_case').select('id').where('number', 'like', '~%').execute()).toEqual([]);
  });

  it('shows the applicant their own open applications of the service on its form, and nobody else\'s', async () => {
    const form = async (as?: Session) => (await t.request({ method: 'GET', url: '/api/v1/services/certificate-of-nothing/form', as })).statusCode;
    expect(await form()).toBe(404);
    const openOf = async (as?: Session) => {
      const res = await t.request({ method: 'GET', url: '/api/v1/services/leave-request/form', as });
      expect(res.statusCode).toBe(200);
      return (res.json().openCases as Array<{ id: string; number: string; status: string }>).map((c) => c.id);
    };
    expect(await openOf()).toEqual([]);
    const before = await openOf(s.teacher);
    const made = await t.request({ method: 'POST', url: '/api/v1/cases', as: s.teacher, body: { service: 'leave-request', data: LEAVE }, headers: { 'idempotency-key': `o-${Math.random()}` } });
    expect(made.statusCode, made.body).toBe(201);
    const now = await openOf(s.teacher);
    expect(now[0]).toBe(made.json().id);
    expect(now.length).toBe(Math.min(5, before.length + 1));
    // the clerk (who applies for others) and the new teacher have their own lists, without the teacher's case
    expect(await openOf(s.clerk)).not.toContain(made.json().id);
    expect(await openOf(s.newteacher)).not.toContain(made.json().id);
    // withdrawn: no longer open
    const w = await t.request({ method: 'POST', url: `/api/v1/cases/${made.json().id}/withdraw`, as: s.teacher, body: {} });
    expect(w.statusCode, w.body).toBe(200);
    expect(await openOf(s.teacher)).not.toContain(made.json().id);
  });
});
