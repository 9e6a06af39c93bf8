// Two admins publishing the same service's form and process at once: the editor sends the versions it started
// from; a publish over a newer version is refused with 409 definition_changed (translated) and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';

describe.each(DIALECTS)('publishing over someone else\'s newer version on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['hradmin', 'finadmin', 'teacher']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });

  const path = '/api/v1/admin/services/staff-leaving/process';
  const load = async () => (await t.request({ method: 'GET', url: path, as: s.hradmin })).json();
  const put = (body: unknown, as: Session | undefined = s.hradmin, lang = '') => t.request({ method: 'PUT', url: `${path}${lang}`, as, body });

  it('publishes when the versions are still current, refuses the second of two editors, and changes nothing', async () => {
    const start = await load();
    const expectedVersions = { form: start.current.form.version, process: start.current.process.version };
    const edited = (label: string) => ({ ...start.current.form.definition, fields: start.current.form.definition.fields.map((f: any, i: number) => i === 0 ? { ...f, label: { zh: label, en: label } } : f) });
    // Both opened the same versions; the first publish wins.
    const first = await put({ form: edited('甲'), process: start.current.process.definition, expectedVersions });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().published).toEqual({ form: expectedVersions.form + 1, process: expectedVersions.process + 1 });
    const second = await put({ form: edited('乙'), process: start.current.process.definition, expectedVersions });
    const p = expectProblem(second, 409, 'definition_changed');
    expect(p.detail).toContain(`第 ${expectedVersions.form + 1} 版`);
    const en = expectProblem(await put({ form: edited('乙'), process: start.current.process.definition, expectedVersions }, s.hradmin, '?lang=en'), 409, 'definition_changed');
    expect(en.detail).toContain(`form version ${expectedVersions.form + 1}`);
    const after = await load();
    expect(after.current.form.version).toBe(expectedVersions.form + 1);
    expect(after.current.form.definition.fields[0].label.zh).toBe('甲');
    // A dry run only lints, whatever the versions; reloading and publishing again works.
    expect((await put({ form: edited('乙'), process: start.current.process.definition, expectedVersions }, s.hradmin, '?dryRun=true')).statusCode).toBe(200);
    const again = await put({ form: edited('乙'), process: after.current.process.definition, expectedVersions: { form: after.current.form.version, process: after.current.process.version } });
    expect(again.statusCode, again.body).toBe(200);
  });

  it('refuses bad expected versions, no login and someone else\'s service before looking at versions', async () => {
    const cur = (await load()).current;
    const body = (v: unknown) => ({ form: cur.form.definition, process: cur.process.definition, expectedVersions: v });
    expectProblem(await put(body({ form: -1, process: 1 })), 400, 'validation_failed');
    expectProblem(await put(body({ form: 1 })), 400, 'validation_failed');
    expectProblem(await put(body({ form: 'x', process: 1 })), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'PUT', url: path, body: body({ form: cur.form.version, process: cur.process.version }) }), 401, 'unauthenticated');
    expectProblem(await put(body({ form: cur.form.version, process: cur.process.version }), s.finadmin), 404, 'service_not_found');
    expectProblem(await put(body({ form: cur.form.version, process: cur.process.version }), s.teacher), 404, 'service_not_found');
    // A process published elsewhere (the process is sent back with the form) is a conflict too.
    expectProblem(await put(body({ form: cur.form.version, process: cur.process.version - 1 })), 409, 'definition_changed');
    expect((await load()).current.form.version).toBe(cur.form.version);
  });
});
