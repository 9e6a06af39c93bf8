// Between the editor form and ServiceItemContent: a blank item, cleaning form values, placing server errors.
import type { FormInstance } from 'antd';
import type { FieldProblem } from '../../api/client.ts';
import type { Localized, ServiceItemContent } from '../../api/types.ts';

const blank = (): Localized => ({ zh: '', en: '' });

/** What a new service item starts from: one step, one window, no materials. */
export function emptyContent(department = '', campus = ''): ServiceItemContent {
  return {
    name: blank(), summary: blank(), department, coDepartments: [], category: '',
    audiences: ['staff'], lifeEvents: [], campuses: campus ? [campus] : [],
    mode: 'both', handling: 'promised', promisedLimit: { value: 5, unit: 'working_day' },
    visits: 0, visitsReason: blank(), policyBasis: [], eligibility: blank(), conditions: [], materials: [],
    steps: [{ name: { zh: '受理', en: 'Acceptance' }, handler: blank(), limitDays: 1 }],
    fees: [], windows: [], contacts: { enquiryPhone: '', complaintPhone: '' },
    flags: { booking: false, courier: false, onlinePayment: false, kiosk: false },
    result: { name: blank(), kind: 'certificate' }, cautions: [], faq: [],
  };
}

type Loose = Record<string, any>;

const loc = (l: Loose | undefined): Localized => ({ zh: (l?.zh ?? '').trim(), en: (l?.en ?? '').trim() });
/** An optional text is left out when both languages are empty. */
const optLoc = (l: Loose | undefined): Localized | undefined => {
  const v = loc(l);
  return v.zh || v.en ? v : undefined;
};
const optStr = (s: unknown): string | undefined => (typeof s === 'string' && s.trim() ? s.trim() : undefined);
const num = (n: unknown, fallback = 0): number => (typeof n === 'number' && Number.isFinite(n) ? n : fallback);
const list = <T>(xs: unknown, f: (x: Loose) => T): T[] => (Array.isArray(xs) ? xs.filter(Boolean).map(f) : []);

/** Form values (with empty optional parts) → the content the API accepts. */
export function toContent(v: Loose): ServiceItemContent {
  const statutory = v.statutoryLimit;
  return {
    name: loc(v.name), summary: loc(v.summary), department: v.department ?? '', coDepartments: v.coDepartments ?? [],
    category: v.category ?? '', audiences: v.audiences ?? [], lifeEvents: v.lifeEvents ?? [], campuses: v.campuses ?? [],
    mode: v.mode, handling: v.handling,
    promisedLimit: { value: num(v.promisedLimit?.value), unit: v.promisedLimit?.unit ?? 'working_day' },
    statutoryLimit: typeof statutory?.value === 'number' ? { value: statutory.value, unit: statutory.unit ?? 'working_day' } : undefined,
    visits: num(v.visits), visitsReason: loc(v.visitsReason),
    policyBasis: list(v.policyBasis, loc), eligibility: loc(v.eligibility), conditions: list(v.conditions, loc),
    materials: list(v.materials, (m) => ({
      name: loc(m.name), required: !!m.required, form: m.form ?? 'original', medium: m.medium ?? 'paper',
      copies: num(m.copies, 1), source: m.source ?? 'applicant', pendingAllowed: !!m.pendingAllowed,
      notes: optLoc(m.notes), sampleUrl: optStr(m.sampleUrl), blankFormUrl: optStr(m.blankFormUrl),
    })),
    steps: list(v.steps, (s) => ({
      name: loc(s.name), handler: loc(s.handler), limitDays: num(s.limitDays), criteria: optLoc(s.criteria), result: optLoc(s.result),
    })),
    fees: list(v.fees, (f) => ({ name: loc(f.name), amount: num(f.amount), basis: optLoc(f.basis) })),
    windows: list(v.windows, (w) => ({ campus: w.campus ?? '', address: loc(w.address), hours: loc(w.hours), phone: optStr(w.phone) })),
    contacts: {
      enquiryPhone: (v.contacts?.enquiryPhone ?? '').trim(), complaintPhone: (v.contacts?.complaintPhone ?? '').trim(),
      email: optStr(v.contacts?.email),
    },
    flags: { booking: !!v.flags?.booking, courier: !!v.flags?.courier, onlinePayment: !!v.flags?.onlinePayment, kiosk: !!v.flags?.kiosk },
    result: { name: loc(v.result?.name), kind: v.result?.kind ?? 'certificate', validity: optLoc(v.result?.validity) },
    cautions: list(v.cautions, loc), faq: list(v.faq, (f) => ({ q: loc(f.q), a: loc(f.a) })),
  };
}

/** `/content/materials/0/name/zh` → ['materials', 0, 'name', 'zh'] */
export function pointerToName(path: string): Array<string | number> {
  return path.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')))
    .filter((s, i) => !(i === 0 && s === 'content'));
}

/** Put each server problem on its form field; returns the ones no field shows. */
export function placeFieldErrors(form: FormInstance, errors: FieldProblem[]): FieldProblem[] {
  const registered = form.getFieldsError().map((f) => f.name.join('/'));
  const byField = new Map<string, { name: Array<string | number>; messages: string[] }>();
  const unplaced: FieldProblem[] = [];
  for (const e of errors) {
    const name = pointerToName(e.path);
    if (!registered.includes(name.join('/'))) {
      unplaced.push(e);
      continue;
    }
    const key = name.join('/');
    const entry = byField.get(key) ?? { name, messages: [] };
    entry.messages.push(e.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map((f) => ({ name: f.name, errors: f.messages })));
  const first = [...byField.values()][0];
  if (first) {
    // A whole list (e.g. "at least 1 step") has no input of its own: scroll to the list's error line instead.
    const listErrors = document.getElementById(`${first.name.join('_')}-errors`);
    if (listErrors) listErrors.scrollIntoView({ block: 'center' });
    else form.scrollToField(first.name, { block: 'center' });
  }
  return unplaced;
}
