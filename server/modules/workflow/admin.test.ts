import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { newId } from '../../clock.ts';

const LEAVING = { kind: 'resign', lastDay: '2026-12-31', reason: '家庭原因', handover: '已交接' };

describe.each(DIALECTS)('process administration, visits and self-approval on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['hradmin', 'finadmin', 'teacher', 'csdean', 'clerk', 'reviewer']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const path = '/api/v1/admin/services/staff-leaving/process';
  const submit = (as: Session, service: string, data: unknown) =>
    t.request({ method: 'POST', url: '/api/v1/cases', as, body: { service, data }, headers: { 'idempotency-key': newId() } });

  it('shows the current versions to the owning department only', async () => {
    expectProblem(await t.request({ method: 'GET', url: path }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'GET', url: path, as: s.finadmin }), 404, 'service_not_found');
    expectProblem(await t.request({ method: 'GET', url: path, as: s.teacher }), 404, 'service_not_found');
    const res = await t.request({ method: 'GET', url: path, as: s.hradmin });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ current: { form: { version: 1 }, process: { version: 1 } }, processVersions: [{ version: 1 }] });
  });

  it('refuses a process with a cycle or unknown units and changes nothing; a dry run only reports', async () => {
    const cur = (await t.request({ method: 'GET', url: path, as: s.hradmin })).json().current;
    const cyclic = { ...cur.process.definition, steps: cur.process.definition.steps.map((x: any) => (x.id === 'hr' ? { ...x, next: 'unit' } : x)) };
    const bad = expectProblem(await t.request({ method: 'PUT', url: path, as: s.hradmin, body: { form: cur.form.definition, process: cyclic } }), 400, 'validation_failed');
    expect(bad.errors!.some((e) => /构成循环/.test(e.message))).toBe(true);
    const badEn = expectProblem(await t.request({ method: 'PUT', url: `${path}?lang=en`, as: s.hradmin, body: { form: cur.form.definition, process: cyclic } }), 400, 'validation_failed');
    expect(badEn.errors!.some((e) => /close a cycle/.test(e.message))).toBe(true);
    const ghost = { ...cur.process.definition, steps: cur.process.definition.steps.map((x: any) => (x.id === 'hr' ? { ...x, assignee: { kind: 'role', role: 'dept_reviewer', scope: 'unit', unit: 'nowhere' } } : x)) };
    expectProblem(await t.request({ method: 'PUT', url: path, as: s.hradmin, body: { form: cur.form.definition, process: ghost } }), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'PUT', url: path, as: s.hradmin, body: { form: cur.form.definition, process: { start: 'a', steps: [] } } }), 400, 'validation_failed');
    const dry = await t.request({ method: 'PUT', url: `${path}?dryRun=true`, as: s.hradmin, body: { form: cur.form.definition, process: cyclic } });
    expect(dry.json()).toMatchObject({ published: null });
    expect((await t.request({ method: 'GET', url: path, as: s.hradmin })).json().processVersions).toHaveLength(1);
  });

  it('ties form findings to their field in the request language; a refused publish changes nothing', async () => {
    const cur = (await t.request({ method: 'GET', url: path, as: s.hradmin })).json().current;
    const fields = [...cur.form.definition.fields, { key: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, visibleIf: "kind == 'resign' and (" }];
    const body = { form: { fields }, process: cur.process.definition };
    const at = `/form/fields/${fields.length - 1}/visibleIf`;
    const zh = (await t.request({ method: 'PUT', url: `${path}?dryRun=true`, as: s.hradmin, body })).json();
    expect(zh.problems).toContainEqual({ severity: 'error', path: at, message: expect.stringMatching(/^字段 note：显示条件/) });
    const en = (await t.request({ method: 'PUT', url: `${path}?dryRun=true&lang=en`, as: s.hradmin, body })).json();
    expect(en.problems).toContainEqual({ severity: 'error', path: at, message: expect.stringMatching(/^field 'note': the condition/) });
    const refused = expectProblem(await t.request({ method: 'PUT', url: path, as: s.hradmin, body }), 400, 'validation_failed');
    expect(refused.errors).toContainEqual({ path: at, message: expect.stringMatching(/^字段 note/) });
    // A condition naming no field is only a warning: the dry run says so, publishing would go ahead.
    const typo = { form: { fields: [...cur.form.definition.fields, { key: 'note', type: 'text', label: { zh: '备注', en: '' }, visibleIf: "knd == 'x'" }] }, process: cur.process.definition };
    const warned = (await t.request({ method: 'PUT', url: `${path}?dryRun=true`, as: s.hradmin, body: typo })).json();
    expect(warned).toMatchObject({ published: null, problems: [{ severity: 'warning', path: at }] });
    expectProblem(await t.request({ method: 'PUT', url: `${path}?dryRun=true`, as: s.finadmin, body: typo }), 404, 'service_not_found');
    expectProblem(await t.request({ method: 'PUT', url: `${path}?dryRun=true`, body: typo }), 401, 'unauthenticated');
    expect((await t.request({ method: 'GET', url: path, as: s.hradmin })).json().formVersions).toHaveLength(1);
  });

  it('publishes a new version; running cases keep the one they started with; the diff shows the change', async () => {
    const running = (await submit(s.teacher, 'staff-leaving', LEAVING)).json();
    const cur = (await t.request({ method: 'GET', url: path, as: s.hradmin })).json().current;
    // Version 2 drops HR's approval step.
    const shorter = { ...cur.process.definition, steps: cur.process.definition.steps.filter((x: any) => x.id !== 'hr').map((x: any) => (x.id === 'clearance' ? { ...x, next: 'transfer' } : x)) };
    const res = await t.request({ method: 'PUT', url: path, as: s.hradmin, body: { form: cur.form.definition, process: shorter } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().published).toEqual({ form: 2, process: 2 });
    const fresh = (await submit(s.teacher, 'staff-leaving', LEAVING)).json();
    expect([running.processVersion, fresh.processVersion]).toEqual([1, 2]);
    const diff = (await t.request({ method: 'GET', url: `${path}/diff?kind=process&from=1&to=2`, as: s.hradmin })).json();
    expect(diff.changes.length).toBeGreaterThan(0);
    // The running case still walks version 1, HR step included.
    const form = (await t.request({ method: 'GET', url: '/api/v1/services/staff-leaving/form' })).json();
    expect(form.process.version).toBe(2);
    const c = (await t.request({ method: 'GET', url: `/api/v1/cases/${running.id}`, as: s.csdean })).json();
    expect(c.processVersion).toBe(1);
  });

  it('diffs form versions field by field (by key), and names who published', async () => {
    const cur = (await t.request({ method: 'GET', url: path, as: s.hradmin })).json().current;
    const fields = [...cur.form.definition.fields];
    // A new first field: every other field keeps its key, so only the order and the new field differ.
    fields.unshift({ key: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, maxLength: 100 });
    const res = await t.request({ method: 'PUT', url: path, as: s.hradmin, body: { form: { fields }, process: cur.process.definition } });
    expect(res.statusCode, res.body).toBe(200);
    const to = res.json().published.form as number;
    const diff = (await t.request({ method: 'GET', url: `${path}/diff?kind=form&from=${to - 1}&to=${to}`, as: s.hradmin })).json();
    expect(diff.changes.map((c: any) => c.path)).toEqual(['order', 'fields.note']);
    expect(diff.changes[1]).toMatchObject({ before: null, after: { key: 'note', maxLength: 100 } });
    expectProblem(await t.request({ method: 'GET', url: `${path}/diff?kind=form&from=${to - 1}&to=${to}`, as: s.finadmin }), 404, 'service_not_found');
    expectProblem(await t.request({ method: 'GET', url: `${path}/diff?kind=form&from=0&to=${to}`, as: s.hradmin }), 400, 'validation_failed');
    const history = (await t.request({ method: 'GET', url: path, as: s.hradmin })).json();
    expect(history.formVersions[0]).toMatchObject({ version: to, createdBy: '杨慧敏' });
    expect(history.formVersions.at(-1)).toMatchObject({ version: 1, createdBy: null });
  });

  it('lets window clerks count in-person visits, and no one else', async () => {
    const c = (await submit(s.teacher, 'staff-leaving', LEAVING)).json();
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/visits`, as: s.teacher, body: {} }), 403, 'forbidden');
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/cases/${newId()}/visits`, as: s.clerk, body: {} }), 404, 'case_not_found');
    const res = await t.request({ method: 'POST', url: `/api/v1/cases/${c.id}/visits`, as: s.clerk, body: { note: '交还工作证' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().visits).toBe(1);
    expect(res.json().timeline.at(-1)).toMatchObject({ type: 'visit', text: '交还工作证', actor: { name: '陈晓燕' } });
    expect((await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: s.teacher })).json().visits).toBe(1);
  });

  it('never lets anyone decide on their own application', async () => {
    const own = (await submit(s.csdean, 'staff-leaving', LEAVING)).json();
    const task = own.tasks[0];
    expect(task.assignee).toMatchObject({ kind: 'role', org: { code: 'cs' } });
    const inbox = (await t.request({ method: 'GET', url: '/api/v1/tasks', as: s.csdean })).json().items;
    expect(inbox.some((x: any) => x.case.id === own.id)).toBe(false);
    expectProblem(await t.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/actions`, as: s.csdean, body: { action: 'approve', version: 1 } }), 403, 'forbidden');
  });
});
