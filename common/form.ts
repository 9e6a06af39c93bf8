// Form definitions (表单): the fields a service asks for, shared by the browser (renders them, shows the
// bound values as "from the university's records", evaluates visibleIf and computed totals live) and the
// server (fills bound fields, drops hidden ones, recomputes totals, then checks one JSON Schema with Ajv).
// Imports only TypeBox and the condition language, never server or web code.
import { Type, type Static } from '@sinclair/typebox';
import { checkCondition } from './expression.ts';
import { formLintMessage, lintFormFindings } from './form-lint.ts';

const Localized = Type.Object({ zh: Type.String({ minLength: 1, maxLength: 500 }), en: Type.String({ maxLength: 500 }) }, { additionalProperties: false });

/** Field keys are identifiers so that `visibleIf` and process conditions can name them. */
export const FIELD_KEY = '^[A-Za-z_][A-Za-z0-9_]{0,39}$';

export const FIELD_TYPES = [
  'text', 'textarea', 'number', 'money', 'date', 'dateRange', 'select', 'multiselect',
  'person', 'org', 'table', 'file', 'signature',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Values the server fills from the university's records (person + person_profile). */
export const PROFILE_KEYS = [
  'name', 'username', 'staffNo', 'department', 'departmentCode', 'personKind', 'title', 'phone', 'email',
  'bankName', 'bankCard', 'hireDate',
] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];
/** A person's record values by binding key (missing or empty: the applicant types it). */
export type Profile = Partial<Record<ProfileKey, string>>;

const Option = Type.Object({ value: Type.String({ minLength: 1, maxLength: 60 }), label: Localized }, { additionalProperties: false });

const common = {
  key: Type.String({ pattern: FIELD_KEY }),
  label: Localized,
  help: Type.Optional(Localized),
  required: Type.Optional(Type.Boolean()),
  /** A condition in the expression language over the form data; hidden fields are neither required nor kept. */
  visibleIf: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  /** Regular expression (text, textarea). */
  pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  minLength: Type.Optional(Type.Integer({ minimum: 0 })),
  maxLength: Type.Optional(Type.Integer({ minimum: 1 })),
  /** number: value; money: cents; multiselect, file: count. */
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  options: Type.Optional(Type.Array(Option, { minItems: 1, maxItems: 200 })),
  /** file: allowed MIME types, e.g. ["application/pdf", "image/*"] (upload storage is not built yet). */
  accept: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 20 })),
  /** Filled in by the server when the applicant leaves it out. */
  default: Type.Optional(Type.Unknown()),
};

/** A column of a table field: any type but table. */
export const FormColumn = Type.Object({
  ...common,
  type: Type.Union(FIELD_TYPES.filter((t) => t !== 'table').map((t) => Type.Literal(t))),
}, { additionalProperties: false });
export type FormColumn = Static<typeof FormColumn>;

/** One field of a form. */
export const FormField = Type.Object({
  ...common,
  type: Type.Union(FIELD_TYPES.map((t) => Type.Literal(t))),
  /** Filled by the server from the person's records; the applicant confirms rather than types. */
  binding: Type.Optional(Type.Union(PROFILE_KEYS.map((k) => Type.Literal(k)))),
  /** table: the columns of each row; min/max count rows. */
  columns: Type.Optional(Type.Array(FormColumn, { minItems: 1, maxItems: 30 })),
  /** number/money: computed by the server from other fields (never trusted from the client). */
  computed: Type.Optional(Type.Object({ sum: Type.Object({ table: Type.String({ pattern: FIELD_KEY }), column: Type.String({ pattern: FIELD_KEY }) }, { additionalProperties: false }) }, { additionalProperties: false })),
}, { additionalProperties: false });
export type FormField = Static<typeof FormField>;

/** A form definition, pinned by version per service. */
export const FormDefinition = Type.Object({
  fields: Type.Array(FormField, { minItems: 1, maxItems: 200 }),
}, { additionalProperties: false });
export type FormDefinition = Static<typeof FormDefinition>;

export type FormData = Record<string, unknown>;
type JsonSchema = Record<string, unknown>;

const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$';
const SIGNATURE_PATTERN = '^data:image/(png|svg\\+xml);base64,[A-Za-z0-9+/=]+$';

/** Whether a field is shown for this data (no visibleIf, or its condition holds). */
export function isVisible(field: { visibleIf?: string }, data: unknown): boolean {
  if (field.visibleIf === undefined) return true;
  const r = checkCondition(field.visibleIf, data);
  return r.ok && r.value;
}

