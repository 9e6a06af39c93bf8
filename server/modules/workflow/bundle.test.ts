// Life-event bundles (一件事一次办) over HTTP on SQLite and PostgreSQL: 新教工入职 fans out into five child
// cases in one transaction, exactly once per key, and completes only when every child does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { newId, nowIso } from '../../clock.ts';
import { bundleStatus, lintBundle } from '../../../common/bundle.ts';
import { onboardingBundle, onboardingMembers } from '../../../demo/processes/index.ts';
import { chinaDate } from './calendar.ts';

const ONBOARDING = {
  idNumber: '42010619900101123X', education: 'phd', bankName: '中国工商银行武汉洪山支行', bankCard: '6222023200012345',
  campus: 'east', account: 'linxiao', officeNeed: 'shared', officeNote: '希望靠近实验室',
};
const MEMBERS = ['hr', 'salary', 'card', 'network', 'office'];
const REVIEWER: Record<string, string> = { hr: 'reviewer', salary: 'finreviewer', card: 'cardreviewer', network: 'itreviewer', office: 'csdean' };

describe('bundle rules', () => {
  it('lints the demo bundle clean and finds unfillable members', () => {
    const forms = new Map(onboardingMembers.map((m) => [m.service, m.form]));
    expect(lintBundle(onboardingBundle.definition, forms)).toEqual([]);
    const broken = { ...onboardingBundle.definition, members: [...onboardingBundle.definition.members, { key: 'hr', service: 'nothing', name: { zh: '无', en: 'none' } }] };
    expect(lintBundle(broken, forms)).toEqual(["member 'hr' is defined twice", "member 'hr': service 'nothing' has no online form and process"]);
    const noOffice = { ...onboardingBundle.definition, members: onboardingBundle.definition.members.filter((m) => m.key !== 'office') };
    expect(lintBundle(noOffice, forms)).toEqual(["merged field 'officeNeed' feeds no member", "merged field 'officeNote' feeds no member"]);
    // Promises: the bundle cannot promise less than a member, and a member cannot promise more in the bundle than alone.
    const promises = new Map(onboardingMembers.map((m) => [m.service, m.process.promisedLimitDays!]));
    expect(promises.get('office-space')).toBe(20);
    expect(lintBundle(onboardingBundle.definition, forms, promises)).toEqual([]);
    const slowOffice = { ...onboardingBundle.definition, members: onboardingBundle.definition.members.map((m) => (m.key === 'office' ? { ...m, promisedLimitDays: undefined } : m)) };
    expect(lintBundle(slowOffice, forms, promises)).toEqual([
      "member 'office': promises 20 working days, more than the bundle's 5; shorten it within the bundle (promisedLimitDays) or promise the bundle longer",
    ]);
    const looser = { ...onboardingBundle.definition, promisedLimitDays: 30, members: onboardingBundle.definition.members.map((m) => (m.key === 'office' ? { ...m, promisedLimitDays: 25 } : m)) };
    expect(lintBundle(looser, forms, promises)).toEqual(["member 'office': promises 25 working days in the bundle, more than office-space's own 20"]);
  });

  it('derives the parent status from the children', () => {
    expect(bundleStatus(['completed', 'running', 'waiting_applicant'])).toBe('waiting_applicant');
    expect(bundleStatus(['completed', 'running', 'rejected'])).toBe('running');
    expect(bundleStatus(['completed', 'rejected'])).toBe('rejected');
    expect(bundleStatus(['completed', 'withdrawn'])).toBe('completed');
    expect(bundleStatus(['withdrawn', 'withdrawn'])).toBe('withdrawn');
  });
});

