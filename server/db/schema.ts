// Table types for Kysely. Timestamps are ISO-8601 strings and booleans 0/1 integers,
// so the same queries run unchanged on SQLite and PostgreSQL.
import type { KnowledgeBaseTables } from './schema-kb.ts';
import type { WorkflowTables } from './schema-workflow.ts';
import type { NotifyTables } from './schema-notify.ts';
import type { NavigatorTables } from './schema-navigator.ts';
import type { SearchTables } from './schema-search.ts';
import type { BundleTables } from './schema-bundle.ts';
import type { CalendarTables } from './schema-calendar.ts';
import type { Generated } from 'kysely';

export interface CampusTable { code: string; name_zh: string; name_en: string; address_zh: string; address_en: string }
export interface OrgUnitTable {
  code: string; parent_code: string | null; kind: string; name_zh: string; name_en: string; campus_code: string; sort: number;
}
export interface CategoryTable { code: string; name_zh: string; name_en: string; sort: number }
export interface PersonTable {
  id: string; username: string; display_name: string; kind: string; org_unit_code: string;
  email: string; phone: string; password_hash: string | null; active: number;
  elder_mode: number; locale: string; created_at: string; preferences_saved_at: string | null;
}
export interface RoleGrantTable { id: string; person_id: string; role: string; scope_code: string; created_at: string }
export interface SessionTable {
  id: string; person_id: string; csrf_token: string; created_at: string; expires_at: string;
}
export interface ServiceItemTable {
  id: string; code: string; department_code: string; popularity: number;
  retired: number; retired_at: string | null;
  published_version: number | null; draft_version: number | null;
  created_at: string; updated_at: string;
}
export interface ServiceItemVersionTable {
  id: string; item_id: string; version: number; state: string; content: string;
  created_at: string; created_by: string | null;
  submitted_at: string | null; submitted_by: string | null;
  decided_at: string | null; decided_by: string | null; comment: string | null;
}
export interface FavoriteTable { person_id: string; item_id: string; created_at: string }
export interface AuditLogTable {
  seq: number; at: string; actor_id: string | null; action: string; entity: string; entity_id: string;
  detail: string; prev_hash: string; hash: string;
}
export interface AuditHeadTable { id: number; seq: number; hash: string }
/** An audit row recorded but not yet on the chain (audit/service.ts chainPending). */
export interface AuditPendingTable { id: string; at: string; actor_id: string | null; action: string; entity: string; entity_id: string; detail: string }
export interface RevisionTable { name: string; revision: number }
export interface MetaTable { key: string; value: string }

export interface Database extends KnowledgeBaseTables, WorkflowTables, NavigatorTables, NotifyTables, SearchTables, BundleTables, CalendarTables {
  campus: CampusTable;
  org_unit: OrgUnitTable;
  category: CategoryTable;
  person: PersonTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
  service_item: ServiceItemTable;
  service_item_version: ServiceItemVersionTable;
  favorite: FavoriteTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  audit_pending: AuditPendingTable;
  revision: RevisionTable;
  meta: MetaTable;
}
export type { Generated };
