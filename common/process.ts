// Process definitions (流程定义) as a TypeBox schema: the admin API checks bodies with it, the browser draws
// flowcharts from it. The engine's own types are in server/modules/workflow/definition.ts; a type-level
// check there keeps the two the same.
import { Type, type Static } from '@sinclair/typebox';

const Localized = Type.Object({ zh: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
const StepId = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{0,59}$' });
const Role = Type.String({ pattern: '^[a-z_]{2,32}$' });

export const AssigneeRuleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('role'), role: Role, scope: Type.Union([Type.Literal('owning_department'), Type.Literal('applicant_department')]) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('role'), role: Role, scope: Type.Literal('unit'), unit: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('supervisor') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('person'), personId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false }),
]);

const base = {
  id: StepId,
  name: Localized,
  next: Type.Optional(Type.Union([StepId, Type.Array(Type.Object({ to: StepId, when: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) }, { additionalProperties: false }), { minItems: 1, maxItems: 20 })])),
  limitDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
};

export const StepSchema = Type.Union([
  Type.Object({ ...base, kind: Type.Literal('approval'), assignee: AssigneeRuleSchema }, { additionalProperties: false }),
  Type.Object({ ...base, kind: Type.Literal('applicant') }, { additionalProperties: false }),
  Type.Object({ ...base, kind: Type.Literal('automatic'), webhook: Type.String({ pattern: '^(https?://|internal:)', maxLength: 500 }) }, { additionalProperties: false }),
  Type.Object({
    ...base, kind: Type.Literal('parallel'), mode: Type.Union([Type.Literal('all'), Type.Literal('any')]),
    branches: Type.Array(Type.Object({ id: StepId, name: Localized, assignee: AssigneeRuleSchema }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
  }, { additionalProperties: false }),
]);

export const ProcessDefinitionSchema = Type.Object({
  start: StepId,
  steps: Type.Array(StepSchema, { minItems: 1, maxItems: 100 }),
  promisedLimitDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
}, { additionalProperties: false });
export type ProcessDefinitionShape = Static<typeof ProcessDefinitionSchema>;