describe.each(DIALECTS)('life-event bundles on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  let keyNo = 0;
  const key = () => `bundle-${++keyNo}-${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['newteacher', 'teacher', ...Object.values(REVIEWER)]) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const db = () => t.db.handle.db;
  const submit = (as: Session | undefined, body: unknown, k: string | null = key()) =>
    t.request({ method: 'POST', url: '/api/v1/cases', as, body, headers: k === null ? {} : { 'idempotency-key': k } });
  const getCase = (as: Session, id: string) => t.request({ method: 'GET', url: `/api/v1/cases/${id}`, as });
  const count = async (table: 'workflow_case' | 'case_task' | 'case_event' | 'idempotency_key') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => Promise.all([count('workflow_case'), count('case_task'), count('case_event'), count('idempotency_key')]);
  const approveChild = async (member: string, childId: string) => {
    const c = (await getCase(s[REVIEWER[member]!]!, childId)).json();
    const task = c.tasks.find((x: any) => x.state === 'open');
    const res = await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/actions`, as: s[REVIEWER[member]!], body: { action: 'approve', version: task.version } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('serves the merged form with the records filled in, and the members drawn side by side', async () => {
    const form = (await t.request({ method: 'GET', url: '/api/v1/services/new-staff-onboarding/form', as: s.newteacher })).json();
    expect(form.form.definition.fields.map((f: any) => f.key)).toEqual(expect.arrayContaining(['name', 'idNumber', 'account', 'officeNeed']));
    expect(form.prefill.values).toMatchObject({ name: '林晓', staffNo: 'T202612', department: '计算机学院', hireDate: '2026-12-01' });
    expect(form.prefill.fromRecords).not.toContain('bankCard');
    expect(form.process.definition.steps[0].branches.map((b: any) => b.id)).toEqual(MEMBERS);
    const online = (await t.request({ method: 'GET', url: '/api/v1/online-services' })).json();
    expect(online.codes).toEqual(expect.arrayContaining(['new-staff-onboarding', 'staff-id-card', 'office-space']));
  });

  it('asks for a login, and lists every problem across the merged form at once, changing nothing', async () => {
    const before = await counts();
    expectProblem(await submit(undefined, { service: 'new-staff-onboarding', data: ONBOARDING }), 401, 'unauthenticated');
    const bad = expectProblem(await submit(s.newteacher, {
      service: 'new-staff-onboarding', data: { ...ONBOARDING, idNumber: '123', campus: 'moon', account: 'X!', officeNeed: undefined, bankCard: undefined, pet: 'cat' },
    }), 400, 'validation_failed');
    expect(bad.errors!.map((e) => e.path).sort()).toEqual(['/data/account', '/data/bankCard', '/data/campus', '/data/idNumber', '/data/officeNeed', '/data/pet']);
    expect(await counts()).toEqual(before);
  });

  it('creates the parent and five children with their tasks in their departments\' inboxes, once per key', async () => {
    const k = key();
    const res = await submit(s.newteacher, { service: 'new-staff-onboarding', data: ONBOARDING }, k);
    expect(res.statusCode, res.body).toBe(201);
    const parent = res.json();
    expect(parent).toMatchObject({ status: 'running', tasks: [], canWithdraw: false, canResubmit: false, service: { code: 'new-staff-onboarding' } });
    expect(parent.bundle.children.map((c: any) => c.member.key)).toEqual(MEMBERS);
    expect(parent.bundle.children.every((c: any) => c.status === 'running' && c.currentSteps.length === 1)).toBe(true);
    const again = await submit(s.newteacher, { service: 'new-staff-onboarding', data: ONBOARDING }, k);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json().id).toBe(parent.id);
    expect(await db().selectFrom('workflow_case').select('id').where('parent_id', '=', parent.id).execute()).toHaveLength(5);
    expectProblem(await submit(s.newteacher, { service: 'new-staff-onboarding', data: { ...ONBOARDING, account: 'other' } }, k), 422, 'idempotency_key_reused');

    // Each child carries its share of the merged data, with the fixed values of its member.
    const byMember = Object.fromEntries(parent.bundle.children.map((c: any) => [c.member.key, c]));
    const salary = (await getCase(s.newteacher, byMember.salary.id)).json();
    expect(salary.data).toEqual({ name: '林晓', staffNo: 'T202612', department: '计算机学院', reason: 'new', bankName: ONBOARDING.bankName, bankCard: ONBOARDING.bankCard });
    expect(salary.parent).toMatchObject({ id: parent.id, member: { key: 'salary' } });
    const office = (await getCase(s.newteacher, byMember.office.id)).json();
    expect(office.data).toMatchObject({ need: 'shared', note: '希望靠近实验室', campus: 'east' });
    for (const m of MEMBERS) {
      const inbox = (await t.request({ method: 'GET', url: '/api/v1/tasks?box=todo&pageSize=100', as: s[REVIEWER[m]!] })).json().items;
      expect(inbox.some((x: any) => x.case.id === byMember[m].id), m).toBe(true);
    }

    // "My cases" lists the bundle once, with its children.
    const mine = (await t.request({ method: 'GET', url: '/api/v1/cases', as: s.newteacher })).json().items;
    expect(mine.filter((c: any) => c.id === parent.id)[0].children.map((c: any) => c.member.key)).toEqual(MEMBERS);
    expect(mine.some((c: any) => c.id === byMember.hr.id)).toBe(false);
  });

  it('shows someone else\'s bundle as missing and refuses to act on the parent itself', async () => {
    const parent = (await submit(s.newteacher, { service: 'new-staff-onboarding', data: ONBOARDING })).json();
    expectProblem(await getCase(s.teacher, parent.id), 404, 'case_not_found');
    expectProblem(await getCase(s.reviewer, parent.id), 404, 'case_not_found');
    expectProblem(await t.request({ method: 'GET', url: `/api/v1/cases/${parent.id}` }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${parent.id}/withdraw`, as: s.teacher, body: {} }), 404, 'case_not_found');
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${parent.id}/withdraw`, as: s.newteacher, body: {} }), 422, 'action_not_allowed');
  });

  it('follows its children: waiting while one is returned, completed only when the last one is', async () => {
    const parent = (await submit(s.newteacher, { service: 'new-staff-onboarding', data: ONBOARDING })).json();
    const byMember = Object.fromEntries(parent.bundle.children.map((c: any) => [c.member.key, c.id]));
    // IT returns the account name; the bundle waits on the applicant until it is corrected.
    const net = (await getCase(s.itreviewer, byMember.network)).json();
    const task = net.tasks.find((x: any) => x.state === 'open');
    const ret = await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/actions`, as: s.itreviewer, body: { action: 'return', version: task.version, problems: [{ field: 'account', message: '该账号名已被占用' }] } });
    expect(ret.statusCode, ret.body).toBe(200);
    const waiting = (await getCase(s.newteacher, parent.id)).json();
    expect(waiting.status).toBe('waiting_applicant');
    // The bundle's promised limit (5 working days) and the returned part's (1) both pause while it waits.
    const today = chinaDate(nowIso());
    expect(waiting.promise).toMatchObject({ limit: 5, unit: 'working_day', pausedSince: today, status: 'normal' });
    expect((await getCase(s.newteacher, byMember.network)).json().promise).toMatchObject({ limit: 1, pausedSince: today });
    // The office part promises what it agreed to within the bundle (5), not 公用房使用申请's own 20, and no part outruns the bundle.
    expect((await getCase(s.newteacher, byMember.office)).json().promise).toMatchObject({ limit: 5, unit: 'working_day', dueDate: parent.promise.dueDate });
    // The bundle lists each part with its own promised date and light (the returned part's clock paused).
    const parts = Object.fromEntries(waiting.bundle.children.map((c: any) => [c.member.key, c]));
    const network = (await getCase(s.newteacher, byMember.network)).json();
    expect(parts.network.promise).toEqual({ dueDate: network.promise.dueDate, paused: true, status: 'normal' });
    expect(parts.office.promise).toEqual({ dueDate: parent.promise.dueDate, paused: false, status: 'normal' });
    const fixed = await t.request({ method: 'POST', url: `/api/v1/cases/${byMember.network}/resubmit`, as: s.newteacher, body: { data: { account: 'linxiao2' } } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resumed = (await getCase(s.newteacher, parent.id)).json();
    expect(resumed.status).toBe('running');
    expect(resumed.promise).toMatchObject({ pausedSince: null, pausedDays: 0, dueDate: parent.promise.dueDate });

    for (const m of MEMBERS.slice(0, 4)) await approveChild(m, byMember[m]);
    let now = (await getCase(s.newteacher, parent.id)).json();
    expect(now.status).toBe('running');
    expect(now.bundle.children.filter((c: any) => c.status === 'completed')).toHaveLength(4);
    await approveChild('office', byMember.office);
    now = (await getCase(s.newteacher, parent.id)).json();
    expect(now.status).toBe('completed');
    expect(now.finishedAt).not.toBeNull();
    expect(now.timeline.map((e: any) => e.type)).toEqual(['start', 'completed']);
  });

  it('completes when the last two children are approved at the same moment', async () => {
    const parent = (await submit(s.newteacher, { service: 'new-staff-onboarding', data: ONBOARDING })).json();
    const byMember = Object.fromEntries(parent.bundle.children.map((c: any) => [c.member.key, c.id]));
    for (const m of MEMBERS.slice(0, 3)) await approveChild(m, byMember[m]);
    await Promise.all(MEMBERS.slice(3).map((m) => approveChild(m, byMember[m])));
    expect((await getCase(s.newteacher, parent.id)).json().status).toBe('completed');
  });

  it('lets a window clerk file the bundle for the new teacher (代办), and refuses a process on the bundle itself', async () => {
    const clerk = await t.login('clerk');
    const res = await submit(clerk, { service: 'new-staff-onboarding', data: ONBOARDING, applicant: 'newteacher' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ applicant: { name: '林晓' }, onBehalfOf: { name: expect.any(String) } });
    const hradmin = await t.login('hradmin');
    const put = await t.request({ method: 'PUT', url: '/api/v1/admin/services/new-staff-onboarding/process', as: hradmin, body: {
      form: { fields: [{ key: 'x', type: 'text', label: { zh: '甲', en: 'x' } }] },
      process: { start: 'a', steps: [{ id: 'a', name: { zh: '甲', en: 'a' }, kind: 'approval', assignee: { kind: 'role', role: 'dept_reviewer', scope: 'owning_department' } }] },
    } });
    expect(expectProblem(put, 400, 'validation_failed').errors![0]!.message).toMatch(/life-event bundle/);
  });

  it('marks the bundle rejected once a rejected child leaves nothing else open', async () => {
    const parent = (await submit(s.newteacher, { service: 'new-staff-onboarding', data: ONBOARDING })).json();
    const byMember = Object.fromEntries(parent.bundle.children.map((c: any) => [c.member.key, c.id]));
    const office = (await getCase(s.csdean, byMember.office)).json();
    const task = office.tasks.find((x: any) => x.state === 'open');
    await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/actions`, as: s.csdean, body: { action: 'reject', version: task.version, reason: '学院暂无空余用房' } });
    expect((await getCase(s.newteacher, parent.id)).json().status).toBe('running');
    for (const m of MEMBERS.slice(0, 4)) await approveChild(m, byMember[m]);
    const done = (await getCase(s.newteacher, parent.id)).json();
    expect(done.status).toBe('rejected');
    expect(done.bundle.children.map((c: any) => c.status)).toEqual(['completed', 'completed', 'completed', 'completed', 'rejected']);
  });

  it('creates all or nothing: a child that cannot be stored leaves no parent, no child, no task and no key', async () => {
    // Block the number the fifth child would take, so its insert fails half-way through the transaction.
    const year = Number(chinaDate(nowIso()).slice(0, 4));
    const last = Number((await db().selectFrom('case_counter').select('last').where('year', '=', year).executeTakeFirstOrThrow()).last);
    const teacher = (await db().selectFrom('person').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow()).id;
    const blocker = newId();
    await db().insertInto('workflow_case').values({
      id: blocker, number: `${year}-${String(last + 6).padStart(6, '0')}`, service_code: 'leave-request', department_code: 'hr',
      form_version: 1, process_version: 1, applicant_id: teacher, on_behalf_of: null, status: 'withdrawn', state: '{}', data: '{}',
      visits: 0, rev: 1, created_at: nowIso(), updated_at: nowIso(), finished_at: nowIso(),
    }).execute();
    const before = await counts();
    const k = key();
    expect((await submit(s.newteacher, { service: 'new-staff-onboarding', data: ONBOARDING }, k)).statusCode).toBe(500);
    expect(await counts()).toEqual(before);
    expect(Number((await db().selectFrom('case_counter').select('last').where('year', '=', year).executeTakeFirstOrThrow()).last)).toBe(last);

    // Once the obstacle is gone, the same key goes through.
    await db().deleteFrom('workflow_case').where('id', '=', blocker).execute();
    const ok = await submit(s.newteacher, { service: 'new-staff-onboarding', data: ONBOARDING }, k);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().bundle.children).toHaveLength(5);
  });
});
