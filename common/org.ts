// The org tree, campuses, categories and roles: shared contract of server, web and demo data.
import type { Localized, Audience } from './catalog.ts';

export interface CampusSeed { code: string; name: Localized; address: Localized }

export type OrgKind = 'school' | 'department' | 'college' | 'office';
export interface OrgUnitSeed {
  code: string;
  /** parent code; null for the school itself */
  parent: string | null;
  kind: OrgKind;
  name: Localized;
  campus: string;
}

export interface CategorySeed { code: string; name: Localized; sort: number }

export const ROLES = [
  'applicant', 'window_clerk', 'dept_reviewer', 'dept_admin', 'hall_manager',
  'seal_custodian', 'data_steward', 'auditor', 'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface PersonSeed {
  username: string;
  displayName: string;
  kind: Audience;
  orgUnit: string;
  email: string;
  phone: string;
  /** roles with their org scope (org unit code; the school code = everywhere) */
  roles: Array<{ role: Role; scope: string }>;
}