function valueSchema(f: FormField | FormColumn): JsonSchema {
  switch (f.type) {
    case 'text':
    case 'textarea': {
      const s: JsonSchema = { type: 'string', maxLength: f.maxLength ?? (f.type === 'text' ? 200 : 5000) };
      if (f.required) s.minLength = Math.max(1, f.minLength ?? 1);
      else if (f.minLength !== undefined) s.minLength = f.minLength;
      if (f.pattern) s.pattern = f.pattern;
      return s;
    }
    case 'number':
    case 'money': {
      const s: JsonSchema = { type: f.type === 'money' ? 'integer' : 'number' };
      if (f.min !== undefined) s.minimum = f.min;
      else if (f.type === 'money') s.minimum = 0;
      if (f.max !== undefined) s.maximum = f.max;
      return s;
    }
    case 'date':
      return { type: 'string', pattern: DATE_PATTERN };
    case 'dateRange':
      return {
        type: 'object', additionalProperties: false, required: ['start', 'end'],
        properties: { start: { type: 'string', pattern: DATE_PATTERN }, end: { type: 'string', pattern: DATE_PATTERN } },
      };
    case 'select':
      return { type: 'string', enum: (f.options ?? []).map((o) => o.value) };
    case 'multiselect': {
      const s: JsonSchema = { type: 'array', uniqueItems: true, items: { type: 'string', enum: (f.options ?? []).map((o) => o.value) } };
      if (f.required) s.minItems = Math.max(1, f.min ?? 1);
      else if (f.min !== undefined) s.minItems = f.min;
      if (f.max !== undefined) s.maxItems = f.max;
      return s;
    }
    case 'person':
    case 'org':
      return { type: 'string', pattern: ID_PATTERN };
    case 'file': {
      const s: JsonSchema = { type: 'array', uniqueItems: true, items: { type: 'string', pattern: ID_PATTERN }, maxItems: f.max ?? 10 };
      if (f.required) s.minItems = Math.max(1, f.min ?? 1);
      return s;
    }
    case 'signature':
      return { type: 'string', pattern: SIGNATURE_PATTERN, maxLength: 200_000 };
    case 'table': {
      const cols = (f as FormField).columns ?? [];
      const s: JsonSchema = {
        type: 'array', maxItems: f.max ?? 100,
        items: {
          type: 'object', additionalProperties: false,
          properties: Object.fromEntries(cols.map((c) => [c.key, valueSchema(c)])),
          required: cols.filter((c) => c.required).map((c) => c.key),
        },
      };
      if (f.required) s.minItems = Math.max(1, f.min ?? 1);
      else if (f.min !== undefined) s.minItems = f.min;
      return s;
    }
  }
}

/**
 * One JSON Schema for this data: visible fields only (hidden ones are neither required nor accepted),
 * computed fields accepted as numbers (the server overwrites them), unknown fields refused.
 */
export function formToJsonSchema(def: FormDefinition, data: FormData): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const f of def.fields) {
    if (!isVisible(f, data)) continue;
    properties[f.key] = f.computed ? { type: 'number' } : valueSchema(f);
    if (f.required && !f.computed) required.push(f.key);
  }
  return { type: 'object', additionalProperties: false, properties, required };
}

/** Sums a table column (money or number); rows without a number count as 0. */
function sumColumn(rows: unknown, column: string): number {
  if (!Array.isArray(rows)) return 0;
  let total = 0;
  for (const r of rows) {
    const v = r !== null && typeof r === 'object' ? (r as Record<string, unknown>)[column] : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) total += v;
  }
  return total;
}

/**
 * What the server keeps of a submission: bound fields from the records (the record wins when it has a
 * value), defaults for missing fields, computed fields recomputed, hidden fields dropped.
 * The browser calls the same function to show totals and visibility as the applicant types.
 */
export function prepareFormData(def: FormDefinition, input: FormData, profile: Profile = {}): FormData {
  const data: FormData = {};
  for (const f of def.fields) {
    if (Object.hasOwn(input, f.key)) data[f.key] = input[f.key];
    const bound = f.binding ? profile[f.binding] : undefined;
    if (bound !== undefined && bound !== '') data[f.key] = bound;
    else if (data[f.key] === undefined && f.default !== undefined) data[f.key] = f.default;
  }
  // Unknown keys are kept (as own properties, even "__proto__") so that validation refuses them by name.
  for (const k of Object.keys(input)) {
    if (!def.fields.some((f) => f.key === k)) Object.defineProperty(data, k, { value: input[k], enumerable: true, writable: true, configurable: true });
  }
  for (const f of def.fields) {
    if (f.computed) data[f.key] = sumColumn(data[f.computed.sum.table], f.computed.sum.column);
  }
  // Visibility may depend on computed values, so it is decided last, against the full data.
  const full = { ...data };
  for (const f of def.fields) if (!isVisible(f, full)) delete data[f.key];
  return data;
}

/** The prefill a form gets from a person's records: values and the keys that came from the records. */
export function prefillFromProfile(def: FormDefinition, profile: Profile): { values: FormData; fromRecords: string[] } {
  const values: FormData = {};
  const fromRecords: string[] = [];
  for (const f of def.fields) {
    const v = f.binding ? profile[f.binding] : undefined;
    if (v !== undefined && v !== '') {
      values[f.key] = v;
      fromRecords.push(f.key);
    } else if (f.default !== undefined) values[f.key] = f.default;
  }
  return { values, fromRecords };
}

/** A rule JSON Schema cannot say: a date range must not end before it starts. */
export function formRuleProblems(def: FormDefinition, data: FormData): Array<{ path: string; code: 'range_order' }> {
  const out: Array<{ path: string; code: 'range_order' }> = [];
  const check = (v: unknown, path: string) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const { start, end } = v as { start?: unknown; end?: unknown };
      if (typeof start === 'string' && typeof end === 'string' && end < start) out.push({ path, code: 'range_order' });
    }
  };
  for (const f of def.fields) {
    if (f.type === 'dateRange') check(data[f.key], `/${f.key}`);
    if (f.type === 'table' && Array.isArray(data[f.key])) {
      (data[f.key] as unknown[]).forEach((row, i) => {
        for (const c of f.columns ?? []) {
          if (c.type === 'dateRange' && row && typeof row === 'object') check((row as FormData)[c.key], `/${f.key}/${i}/${c.key}`);
        }
      });
    }
  }
  return out;
}

/** Mistakes in a definition that its JSON Schema cannot catch, in English; an empty list means it may be published. */
export function lintForm(def: FormDefinition): string[] {
  return lintFormFindings(def).filter((f) => f.severity === 'error').map((f) => formLintMessage(f, 'en'));
}
