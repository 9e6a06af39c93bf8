// Guided navigation: the demo trees, the merged checklist, the public walk and the managers' replace —
// over HTTP on both databases, plus the pure tree checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navigatorTreeProblems, type NavigatorTree } from '../../../common/assistant.ts';
import { navigatorTrees } from '../../../demo/navigation/index.ts';
import { serviceItems } from '../../../demo/services/index.ts';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { materialKey, mergeMaterials } from './checklist.ts';

const tiny = (over: Partial<NavigatorTree> = {}): NavigatorTree => ({
  lifeEvent: 'onboarding', title: { zh: '入职', en: 'Joining' }, intro: { zh: '简介', en: 'Intro' }, start: 'q',
  nodes: [
    { id: 'q', kind: 'question', text: { zh: '需要住房吗？', en: 'Housing?' }, options: [
      { label: { zh: '是', en: 'Yes' }, next: 'end', adds: ['teacher-apartment'] },
      { label: { zh: '否', en: 'No' }, next: 'end' },
    ] },
    { id: 'end', kind: 'end', summary: { zh: '办理以下事项', en: 'Apply' }, services: ['new-staff-onboarding'] },
  ],
  ...over,
});

describe('navigation trees (pure)', () => {
  it('the demo trees are sound and name only demo services', () => {
    const codes = new Set(serviceItems.map((s) => s.code));
    expect(navigatorTrees.map((t) => t.lifeEvent)).toEqual(expect.arrayContaining(['onboarding', 'leaving', 'retirement', 'travel_abroad', 'enrollment', 'graduation']));
    for (const tree of navigatorTrees) {
      expect(navigatorTreeProblems(tree), tree.lifeEvent).toEqual([]);
      for (const n of tree.nodes) {
        const used = n.kind === 'end' ? n.services : n.options.flatMap((o) => o.adds ?? []);
        for (const c of used) expect(codes.has(c), c).toBe(true);
      }
    }
  });

  it('finds cycles, dangling answers, unreachable nodes and duplicate ids', () => {
    const cyc = tiny();
    (cyc.nodes[0] as any).options[1].next = 'q';
    expect(navigatorTreeProblems(cyc).map((p) => p.message).join()).toMatch(/cycle/);
    const dangling = tiny();
    (dangling.nodes[0] as any).options[0].next = 'nowhere';
    expect(navigatorTreeProblems(dangling)).toEqual([{ path: '/nodes/0/options/0/next', message: 'node "nowhere" does not exist' }]);
    const lonely = tiny({ nodes: [...tiny().nodes, { id: 'lost', kind: 'end', summary: { zh: 'x', en: 'x' }, services: [] }] });
    expect(navigatorTreeProblems(lonely)[0]!.message).toMatch(/cannot be reached/);
    const dup = tiny({ nodes: [...tiny().nodes, tiny().nodes[1]!] });
    expect(navigatorTreeProblems(dup)[0]!.message).toMatch(/duplicate/);
    expect(navigatorTreeProblems(tiny({ start: 'nope' }))[0]!.path).toBe('/start');
  });

  it('merges the same material asked by two services, keeping both services and the stricter form', () => {
    expect(materialKey('居民身份证')).toBe(materialKey('身份证（离职人员）'));
    const m = (zh: string, over: object = {}) => ({ name: { zh, en: zh }, required: true, form: 'copy' as const, medium: 'paper' as const, copies: 1, source: 'applicant' as const, pendingAllowed: false, ...over });
    const list = mergeMaterials([
      { code: 'a', materials: [m('居民身份证'), m('任职信息', { source: 'system' })] },
      { code: 'b', materials: [m('身份证', { form: 'original', copies: 2 }), m('任职信息', { source: 'system' }), m('照片')] },
    ]);
    expect(list).toEqual([
      expect.objectContaining({ name: { zh: '居民身份证', en: '居民身份证' }, services: ['a', 'b'], form: 'original_and_copy', copies: 2, providedBySystem: false }),
      expect.objectContaining({ name: { zh: '照片', en: '照片' }, services: ['b'] }),
      expect.objectContaining({ name: { zh: '任职信息', en: '任职信息' }, services: ['a', 'b'], providedBySystem: true }),
    ]);
  });
});

