import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { formLintMessage, lintFormFindings } from './form-lint.ts';
import { formRuleProblems, formToJsonSchema, isVisible, lintForm, prefillFromProfile, prepareFormData, type FormDefinition } from './form.ts';

const L = (zh: string) => ({ zh, en: zh });
const travel: FormDefinition = {
  fields: [
    { key: 'name', type: 'text', label: L('姓名'), binding: 'name', required: true },
    { key: 'bankCard', type: 'text', label: L('银行卡号'), binding: 'bankCard', required: true, pattern: '^[0-9]{16,19}$' },
    { key: 'kind', type: 'select', label: L('类型'), required: true, options: [{ value: 'a', label: L('甲') }, { value: 'b', label: L('乙') }] },
    { key: 'why', type: 'text', label: L('说明'), required: true, visibleIf: "kind == 'b'" },
    { key: 'period', type: 'dateRange', label: L('日期') },
    { key: 'legs', type: 'table', label: L('行程'), required: true, columns: [
      { key: 'to', type: 'text', label: L('目的地'), required: true },
      { key: 'amount', type: 'money', label: L('金额'), required: true },
    ] },
    { key: 'total', type: 'money', label: L('合计'), computed: { sum: { table: 'legs', column: 'amount' } } },
    { key: 'audit', type: 'textarea', label: L('大额说明'), required: true, visibleIf: 'total > 100000' },
    { key: 'tags', type: 'multiselect', label: L('标签'), options: [{ value: 'x', label: L('x') }] },
  ],
};
const ajv = new Ajv({ allErrors: true, strict: false });
const check = (data: Record<string, unknown>) => {
  const v = ajv.compile(formToJsonSchema(travel, data));
  return v(data) ? [] : v.errors!.map((e) => `${e.instancePath}${e.keyword === 'required' ? `/${e.params.missingProperty}` : ''}:${e.keyword}`);
};

describe('forms', () => {
  it('fills bound fields from the records (the record wins), recomputes totals and drops hidden fields', () => {
    const d = prepareFormData(travel, { name: '冒名', kind: 'a', why: 'hidden', legs: [{ to: '北京', amount: 300 }, { to: '上海', amount: 200 }], total: 1 }, { name: '王明远', bankCard: '6222020000000000' });
    expect(d).toEqual({ name: '王明远', bankCard: '6222020000000000', kind: 'a', legs: [{ to: '北京', amount: 300 }, { to: '上海', amount: 200 }], total: 500 });
    expect(check(d)).toEqual([]);
  });

  it('keeps what the applicant typed where the record is empty, and checks it', () => {
    const d = prepareFormData(travel, { bankCard: '12', kind: 'a', legs: [{ to: 'x', amount: 1 }] }, { name: '王' });
    expect(check(d)).toEqual(['/bankCard:pattern']);
  });

  it('requires a field only while it is visible, including visibility that depends on a computed total', () => {
    const small = prepareFormData(travel, { kind: 'b', legs: [{ to: 'x', amount: 100 }] }, { name: 'a', bankCard: '6222020000000000' });
    expect(check(small)).toEqual(['/why:required']);
    const big = prepareFormData(travel, { kind: 'a', legs: [{ to: 'x', amount: 100_001 }] }, { name: 'a', bankCard: '6222020000000000' });
    expect(check(big)).toEqual(['/audit:required']);
    expect(isVisible(travel.fields[7]!, big)).toBe(true);
  });

  it('refuses unknown fields, wrong types, bad rows, fractional cents and unknown options', () => {
    const d = { name: 'a', bankCard: '6222020000000000', kind: 'c', legs: [{ to: '', amount: 1.5, extra: 1 }], tags: ['x', 'x'], hobby: 1 };
    expect(check(d).sort()).toEqual([':additionalProperties', '/kind:enum', '/legs/0:additionalProperties', '/legs/0/amount:type', '/legs/0/to:minLength', '/tags:uniqueItems'].sort());
    expect(check({ name: 'a', bankCard: '6222020000000000', kind: 'a', legs: [] })).toEqual(['/legs:minItems']);
  });

  it('refuses "__proto__" and other unknown keys by name instead of letting them change the object', () => {
    const d = prepareFormData(travel, JSON.parse('{"kind":"a","legs":[{"to":"x","amount":1}],"__proto__":{"polluted":true}}'), { name: 'a', bankCard: '6222020000000000' });
    expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
    expect(check(d)).toEqual([':additionalProperties']);
  });

  it('finds date ranges that end before they start', () => {
    expect(formRuleProblems(travel, { period: { start: '2026-02-01', end: '2026-01-31' } })).toEqual([{ path: '/period', code: 'range_order' }]);
    expect(formRuleProblems(travel, { period: { start: '2026-02-01', end: '2026-02-01' } })).toEqual([]);
  });

  it('prefills from the records and says which values came from there', () => {
    const withDefault: FormDefinition = { fields: [...travel.fields, { key: 'lang', type: 'select', label: L('语言'), default: 'zh', options: [{ value: 'zh', label: L('中文') }] }] };
    expect(prefillFromProfile(withDefault, { name: '王明远', bankCard: '' })).toEqual({ values: { name: '王明远', lang: 'zh' }, fromRecords: ['name'] });
  });

  it('lints definitions: duplicate keys, bad conditions, bad patterns, computed fields over nothing', () => {
    const bad: FormDefinition = { fields: [
      { key: 'a', type: 'text', label: L('a'), visibleIf: 'kind ==', pattern: '(' },
      { key: 'a', type: 'select', label: L('b') },
      { key: 't', type: 'money', label: L('t'), computed: { sum: { table: 'a', column: 'x' } } },
    ] };
    const p = lintForm(bad);
    expect(p).toHaveLength(5);
    expect(lintForm(travel)).toEqual([]);
  });

  it('ties each lint finding to its field, in both languages; a condition naming no field is a warning', () => {
    const def: FormDefinition = { fields: [
      { key: 'kind', type: 'select', label: L('类型'), options: [{ value: 'a', label: L('甲') }] },
      { key: 'note', type: 'text', label: L('说明'), visibleIf: "kind == 'a' and knd != null" },
      { key: 'legs', type: 'table', label: L('行程'), columns: [{ key: 'x', type: 'number', label: L('x'), visibleIf: 'x > 1 and (' }] },
    ] };
    const found = lintFormFindings(def);
    expect(found.map((f) => [f.severity, f.path, f.code])).toEqual([
      ['warning', '/fields/1/visibleIf', 'visible_if_unknown'],
      ['error', '/fields/2/columns/0/visibleIf', 'visible_if_invalid'],
    ]);
    expect(formLintMessage(found[0]!, 'zh-CN')).toBe('字段 note：显示条件提到的“knd”不是本表单的字段，条件将始终不成立');
    expect(formLintMessage(found[1]!, 'en')).toBe("field 'legs.x': the condition 'x > 1 and (' is malformed at character 12 (unexpected end of expression)");
    expect(lintForm(def)).toHaveLength(1);
  });
});
