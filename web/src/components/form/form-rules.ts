// The browser's own checks of a form (required, pattern, length, min/max, dates), done before submitting
// so the applicant sees every mistake at once; the server checks the same definition again with Ajv.
// Errors are keyed by JSON pointer under the data: "/reason", "/legs/0/amount".
import type { TFunction } from 'i18next';
import { formRuleProblems, isVisible, type FormColumn, type FormData, type FormDefinition, type FormField } from '../../../../common/form.ts';
import type { FieldProblem } from '../../api/client.ts';

export type FieldErrors = Record<string, string>;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether a value counts as "not filled in". */
export function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') {
    const r = v as { start?: unknown; end?: unknown };
    return !r.start && !r.end;
  }
  return false;
}

/** Cents as yuan text: 123456 → "1,234.56". */
export function formatMoney(cents: unknown): string {
  if (typeof cents !== 'number' || !Number.isFinite(cents)) return '';
  return (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Yuan typed by a person → cents; undefined for empty, NaN for text that is not an amount. */
export function parseYuan(text: string): number | undefined {
  const s = text.replace(/[,，\s¥￥]/g, '');
  if (s === '') return undefined;
  if (!/^\d+(\.\d{0,2})?$/.test(s)) return NaN;
  return Math.round(Number(s) * 100);
}

function checkValue(f: FormField | FormColumn, v: unknown, path: string, t: TFunction, out: FieldErrors): void {
  if (isEmpty(v)) {
    if (f.required && f.type !== 'file') out[path] = t('form.required');
    return;
  }
  switch (f.type) {
    case 'text':
    case 'textarea': {
      const s = String(v);
      if (f.minLength !== undefined && s.length < f.minLength) out[path] = t('form.minLength', { n: f.minLength });
      else if (s.length > (f.maxLength ?? (f.type === 'text' ? 200 : 5000))) out[path] = t('form.maxLength', { n: f.maxLength ?? (f.type === 'text' ? 200 : 5000) });
      else if (f.pattern) {
        let ok = true;
        try { ok = new RegExp(f.pattern, 'u').test(s); } catch { /* the server judges a bad pattern */ }
        if (!ok) out[path] = t('form.pattern');
      }
      return;
    }
    case 'number':
    case 'money': {
      if (typeof v !== 'number' || !Number.isFinite(v)) { out[path] = f.type === 'money' ? t('form.money') : t('form.number'); return; }
      const min = f.min ?? (f.type === 'money' ? 0 : undefined);
      const show = (n: number) => (f.type === 'money' ? formatMoney(n) : String(n));
      if (min !== undefined && v < min) out[path] = t('form.min', { n: show(min) });
      else if (f.max !== undefined && v > f.max) out[path] = t('form.max', { n: show(f.max) });
      return;
    }
    case 'date':
      if (typeof v !== 'string' || !DATE.test(v)) out[path] = t('form.date');
      return;
    case 'dateRange': {
      const r = v as { start?: string; end?: string };
      if (!r.start || !DATE.test(r.start) || !r.end || !DATE.test(r.end)) out[path] = t('form.dateRange');
      return;
    }
    case 'multiselect': {
      const n = Array.isArray(v) ? v.length : 0;
      if (f.min !== undefined && n < f.min) out[path] = t('form.minItems', { n: f.min });
      else if (f.max !== undefined && n > f.max) out[path] = t('form.maxItems', { n: f.max });
      return;
    }
    case 'person':
    case 'org':
      if (!/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(String(v))) out[path] = t('form.identifier');
      return;
    default:
  }
}

/** Every mistake in the visible fields, by path; empty when the form may be submitted. */
export function validateForm(def: FormDefinition, data: FormData, t: TFunction, fromRecords: string[] = []): FieldErrors {
  const out: FieldErrors = {};
  for (const f of def.fields) {
    if (!isVisible(f, data) || f.computed || fromRecords.includes(f.key)) continue;
    const v = data[f.key];
    const path = `/${f.key}`;
    if (f.type === 'table') {
      const rows = Array.isArray(v) ? (v as FormData[]) : [];
      const minRows = f.required ? Math.max(1, f.min ?? 1) : f.min;
      if (minRows !== undefined && rows.length < minRows) out[path] = rows.length === 0 ? t('form.required') : t('form.minRows', { n: minRows });
      else if (f.max !== undefined && rows.length > f.max) out[path] = t('form.maxRows', { n: f.max });
      rows.forEach((row, i) => {
        for (const c of f.columns ?? []) checkValue(c, row[c.key], `${path}/${i}/${c.key}`, t, out);
      });
      continue;
    }
    checkValue(f, v, path, t, out);
  }
  for (const p of formRuleProblems(def, data)) out[p.path] ??= t('form.rangeOrder');
  return out;
}

/** Problems of a 400 answer laid onto the form's paths ("/data/legs/0/amount" → "/legs/0/amount"). */
export function errorsFromServer(problems: FieldProblem[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) {
    if (!p.path.startsWith('/data')) continue;
    const path = p.path.slice('/data'.length) || '/';
    out[path] ??= p.message;
  }
  return out;
}

/** The form field key a path or problem target belongs to ("legs/0/amount" or "/legs/0/amount" → "legs"). */
export function fieldKeyOf(path: string): string {
  return path.replace(/^\/+/, '').split(/[/.]/)[0] ?? '';
}

/** Remove empty values so that a field left blank is "left out" (the server then applies its default). */
export function compactData(def: FormDefinition, data: FormData, fromRecords: string[]): FormData {
  const out: FormData = {};
  for (const f of def.fields) {
    // Record values are the server's to fill: sending them would only be overwritten.
    if (f.computed || fromRecords.includes(f.key)) continue;
    const v = data[f.key];
    if (isEmpty(v)) continue;
    if (f.type === 'table' && Array.isArray(v)) {
      out[f.key] = (v as FormData[]).map((row) => Object.fromEntries(Object.entries(row).filter(([, x]) => !isEmpty(x))));
    } else out[f.key] = v;
  }
  return out;
}
