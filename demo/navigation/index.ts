// The demo university's guided-navigation trees (智能导办), loaded into `navigator_tree` by the seed.
import type { NavigatorTree } from '../../common/assistant.ts';
import { enrollment } from './enrollment.ts';
import { graduation } from './graduation.ts';
import { leaving } from './leaving.ts';
import { onboarding } from './onboarding.ts';
import { retirement } from './retirement.ts';
import { travelAbroad } from './travel-abroad.ts';

export const navigatorTrees: NavigatorTree[] = [onboarding, leaving, retirement, travelAbroad, enrollment, graduation];
