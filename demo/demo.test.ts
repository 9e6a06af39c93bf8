// The demo university must be complete and consistent: every guide valid, every reference resolvable.
import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { AUDIENCES, LIFE_EVENTS, ServiceItemContent } from '../common/catalog.ts';
import { ROLES } from '../common/org.ts';
import { campuses, orgUnits } from './org.ts';
import { categories } from './categories.ts';
import { people } from './people.ts';
import { serviceItems } from './services/index.ts';

const unitCodes = new Set(orgUnits.map((u) => u.code));
const campusCodes = new Set(campuses.map((c) => c.code));
const categoryCodes = new Set(categories.map((c) => c.code));
const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/;

const REQUIRED_CODES = [
  'teacher-apartment', 'housing-fund-retirement-withdrawal', 'housing-subsidy-lump-sum', 'private-travel-abroad',
  'leave-request', 'new-staff-onboarding', 'staff-leaving', 'postdoc-entry', 'travel-reimbursement',
  'equipment-registration', 'asset-disposal', 'employment-certificate', 'income-certificate',
  'enrollment-certificate', 'transcript', 'official-seal-use', 'notarization', 'individual-income-tax-settlement',
];

describe('org tree and campuses', () => {
  it('has two campuses and at least 40 units under the school', () => {
    expect(campuses).toHaveLength(2);
    const school = orgUnits.filter((u) => u.kind === 'school');
    expect(school).toHaveLength(1);
    expect(school[0]!.parent).toBeNull();
    expect(orgUnits.length - 1).toBeGreaterThanOrEqual(40);
    expect(orgUnits.filter((u) => u.kind === 'college').length).toBeGreaterThanOrEqual(15);
  });

  it('has unique codes, resolvable parents and campuses, and no cycles', () => {
    expect(unitCodes.size).toBe(orgUnits.length);
    for (const u of orgUnits) {
      expect(CODE_RE.test(u.code), u.code).toBe(true);
      expect(campusCodes.has(u.campus), `${u.code} campus ${u.campus}`).toBe(true);
      if (u.kind !== 'school') expect(unitCodes.has(u.parent ?? ''), `${u.code} parent ${u.parent}`).toBe(true);
      const seen = new Set<string>();
      for (let p: string | null = u.code; p; p = orgUnits.find((x) => x.code === p)!.parent) {
        expect(seen.has(p), `cycle at ${u.code}`).toBe(false);
        seen.add(p);
      }
    }
    expect(new Set(orgUnits.map((u) => u.campus)).size).toBe(2);
  });

  it('has unique category codes in kebab-case', () => {
    expect(categoryCodes.size).toBe(categories.length);
    for (const c of categories) expect(c.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('service items', () => {
  it('has at least 120 items with unique, well-formed codes', () => {
    expect(serviceItems.length).toBeGreaterThanOrEqual(120);
    const codes = serviceItems.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(CODE_RE.test(c), c).toBe(true);
  });

  it('every guide matches the ServiceItemContent schema', () => {
    const bad: string[] = [];
    for (const s of serviceItems) {
      if (!Value.Check(ServiceItemContent, s.content)) {
        const errors = [...Value.Errors(ServiceItemContent, s.content)].slice(0, 5).map((e) => `${e.path}: ${e.message}`);
        bad.push(`${s.code}: ${errors.join('; ')}`);
      }
    }
    if (bad.length) console.error(bad.join('\n'));
    expect(bad).toEqual([]);
  });

  it('every reference resolves', () => {
    for (const s of serviceItems) {
      const c = s.content;
      expect(unitCodes.has(c.department), `${s.code} department ${c.department}`).toBe(true);
      for (const d of c.coDepartments) expect(unitCodes.has(d), `${s.code} co-department ${d}`).toBe(true);
      expect(c.coDepartments.includes(c.department), `${s.code} lists its own department as co-department`).toBe(false);
      expect(categoryCodes.has(c.category), `${s.code} category ${c.category}`).toBe(true);
      for (const k of c.campuses) expect(campusCodes.has(k), `${s.code} campus ${k}`).toBe(true);
      for (const w of c.windows) expect(campusCodes.has(w.campus), `${s.code} window campus ${w.campus}`).toBe(true);
    }
  });

  it('every guide is complete', () => {
    for (const s of serviceItems) {
      const c = s.content;
      const where = s.code;
      expect(Number.isInteger(s.popularity) && s.popularity >= 0 && s.popularity <= 10000, where).toBe(true);
      expect(c.name.en.length, where).toBeGreaterThan(0);
      expect(c.summary.en.length, where).toBeGreaterThan(0);
      expect(c.eligibility.en.length, where).toBeGreaterThan(0);
      expect(c.visitsReason.en.length, where).toBeGreaterThan(0);
      expect(c.policyBasis.length, where).toBeGreaterThan(0);
      expect(c.conditions.length, where).toBeGreaterThan(0);
      expect(c.materials.length, where).toBeGreaterThan(0);
      expect(c.windows.length, where).toBeGreaterThan(0);
      expect(c.cautions.length, where).toBeGreaterThan(0);
      expect(c.faq.length, where).toBeGreaterThanOrEqual(2);
      expect(c.faq.length, where).toBeLessThanOrEqual(4);
      expect(c.handling === 'instant', where).toBe(c.promisedLimit.value === 0);
      if (c.mode === 'online') expect(c.visits, `${where} is online but needs a visit`).toBe(0);
      for (const f of c.fees) expect(f.amount, where).toBeGreaterThan(0);
      for (const w of c.windows) expect(c.campuses.includes(w.campus), `${where} window outside its campuses`).toBe(true);
      // Every text in both languages, and no placeholder left behind.
      const json = JSON.stringify(c);
      expect(json, where).not.toMatch(/TODO|TBD|xxx|lorem/i);
      const texts: Array<{ zh: string; en: string }> = [];
      JSON.parse(json, (_k, v) => {
        if (v && typeof v === 'object' && 'zh' in v && 'en' in v) texts.push(v);
        return v;
      });
      for (const t of texts) {
        expect(t.zh.trim().length, `${where}: empty Chinese text`).toBeGreaterThan(0);
        expect(t.en.trim().length, `${where}: missing English for ${t.zh}`).toBeGreaterThan(0);
      }
    }
  });

  it('uses at least 10 categories, every audience and every life event (twice)', () => {
    const used = new Set(serviceItems.map((s) => s.content.category));
    expect(used.size).toBeGreaterThanOrEqual(10);
    for (const a of AUDIENCES) expect(serviceItems.some((s) => s.content.audiences.includes(a)), a).toBe(true);
    for (const e of LIFE_EVENTS) {
      expect(serviceItems.filter((s) => s.content.lifeEvents.includes(e)).length, e).toBeGreaterThanOrEqual(2);
    }
    expect(serviceItems.some((s) => s.content.materials.some((m) => m.source === 'system'))).toBe(true);
    expect(serviceItems.some((s) => s.content.materials.some((m) => m.pendingAllowed))).toBe(true);
    expect(serviceItems.filter((s) => s.content.fees.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(serviceItems.some((s) => s.content.promisedLimit.unit === 'natural_day')).toBe(true);
    expect(serviceItems.some((s) => s.content.windows.some((w) => w.campus === 'east'))).toBe(true);
  });

  it('keeps enough items in hr and finance', () => {
    expect(serviceItems.filter((s) => s.content.department === 'hr').length).toBeGreaterThanOrEqual(6);
    expect(serviceItems.filter((s) => s.content.department === 'finance').length).toBeGreaterThanOrEqual(4);
  });

  it('contains the seed services with their expected shape', () => {
    const byCode = new Map(serviceItems.map((s) => [s.code, s.content]));
    for (const code of REQUIRED_CODES) expect(byCode.has(code), code).toBe(true);
    expect(byCode.get('housing-fund-retirement-withdrawal')!.visits).toBe(0);
    expect(byCode.get('employment-certificate')!.visits).toBe(0);
    expect(byCode.get('employment-certificate')!.mode).toBe('online');
    expect(byCode.get('new-staff-onboarding')!.lifeEvents).toContain('onboarding');
    expect(byCode.get('staff-leaving')!.lifeEvents).toContain('leaving');
    expect(byCode.get('enrollment-certificate')!.audiences).toContain('student');
  });
});

describe('people', () => {
  it('have unique usernames, existing org units and role scopes', () => {
    const names = people.map((p) => p.username);
    expect(new Set(names).size).toBe(names.length);
    for (const p of people) {
      expect(unitCodes.has(p.orgUnit), `${p.username} org ${p.orgUnit}`).toBe(true);
      expect(p.email).toMatch(/^[a-z0-9._-]+@demo\.edu\.cn$/);
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(p.roles).toContainEqual({ role: 'applicant', scope: 'school' });
      for (const r of p.roles) {
        expect((ROLES as readonly string[]).includes(r.role), `${p.username} role ${r.role}`).toBe(true);
        expect(unitCodes.has(r.scope), `${p.username} scope ${r.scope}`).toBe(true);
      }
    }
  });

  it('include the named demo accounts', () => {
    const find = (u: string) => people.find((p) => p.username === u)!;
    const has = (u: string, role: string, scope: string) =>
      expect(find(u)?.roles, u).toContainEqual({ role, scope });
    has('admin', 'system_admin', 'school');
    has('manager', 'hall_manager', 'school');
    has('clerk', 'window_clerk', 'service-hall');
    has('reviewer', 'dept_reviewer', 'hr');
    has('hradmin', 'dept_admin', 'hr');
    has('finadmin', 'dept_admin', 'finance');
    has('custodian', 'seal_custodian', 'school');
    has('steward', 'data_steward', 'school');
    has('auditor', 'auditor', 'school');
    expect(find('teacher').kind).toBe('staff');
    expect(orgUnits.find((u) => u.code === find('teacher').orgUnit)!.kind).toBe('college');
    expect(find('student').kind).toBe('student');
    expect(find('retiree').kind).toBe('retiree');
    expect(find('retiree').orgUnit).toBe('retirees');
    expect(people.filter((p) => p.roles.length === 1).length).toBeGreaterThanOrEqual(20);
  });
});
