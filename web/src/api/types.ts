// Shapes of the OneStop HTTP API as the web app reads them (see the API contract in the server's OpenAPI).
import type { Audience, ItemState, LifeEvent, Localized, ServiceItemContent, TimeLimit } from '../../../common/catalog.ts';
import type { OrgKind, Role } from '../../../common/org.ts';

export type { Audience, ItemState, LifeEvent, Localized, ServiceItemContent, TimeLimit, Role };

export interface NamedCode { code: string; name: Localized }

export interface Meta {
  campuses: NamedCode[];
  departments: Array<NamedCode & { kind: OrgKind; parent: string | null }>;
  categories: NamedCode[];
  lifeEvents: Array<{ code: LifeEvent; name: Localized }>;
  audiences: Array<{ code: Audience; name: Localized }>;
}

export interface ServiceSummary {
  code: string;
  name: Localized;
  summary: Localized;
  department: NamedCode;
  category: NamedCode;
  audiences: Audience[];
  lifeEvents: LifeEvent[];
  mode: ServiceItemContent['mode'];
  visits: number;
  handling: ServiceItemContent['handling'];
  promisedLimit: TimeLimit;
  popularity: number;
}

export interface ServiceList { items: ServiceSummary[]; total: number }

export interface ServiceDetail {
  code: string;
  version: number;
  publishedAt: string;
  department: NamedCode;
  category: NamedCode;
  content: ServiceItemContent;
}

export type Locale = 'zh-CN' | 'en';
export interface Preferences { elderMode: boolean; locale: Locale }

export interface Me {
  id: string;
  username: string;
  displayName: string;
  kind: Audience;
  orgUnit: NamedCode;
  roles: Array<{ role: Role; scope: string }>;
  preferences: Preferences & { saved?: boolean };
}

export interface Session { user: Me | null; csrfToken: string }

export interface DemoAccounts {
  enabled: boolean;
  password: string | null;
  accounts: Array<{ username: string; displayName: string; roles: Role[] }>;
}

export type DraftState = 'draft' | 'in_review';

export interface AdminItemRow {
  code: string;
  name: Localized;
  department: NamedCode;
  retired: boolean;
  publishedVersion: number | null;
  draft: { version: number; state: DraftState } | null;
  updatedAt: string;
}

export interface VersionInfo {
  version: number;
  state: ItemState;
  createdAt: string;
  createdBy: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  comment: string | null;
}

export interface AdminItem {
  code: string;
  department: NamedCode;
  retired: boolean;
  /** extra fields the server sends: whether the signed-in person may edit / publish this item */
  canEdit?: boolean;
  canPublish?: boolean;
  versions: VersionInfo[];
  draft: { version: number; state: DraftState; content: ServiceItemContent } | null;
  published: { version: number; content: ServiceItemContent } | null;
}

export interface VersionContent { version: number; state: ItemState; content: ServiceItemContent }

export interface FieldChange { path: string; before: unknown; after: unknown }
export interface VersionDiff { from: number; to: number; changes: FieldChange[] }
