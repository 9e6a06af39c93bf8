// The demo processes: one online application per service code, each with its form.
import { assetDisposal } from './assets.ts';
import { employmentCertificate } from './certificates.ts';
import { travelReimbursement } from './finance.ts';
import { housingFundRetirement, teacherApartment } from './housing.ts';
import { privateTravelAbroad } from './international.ts';
import { leaveRequest, staffLeaving } from './personnel.ts';
import { postdocEntry } from './research.ts';
import type { DemoProcess } from './kit.ts';

export type { DemoProcess };
export { processPeople, profileSeeds } from './people.ts';
export { onboardingBundle, onboardingMembers, onboardingPeople, onboardingProfiles } from './onboarding.ts';

export const demoProcesses: DemoProcess[] = [
  employmentCertificate, leaveRequest, privateTravelAbroad, staffLeaving, travelReimbursement,
  housingFundRetirement, assetDisposal, postdocEntry, teacherApartment,
];
