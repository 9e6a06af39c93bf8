// The form being built, as plain data: new fields and columns, type changes that keep only what the new
// type can use, moving and removing, the definition as sent (empty optional texts left out), and the
// server's findings picked out per field or column.
import { FIELD_TYPES, type FieldType, type FormColumn, type FormDefinition, type FormField } from '../../../../common/form.ts';
import type { DefinitionProblem } from '../../api/form-builder.ts';

export type AnyField = FormField | FormColumn;
export const COLUMN_TYPES = FIELD_TYPES.filter((t) => t !== 'table');

/** `base`, or `base2`, `base3` … — the first that no field uses yet. */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

export function newField(taken: Iterable<string>, label: { zh: string; en: string }, base = 'field'): FormField {
  return { key: uniqueKey(base, taken), type: 'text', label };
}

const CHOICE = new Set<FieldType>(['select', 'multiselect']);
const TEXTUAL = new Set<FieldType>(['text', 'textarea']);
const COUNTED = new Set<FieldType>(['number', 'money', 'multiselect', 'file', 'table']);

/** The field with another type: options, columns, patterns, limits and sums only where the type has them. */
export function withType<F extends AnyField>(f: F, type: FieldType, defaults: { option: { zh: string; en: string }; column: { zh: string; en: string } }): F {
  const next = { ...f, type } as F & FormField;
  if (!CHOICE.has(type)) delete next.options;
  else if (!next.options?.length) next.options = [{ value: 'a', label: defaults.option }];
  if (!TEXTUAL.has(type)) { delete next.pattern; delete next.minLength; delete next.maxLength; }
  if (!COUNTED.has(type) || (f.type === 'money') !== (type === 'money')) { delete next.min; delete next.max; }
  if (type !== 'file') delete next.accept;
  if (type !== 'table') delete next.columns;
  else if (!next.columns?.length) next.columns = [{ key: 'item', type: 'text', label: defaults.column }];
  if (type !== 'number' && type !== 'money') delete next.computed;
  if (type === 'table') delete next.binding;
  delete next.default;
  return next;
}

/** The list with item `i` moved one place up (-1) or down (+1). */
export function move<T>(list: T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

function cleanOne<F extends AnyField>(f: F): F {
  const out = { ...f } as F & FormField;
  for (const k of ['visibleIf', 'pattern'] as const) {
    if (typeof out[k] === 'string' && out[k]!.trim() === '') delete out[k];
  }
  if (out.help && out.help.zh.trim() === '' && out.help.en.trim() === '') delete out.help;
  if (out.accept && out.accept.length === 0) delete out.accept;
  if (!out.required) delete out.required;
  if (out.columns) out.columns = out.columns.map(cleanOne);
  return out;
}

/** The definition as the server gets it: empty optional texts and `required: false` left out. */
export function cleanDefinition(def: FormDefinition): FormDefinition {
  return { fields: def.fields.map(cleanOne) };
}

/**
 * The findings under a field (`/form/fields/2`) or column (`/form/fields/2/columns/0`), each with the rest
 * of its path ("/visibleIf", "/label/zh", "" for the field as a whole).
 */
export function findingsAt(problems: DefinitionProblem[], prefix: string): Array<DefinitionProblem & { rest: string }> {
  return problems
    .filter((p) => p.path === prefix || p.path.startsWith(`${prefix}/`))
    .map((p) => ({ ...p, rest: p.path.slice(prefix.length) }));
}

/** Whether a finding (by the rest of its path) belongs to this property of the field. */
export function isAbout(rest: string, prop: string): boolean {
  return rest === `/${prop}` || rest.startsWith(`/${prop}/`);
}
