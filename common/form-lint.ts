// Lint of a form definition: mistakes its JSON Schema cannot catch, each tied to the field (a JSON pointer
// into the definition, "/fields/3/visibleIf") so the form builder can show it beside that field, and worded
// in both languages. Errors refuse publishing; warnings (a condition naming no field) only inform.
import type { FormColumn, FormDefinition, FormField } from './form.ts';
import { parseExpression, type Expr } from './expression.ts';

export type FormLintCode =
  | 'options_missing' | 'pattern_invalid' | 'visible_if_invalid' | 'visible_if_unknown' | 'min_above_max'
  | 'reserved_key' | 'duplicate_key' | 'table_needs_columns' | 'columns_only_tables' | 'duplicate_column'
  | 'computed_type' | 'computed_not_table' | 'computed_not_number_column';

export interface FormLintFinding {
  severity: 'error' | 'warning';
  /** JSON pointer into the definition: "/fields/2", "/fields/2/visibleIf", "/fields/4/columns/1/pattern". */
  path: string;
  code: FormLintCode;
  /** `field` is the field (or "table.column") the finding is about; the rest fill the message. */
  params: Record<string, string | number>;
}

const MESSAGES: Record<FormLintCode, { zh: string; en: string }> = {
  options_missing: { zh: '选择题必须有选项', en: 'a choice field needs options' },
  pattern_invalid: { zh: '格式要求（正则表达式）写法有误', en: 'the pattern is not a valid regular expression' },
  visible_if_invalid: { zh: '显示条件“{expr}”在第 {position} 个字符处写得不对', en: "the condition '{expr}' is malformed at character {position} ({error})" },
  visible_if_unknown: { zh: '显示条件提到的“{name}”不是本表单的字段，条件将始终不成立', en: "the condition names '{name}', which is not a field of this form; it will never hold" },
  min_above_max: { zh: '最小值大于最大值', en: 'min is above max' },
  reserved_key: { zh: '__proto__、constructor、prototype 不能用作字段名', en: "'__proto__', 'constructor' and 'prototype' cannot be keys" },
  duplicate_key: { zh: '字段名“{key}”重复', en: "the key '{key}' is used twice" },
  table_needs_columns: { zh: '表格必须至少有一列', en: 'a table needs columns' },
  columns_only_tables: { zh: '只有表格才有列', en: 'only tables have columns' },
  duplicate_column: { zh: '列名“{key}”重复', en: "the column '{key}' is used twice" },
  computed_type: { zh: '只有数字和金额字段可以自动计算', en: 'only number and money fields are computed' },
  computed_not_table: { zh: '“{table}”不是表格字段', en: "'{table}' is not a table field" },
  computed_not_number_column: { zh: '“{column}”不是表格“{table}”中的数字或金额列', en: "'{column}' is not a number column of '{table}'" },
};

/** The finding in words, prefixed with the field it is about: "字段 reason：…", "field 'reason': …". */
export function formLintMessage(f: FormLintFinding, lang: 'zh-CN' | 'en'): string {
  const m = MESSAGES[f.code];
  const text = (lang === 'en' ? m.en : m.zh).replace(/\{(\w+)\}/g, (_, k: string) => String(f.params[k] ?? ''));
  return lang === 'en' ? `field '${f.params.field}': ${text}` : `字段 ${f.params.field}：${text}`;
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first segment of every path a condition reads ("kind", "legs" of `legs.0.amount`). */
function namesIn(e: Expr, out: Set<string>): Set<string> {
  if (e.kind === 'path') out.add(e.path[0]!);
  else if (e.kind === 'not') namesIn(e.operand, out);
  else if (e.kind !== 'literal') { namesIn(e.left, out); namesIn(e.right, out); }
  return out;
}

/** Every finding of a definition, in field order; no errors means it may be published. */
export function lintFormFindings(def: FormDefinition): FormLintFinding[] {
  const out: FormLintFinding[] = [];
  const topKeys = new Set(def.fields.map((f) => f.key));
  const fieldByKey = new Map(def.fields.map((f) => [f.key, f]));
  const add = (severity: FormLintFinding['severity'], path: string, code: FormLintCode, field: string, params: Record<string, string | number> = {}) =>
    out.push({ severity, path, code, params: { field, ...params } });

  // `known`: the names a condition may read (the form's fields; in a table row, also the row's columns).
  const checkField = (f: FormField | FormColumn, path: string, name: string, known: Set<string>) => {
    if ((f.type === 'select' || f.type === 'multiselect') && !f.options?.length) add('error', `${path}/options`, 'options_missing', name);
    if (f.pattern) {
      try { new RegExp(f.pattern, 'u'); } catch { add('error', `${path}/pattern`, 'pattern_invalid', name); }
    }
    if (f.visibleIf) {
      const p = parseExpression(f.visibleIf);
      if (!p.ok) add('error', `${path}/visibleIf`, 'visible_if_invalid', name, { expr: f.visibleIf, error: p.error, position: p.position + 1 });
      else for (const n of namesIn(p.expr, new Set())) if (!known.has(n)) add('warning', `${path}/visibleIf`, 'visible_if_unknown', name, { name: n });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) add('error', `${path}/max`, 'min_above_max', name);
  };

  const seen = new Set<string>();
  def.fields.forEach((f, i) => {
    const path = `/fields/${i}`;
    if (RESERVED_KEYS.has(f.key) || f.columns?.some((c) => RESERVED_KEYS.has(c.key))) add('error', `${path}/key`, 'reserved_key', f.key);
    if (seen.has(f.key)) add('error', `${path}/key`, 'duplicate_key', f.key, { key: f.key });
    seen.add(f.key);
    checkField(f, path, f.key, topKeys);
    if (f.type === 'table' && !f.columns?.length) add('error', `${path}/columns`, 'table_needs_columns', f.key);
    if (f.type !== 'table' && f.columns) add('error', `${path}/columns`, 'columns_only_tables', f.key);
    const colKeys = new Set<string>();
    const rowKnown = new Set([...topKeys, ...(f.columns ?? []).map((c) => c.key)]);
    (f.columns ?? []).forEach((c, j) => {
      if (colKeys.has(c.key)) add('error', `${path}/columns/${j}/key`, 'duplicate_column', f.key, { key: c.key });
      colKeys.add(c.key);
      checkField(c, `${path}/columns/${j}`, `${f.key}.${c.key}`, rowKnown);
    });
    if (f.computed) {
      const { table, column } = f.computed.sum;
      const t = fieldByKey.get(table);
      const col = t?.columns?.find((c) => c.key === column);
      if (f.type !== 'number' && f.type !== 'money') add('error', `${path}/type`, 'computed_type', f.key);
      if (!t || t.type !== 'table') add('error', `${path}/computed`, 'computed_not_table', f.key, { table });
      else if (!col || (col.type !== 'number' && col.type !== 'money')) add('error', `${path}/computed`, 'computed_not_number_column', f.key, { table, column });
    }
  });
  return out;
}
