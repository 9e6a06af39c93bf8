// Life-event bundles (一件事一次办): one merged form whose answers fan out into one case per member service.
// A bundle definition is versioned per service code like forms and processes (table bundle_definition).
// Pure: the server submits with it, the browser renders the merged form as an ordinary form.
//
// How a member's form is filled from the merged data: a member field takes the merged field of the same key
// (so name, staff number, department … are asked once and shared), unless `map` says otherwise — another
// merged field (`{ field }`) or a fixed value (`{ value }`, e.g. "new card" rather than "replacement").
// Fields bound to the person's records are filled by each member's own form from the records anyway.
import { Type, type Static } from '@sinclair/typebox';
import { FIELD_KEY, FormDefinition, type FormData } from './form.ts';
import type { CaseStatus } from './case.ts';

const Localized = Type.Object({ zh: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

export const BundleFieldSource = Type.Union([
  Type.Object({ field: Type.String({ pattern: FIELD_KEY }) }, { additionalProperties: false }),
  Type.Object({ value: Type.Unknown() }, { additionalProperties: false }),
]);
export type BundleFieldSource = Static<typeof BundleFieldSource>;

export const BundleMember = Type.Object({
  /** Stable within the bundle: names the child case's member (workflow_case.bundle_member). */
  key: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }),
  /** The member's own service item; its newest form and process are used for the child case. */
  service: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' }),
  /** What this part of the bundle is, as the applicant reads it (人事处 · 报到登记). */
  name: Localized,
  /** Member field key → where its value comes from; unlisted fields take the merged field of the same key. */
  map: Type.Optional(Type.Record(Type.String({ pattern: FIELD_KEY }), BundleFieldSource)),
  /**
   * The member's promised limit inside the bundle, in working days, when the bundle's offices agreed to a shorter
   * one than the service item publishes on its own (承诺时限压缩: a desk for a new teacher, not a room allocation).
   */
  promisedLimitDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
}, { additionalProperties: false });
export type BundleMember = Static<typeof BundleMember>;

export const BundleDefinition = Type.Object({
  /** The merged form: every field any member needs, shared ones once. */
  form: FormDefinition,
  members: Type.Array(BundleMember, { minItems: 2, maxItems: 20 }),
  /** Promised limit (承诺时限) of the whole bundle, in working days. */
  promisedLimitDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
}, { additionalProperties: false });
export type BundleDefinition = Static<typeof BundleDefinition>;

/** The data of one member's case, taken from the merged data (before the member's form prepares it). */
export function memberData(member: BundleMember, memberForm: FormDefinition, merged: FormData): FormData {
  const out: FormData = {};
  for (const f of memberForm.fields) {
    const src = member.map?.[f.key];
    if (src && 'value' in src) out[f.key] = src.value;
    else {
      const from = src ? src.field : f.key;
      if (Object.hasOwn(merged, from)) out[f.key] = merged[from];
    }
  }
  return out;
}

/** The merged field a member field's value came from (to point a member's validation problem at the merged form). */
export function mergedKeyOf(member: BundleMember, memberKey: string): string | null {
  const src = member.map?.[memberKey];
  if (!src) return memberKey;
  return 'field' in src ? src.field : null;
}

/**
 * Mistakes that would make a bundle's members unfillable, or its promise one it cannot keep; an empty list means it
 * may be published. `memberPromises` holds each member service's own promised limit in working days, where known.
 */
export function lintBundle(def: BundleDefinition, memberForms: Map<string, FormDefinition | undefined>, memberPromises = new Map<string, number>()): string[] {
  const problems: string[] = [];
  for (const m of def.members) {
    const own = memberPromises.get(m.service);
    if (m.promisedLimitDays !== undefined && own !== undefined && m.promisedLimitDays > own) {
      problems.push(`member '${m.key}': promises ${m.promisedLimitDays} working days in the bundle, more than ${m.service}'s own ${own}`);
    }
    // The bundle is done when its last member is: it cannot promise less than any of them.
    const days = m.promisedLimitDays ?? own;
    if (def.promisedLimitDays !== undefined && days !== undefined && days > def.promisedLimitDays) {
      problems.push(`member '${m.key}': promises ${days} working days, more than the bundle's ${def.promisedLimitDays}; shorten it within the bundle (promisedLimitDays) or promise the bundle longer`);
    }
  }
  const merged = new Map(def.form.fields.map((f) => [f.key, f]));
  const keys = new Set<string>();
  const used = new Set<string>();
  for (const m of def.members) {
    if (keys.has(m.key)) problems.push(`member '${m.key}' is defined twice`);
    keys.add(m.key);
    const form = memberForms.get(m.service);
    if (!form) { problems.push(`member '${m.key}': service '${m.service}' has no online form and process`); continue; }
    const own = new Set(form.fields.map((f) => f.key));
    for (const k of Object.keys(m.map ?? {})) if (!own.has(k)) problems.push(`member '${m.key}': '${k}' is not a field of ${m.service}`);
    for (const f of form.fields) {
      const src = m.map?.[f.key];
      if (src && 'value' in src) continue;
      const from = src ? src.field : f.key;
      if (merged.has(from)) { used.add(from); continue; }
      if (src) problems.push(`member '${m.key}': '${from}' is not a field of the merged form`);
      // A field shown only on a condition may stay hidden for the bundle (checked on submission).
      else if (f.required && !f.binding && f.default === undefined && !f.computed && !f.visibleIf) {
        problems.push(`member '${m.key}': required field '${f.key}' gets no value from the merged form`);
      }
    }
  }
  for (const k of merged.keys()) if (!used.has(k)) problems.push(`merged field '${k}' feeds no member`);
  return problems;
}

/**
 * The status of a bundle's parent from its children's: waiting on the applicant while any child is
 * returned for correction, running while any child runs; once all are finished, withdrawn if all were
 * withdrawn, rejected if any was rejected (the page says which — "partly rejected" when others completed),
 * else completed (a withdrawn member does not hold the rest back).
 */
export function bundleStatus(children: readonly CaseStatus[]): CaseStatus {
  if (children.includes('waiting_applicant')) return 'waiting_applicant';
  if (children.includes('running')) return 'running';
  if (children.every((s) => s === 'withdrawn')) return 'withdrawn';
  if (children.includes('rejected')) return 'rejected';
  return 'completed';
}
