// Process lint in both languages (common/process-lint.ts), and the catalog check: a process whose own promised
// limit disagrees with the service item's is warned about (not refused), in the request's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { limitWords, processLintMessage, promisedLimitMismatch, type ProcessLintCode } from '../../../common/process-lint.ts';
import { lintDefinition, type ProcessDefinition } from './definition.ts';

describe('process lint words', () => {
  const n = (s: string) => ({ zh: s, en: s });
  const broken = {
    start: 'a',
    steps: [
      { id: 'a', name: n('a'), kind: 'approval', assignee: { kind: 'person', personId: 'x' }, next: [{ to: 'b', when: 'x ==' }] },
      { id: 'b', name: n('b'), kind: 'parallel', branches: [], next: 'a' },
      { id: 'a', name: n('a'), kind: 'applicant', next: 'nowhere' },
      { id: 'z', name: n('z'), kind: 'applicant' },
    ],
  } as unknown as ProcessDefinition;

  it('words every finding in Chinese and English with nothing left unfilled, keeping the English message', () => {
    const found = lintDefinition(broken);
    expect(new Set(found.map((f) => f.code))).toEqual(new Set(['duplicate_step', 'unknown_step', 'bad_expression', 'no_default_transition', 'empty_parallel', 'unreachable']));
    for (const f of found) {
      expect(f.message).toBe(processLintMessage(f, 'en'));
      for (const lang of ['zh-CN', 'en']) expect(processLintMessage(f, lang)).not.toMatch(/\{\w+\}/);
    }
    expect(processLintMessage({ code: 'cycle', params: { step: 'b', to: 'a' } }, 'zh-CN')).toBe('步骤“b”→“a”构成循环');
    expect(processLintMessage({ code: 'unknown_step', params: { to: 'q' } }, 'en')).toBe("start step 'q' does not exist");
    expect(processLintMessage({ code: 'too_many_approvals', params: { count: 6, max: 5 } }, 'zh-CN')).toContain('6 个审批环节');
  });

  it('finds a promise that disagrees with the catalog only when the process has one of its own', () => {
    const codes: ProcessLintCode[] = ['promised_limit_mismatch'];
    expect(codes).toHaveLength(1);
    expect(promisedLimitMismatch({ promisedLimitDays: 3 }, { value: 3, unit: 'working_day' })).toBeNull();
    expect(promisedLimitMismatch({}, { value: 3, unit: 'working_day' })).toBeNull();
    expect(promisedLimitMismatch({ promisedLimitDays: 3 }, null)).toBeNull();
    expect(promisedLimitMismatch({ promisedLimitDays: 3 }, { value: 0, unit: 'working_day' })).toEqual({ process: 3, item: { value: 0, unit: 'working_day' } });
    expect(promisedLimitMismatch({ promisedLimitDays: 30 }, { value: 30, unit: 'natural_day' })).not.toBeNull();
    expect(limitWords({ value: 30, unit: 'natural_day' }, 'zh-CN')).toBe('30 个自然日');
    expect(limitWords({ value: 1, unit: 'working_day' }, 'en')).toBe('1 working day');
  });
});

describe.each(DIALECTS)('process lint over HTTP on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['hradmin', 'finadmin']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });
  const path = '/api/v1/admin/services/staff-leaving/process';

  it('warns when the process promises other than the service item, in the request language, and still publishes', async () => {
    const cur = (await t.request({ method: 'GET', url: path, as: s.hradmin })).json().current;
    const body = { form: cur.form.definition, process: { ...cur.process.definition, promisedLimitDays: 99 } };
    const zh = (await t.request({ method: 'PUT', url: `${path}?dryRun=true`, as: s.hradmin, body })).json();
    expect(zh.problems).toContainEqual({ severity: 'warning', path: '/process', message: expect.stringMatching(/^流程承诺办结时限为 99 个工作日，与事项公布的承诺时限（\d+ 个(工作日|自然日)）不一致/) });
    const en = (await t.request({ method: 'PUT', url: `${path}?dryRun=true&lang=en`, as: s.hradmin, body })).json();
    expect(en.problems).toContainEqual({ severity: 'warning', path: '/process', message: expect.stringMatching(/^the process promises 99 working days, but the service item publishes \d+ (working|calendar) days?/) });
    expectProblem(await t.request({ method: 'PUT', url: `${path}?dryRun=true`, as: s.finadmin, body }), 404, 'service_not_found');
    expectProblem(await t.request({ method: 'PUT', url: `${path}?dryRun=true`, body }), 401, 'unauthenticated');
    const published = await t.request({ method: 'PUT', url: path, as: s.hradmin, body });
    expect(published.statusCode, published.body).toBe(200);
    const history = (await t.request({ method: 'GET', url: `${path}?lang=en`, as: s.hradmin })).json();
    expect(history.lint).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'promised_limit_mismatch', message: expect.stringMatching(/^the process promises 99/) }));
    // The demo's own processes agree with their items: the current pair of another service has no such warning.
    const other = (await t.request({ method: 'GET', url: '/api/v1/admin/services/leave-request/process', as: s.hradmin })).json();
    expect(other.lint.map((l: { code: string }) => l.code)).not.toContain('promised_limit_mismatch');
  });
});