describe.each(DIALECTS)('guided navigation over HTTP on %s', (dialect) => {
  let t: TestApp;
  let manager: Session; let teacher: Session; let hradmin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    [manager, teacher, hradmin] = await Promise.all(['manager', 'teacher', 'hradmin'].map((u) => t.login(u)));
  }, 60_000);
  afterAll(async () => { await t?.close(); });
  const get = (url: string, as?: Session) => t.request({ method: 'GET', url, as });
  const put = (url: string, body: unknown, as?: Session) => t.request({ method: 'PUT', url, body, as });

  it('lists the life events with a tree and serves one tree, no sign-in needed', async () => {
    const list = (await get('/api/v1/navigator')).json().items as { lifeEvent: string; title: { zh: string } }[];
    expect(list.map((i) => i.lifeEvent)).toEqual(expect.arrayContaining(['onboarding', 'leaving', 'retirement', 'travel_abroad']));
    const tree = (await get('/api/v1/navigator/onboarding')).json();
    expect(tree).toMatchObject({ lifeEvent: 'onboarding', start: 'who', version: 1, title: { zh: '新教工入职' } });
    expectProblem(await get('/api/v1/navigator/housing'), 404, 'navigator_not_found');
    expectProblem(await get('/api/v1/navigator/nonsense'), 400, 'validation_failed');
  });

  it('ends a walk with the services to apply for and one merged checklist', async () => {
    // new staff, earlier insurance, housing, a car
    const res = await get('/api/v1/navigator/onboarding/result?choices=0.0.0.0');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.end).toBe('done-car');
    expect(r.services.map((s: { code: string }) => s.code)).toEqual([
      'new-staff-onboarding', 'staff-id-card', 'email-account', 'campus-network', 'social-insurance-transfer', 'housing-fund-transfer', 'teacher-apartment', 'vehicle-pass',
    ]);
    const idCard = r.checklist.filter((c: { name: { zh: string } }) => /身份证/.test(c.name.zh));
    expect(idCard).toHaveLength(1);
    expect(idCard[0].services).toEqual(['new-staff-onboarding', 'social-insurance-transfer']);
    const system = r.checklist.filter((c: { providedBySystem: boolean }) => c.providedBySystem);
    expect(system.length).toBeGreaterThan(0);
    // what the applicant brings comes first
    expect(r.checklist[0].providedBySystem).toBe(false);
    const short = (await get('/api/v1/navigator/onboarding/result?choices=1.1.1.1')).json();
    expect(short.services.map((s: { code: string }) => s.code)).toEqual(['postdoc-entry', 'staff-id-card', 'email-account', 'campus-network']);
  });

  it('refuses an unfinished or malformed walk', async () => {
    expectProblem(await get('/api/v1/navigator/onboarding/result?choices=0.0'), 422, 'navigator_incomplete');
    expectProblem(await get('/api/v1/navigator/onboarding/result?choices=9'), 422, 'navigator_incomplete');
    expectProblem(await get('/api/v1/navigator/onboarding/result?choices=a.b'), 400, 'validation_failed');
    expectProblem(await get('/api/v1/navigator/onboarding/result'), 400, 'validation_failed');
  });

  it('lets a hall manager replace a tree (audited), and refuses everyone else', async () => {
    expectProblem(await put('/api/v1/admin/navigator/onboarding', tiny()), 401, 'unauthenticated');
    expectProblem(await put('/api/v1/admin/navigator/onboarding', tiny(), teacher), 403, 'forbidden');
    expectProblem(await put('/api/v1/admin/navigator/onboarding', tiny(), hradmin), 403, 'forbidden');
    expectProblem(await get('/api/v1/admin/navigator', teacher), 403, 'forbidden');
    expectProblem(await get('/api/v1/admin/navigator'), 401, 'unauthenticated');
    const res = await put('/api/v1/admin/navigator/onboarding', tiny(), manager);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ lifeEvent: 'onboarding', version: 2 });
    const r = (await get('/api/v1/navigator/onboarding/result?choices=0')).json();
    expect(r.services.map((s: { code: string }) => s.code)).toEqual(['teacher-apartment', 'new-staff-onboarding']);
    const audit = await t.db.handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'navigator.replace').execute();
    expect(audit).toEqual([{ action: 'navigator.replace', entity_id: 'onboarding' }]);
    const admin = (await get('/api/v1/admin/navigator', manager)).json().items;
    expect(admin.find((i: { lifeEvent: string }) => i.lifeEvent === 'onboarding').version).toBe(2);
    // a new life event can be added
    expect((await put('/api/v1/admin/navigator/housing', tiny({ lifeEvent: 'housing' }), manager)).json()).toEqual({ lifeEvent: 'housing', version: 1 });
  });

  it('refuses a tree with a cycle, a dead end, an unknown service or the wrong life event, saving nothing', async () => {
    const cyc = tiny({ lifeEvent: 'leaving' });
    (cyc.nodes[0] as any).options[1].next = 'q';
    const bad = expectProblem(await put('/api/v1/admin/navigator/leaving', cyc, manager), 422, 'navigator_invalid');
    expect(bad.errors![0]!.message).toMatch(/cycle/);
    const unknown = tiny({ lifeEvent: 'leaving' });
    (unknown.nodes[1] as any).services = ['no-such-service'];
    expect(expectProblem(await put('/api/v1/admin/navigator/leaving', unknown, manager), 422, 'navigator_invalid').errors).toEqual([
      { path: '/nodes/1/services/0', message: 'service "no-such-service" is not published' },
    ]);
    expectProblem(await put('/api/v1/admin/navigator/leaving', tiny(), manager), 422, 'navigator_invalid');
    expectProblem(await put('/api/v1/admin/navigator/leaving', { ...tiny({ lifeEvent: 'leaving' }), extra: 1 }, manager), 400, 'validation_failed');
    expectProblem(await put('/api/v1/admin/navigator/leaving', { ...tiny({ lifeEvent: 'leaving' }), nodes: [] }, manager), 400, 'validation_failed');
    expectProblem(await put('/api/v1/admin/navigator/leaving', tiny({ lifeEvent: 'leaving', title: { zh: '<b>x</b>', en: 1 as unknown as string } }), manager), 400, 'validation_failed');
    expect((await get('/api/v1/navigator/leaving')).json().version).toBe(1);
  });
});
