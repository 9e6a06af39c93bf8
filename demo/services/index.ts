// The demo catalog: every service item of the demo university, by category file.
import type { ServiceItemSeed } from '../../common/catalog.ts';
import { personnelItems } from './personnel.ts';
import { financeItems } from './finance.ts';
import { researchItems } from './research.ts';
import { assetItems } from './assets.ts';
import { teachingItems } from './teaching.ts';
import { studentItems } from './student.ts';
import { housingItems } from './housing.ts';
import { internationalItems } from './international.ts';
import { certificateItems } from './certificates.ts';
import { sealItems } from './seals.ts';
import { retirementItems } from './retirement.ts';
import { itItems } from './it.ts';
import { healthItems } from './health.ts';
import { campusLifeItems } from './campus-life.ts';
import { alumniItems } from './alumni.ts';

export const serviceItems: ServiceItemSeed[] = [
  ...personnelItems, ...financeItems, ...researchItems, ...assetItems, ...teachingItems,
  ...studentItems, ...housingItems, ...internationalItems, ...certificateItems, ...sealItems,
  ...retirementItems, ...itItems, ...healthItems, ...campusLifeItems, ...alumniItems,
];
