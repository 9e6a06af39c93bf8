import { describe, expect, it } from 'vitest';
import { lintForm } from '../../common/form.ts';
import { lintDefinition } from '../../server/modules/workflow/definition.ts';
import { serviceItems } from '../services/index.ts';
import { orgUnits } from '../org.ts';
import { promisedLimitMismatch } from '../../common/process-lint.ts';
import { demoProcesses, onboardingBundle, onboardingMembers, processPeople, profileSeeds } from './index.ts';

describe('demo processes', () => {
  const codes = new Set(serviceItems.map((s) => s.code));
  it.each(demoProcesses.map((d) => [d.service, d] as const))('%s: a real service, its form and process pass lint', (_code, d) => {
    expect(codes.has(d.service)).toBe(true);
    expect(lintForm(d.form)).toEqual([]);
    expect(lintDefinition(d.process).filter((p) => p.severity === 'error')).toEqual([]);
    for (const s of d.process.steps) {
      const rules = s.kind === 'approval' ? [s.assignee] : s.kind === 'parallel' ? s.branches.map((b) => b.assignee) : [];
      for (const r of rules) if (r.kind === 'role' && r.scope === 'unit') expect(orgUnits.some((u) => u.code === r.unit)).toBe(true);
    }
  });

  it('promises what the service items publish: no process and catalog limits that disagree', () => {
    const items = new Map(serviceItems.map((s) => [s.code, s.content.promisedLimit]));
    const all = [...demoProcesses, ...onboardingMembers, { service: onboardingBundle.service, process: onboardingBundle.definition }];
    expect(all.map((d) => [d.service, promisedLimitMismatch(d.process, items.get(d.service))]).filter(([, m]) => m !== null)).toEqual([]);
  });

  it('covers the issue\'s processes and gives every demo applicant a record', () => {
    expect(demoProcesses.map((d) => d.service)).toEqual(expect.arrayContaining([
      'employment-certificate', 'leave-request', 'private-travel-abroad', 'staff-leaving', 'travel-reimbursement',
      'housing-fund-retirement-withdrawal', 'asset-disposal', 'postdoc-entry', 'teacher-apartment',
    ]));
    expect(processPeople.every((p) => orgUnits.some((u) => u.code === p.orgUnit))).toBe(true);
    const teacher = profileSeeds().find((p) => p.username === 'teacher')!;
    expect(teacher).toMatchObject({ staffNo: expect.any(String), bankCard: expect.stringMatching(/^\d{16,19}$/), supervisor: 'csdean' });
  });
});
