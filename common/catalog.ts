// The service catalog contract (事项中心), shared by server, web and demo data.
// One JSON Schema (TypeBox) validates the admin editor, the Excel import and the API.
import { Type, type Static } from '@sinclair/typebox';

/** Text in both languages; Chinese is required, English may trail behind but the UI falls back to Chinese. */
export const Localized = Type.Object(
  { zh: Type.String({ minLength: 1, maxLength: 4000 }), en: Type.String({ maxLength: 4000 }) },
  { additionalProperties: false },
);
export type Localized = Static<typeof Localized>;

export const AUDIENCES = ['staff', 'student', 'retiree', 'alumnus', 'visitor'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const LIFE_EVENTS = [
  'onboarding', 'leaving', 'travel_abroad', 'retirement', 'enrollment', 'graduation',
  'housing', 'family', 'research', 'health', 'finance', 'daily',
] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];
export const MODES = ['online', 'offline', 'both'] as const;
export const ITEM_STATES = ['draft', 'in_review', 'published', 'superseded', 'retired'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

const Code = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$' });
const LocalizedList = Type.Array(Localized, { maxItems: 50 });

export const Material = Type.Object(
  {
    name: Localized,
    required: Type.Boolean(),
    /** original, copy or both (原件 / 复印件 / 原件及复印件) */
    form: Type.Union([Type.Literal('original'), Type.Literal('copy'), Type.Literal('original_and_copy')]),
    medium: Type.Union([Type.Literal('paper'), Type.Literal('electronic'), Type.Literal('either')]),
    copies: Type.Integer({ minimum: 0, maximum: 99 }),
    /** 'system' = shared by the university's systems: the applicant does not submit it (免提交). */
    source: Type.Union([Type.Literal('applicant'), Type.Literal('system')]),
    /** 容缺受理: a non-key material that may follow later on the applicant's promise. */
    pendingAllowed: Type.Boolean(),
    notes: Type.Optional(Localized),
    sampleUrl: Type.Optional(Type.String({ maxLength: 500 })),
    blankFormUrl: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type Material = Static<typeof Material>;

export const Step = Type.Object(
  {
    name: Localized,
    handler: Localized,
    /** per-step time limit in working days (0 = on the spot) */
    limitDays: Type.Number({ minimum: 0, maximum: 365 }),
    criteria: Type.Optional(Localized),
    result: Type.Optional(Localized),
  },
  { additionalProperties: false },
);
export type Step = Static<typeof Step>;

export const Fee = Type.Object(
  { name: Localized, amount: Type.Number({ minimum: 0 }), basis: Type.Optional(Localized) },
  { additionalProperties: false },
);

export const Window = Type.Object(
  {
    campus: Code,
    address: Localized,
    hours: Localized,
    phone: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);

export const TimeLimit = Type.Object(
  {
    value: Type.Number({ minimum: 0, maximum: 3650 }),
    unit: Type.Union([Type.Literal('working_day'), Type.Literal('natural_day')]),
  },
  { additionalProperties: false },
);
export type TimeLimit = Static<typeof TimeLimit>;

export const FaqEntry = Type.Object({ q: Localized, a: Localized }, { additionalProperties: false });

/** Every element of a service item's guide (办事指南), after the national item standard GB/T 39554.1. */
export const ServiceItemContent = Type.Object(
  {
    name: Localized,
    summary: Localized,
    /** owning (implementing) department code */
    department: Code,
    coDepartments: Type.Array(Code, { maxItems: 20 }),
    category: Code,
    audiences: Type.Array(Type.Union(AUDIENCES.map((a) => Type.Literal(a))), { minItems: 1, uniqueItems: true }),
    lifeEvents: Type.Array(Type.Union(LIFE_EVENTS.map((a) => Type.Literal(a))), { uniqueItems: true }),
    campuses: Type.Array(Code, { minItems: 1, maxItems: 10 }),
    mode: Type.Union(MODES.map((m) => Type.Literal(m))),
    /** 即办件 (instant, done on the spot) or 承诺件 (promised within a limit) */
    handling: Type.Union([Type.Literal('instant'), Type.Literal('promised')]),
    promisedLimit: TimeLimit,
    statutoryLimit: Type.Optional(TimeLimit),
    /** on-site visits required (最多跑一次: 0 or 1) and why */
    visits: Type.Integer({ minimum: 0, maximum: 1 }),
    visitsReason: Localized,
    policyBasis: LocalizedList,
    eligibility: Localized,
    conditions: LocalizedList,
    materials: Type.Array(Material, { maxItems: 60 }),
    steps: Type.Array(Step, { minItems: 1, maxItems: 30 }),
    fees: Type.Array(Fee, { maxItems: 20 }),
    windows: Type.Array(Window, { maxItems: 10 }),
    contacts: Type.Object(
      {
        enquiryPhone: Type.String({ maxLength: 50 }),
        complaintPhone: Type.String({ maxLength: 50 }),
        email: Type.Optional(Type.String({ maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    flags: Type.Object(
      { booking: Type.Boolean(), courier: Type.Boolean(), onlinePayment: Type.Boolean(), kiosk: Type.Boolean() },
      { additionalProperties: false },
    ),
    result: Type.Object(
      {
        name: Localized,
        kind: Type.Union([
          Type.Literal('certificate'), Type.Literal('approval'), Type.Literal('document'),
          Type.Literal('service'), Type.Literal('payment'),
        ]),
        validity: Type.Optional(Localized),
      },
      { additionalProperties: false },
    ),
    cautions: LocalizedList,
    faq: Type.Array(FaqEntry, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type ServiceItemContent = Static<typeof ServiceItemContent>;

/** A service item as the demo data and the Excel import describe it: code plus content. */
export interface ServiceItemSeed {
  code: string;
  popularity: number;
  content: ServiceItemContent;
}
