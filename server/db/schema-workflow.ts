// Tables of applications and the workflow shell (cases, tasks, outbox) — issue 3.
import type { Generated } from 'kysely';

export interface PersonProfileTable {
  person_id: string; staff_no: string | null; title: string | null; bank_name: string | null; bank_card: string | null;
  hire_date: string | null; supervisor_id: string | null; updated_at: string;
}
export interface DefinitionTable {
  id: string; service_code: string; version: number; definition: string; created_at: string; created_by: string | null;
}
export interface CaseCounterTable { year: number; last: number }
export interface WorkflowCaseTable {
  id: string; number: string; service_code: string; department_code: string; form_version: number; process_version: number;
  applicant_id: string; on_behalf_of: string | null; status: string; state: string; data: string; visits: number; rev: number;
  created_at: string; updated_at: string; finished_at: string | null;
  /** 'case', or 'bundle' for the parent of a life-event bundle (schema-bundle.ts); children name parent and member. */
  kind: Generated<string>; parent_id: string | null; bundle_member: string | null;
  /**
   * The promised limit (承诺时限, promise.ts): limit and unit taken at submission, its start (China date), the days
   * it waited on the applicant (closed pauses) and since when it waits now, and the due and warning (80 %) dates.
   */
  promised_limit: number | null; promised_unit: string | null; promised_start: string | null;
  promised_paused: Generated<number>; promised_paused_since: string | null; promised_due: string | null; promised_warn: string | null;
  /** When the case's yellow warning and red escalation fired (case-timers.ts); cleared when the dates move past today. */
  promised_warned_at: string | null; promised_escalated_at: string | null;
}
export interface CaseTaskTable {
  id: string; case_id: string; step_id: string; branch_id: string | null;
  assignee_kind: string; assignee_role: string | null; assignee_org: string | null; assignee_person: string | null;
  state: string; outcome: string | null; version: number; opened_at: string; due_date: string | null;
  warn_date: string | null; warned_at: string | null; escalated_at: string | null;
  closed_at: string | null; done_by: string | null;
}
export interface CaseEventTable {
  id: string; case_id: string; seq: number; at: string; actor_id: string | null; type: string;
  step_id: string | null; task_id: string | null; detail: string;
}
export interface OutboxTable {
  id: string; kind: string; payload: string; attempts: number; next_attempt_at: string; locked_until: string | null;
  done_at: string | null; failed_at: string | null; last_error: string | null; created_at: string;
}
export interface IdempotencyKeyTable {
  person_id: string; key: string; request_hash: string; case_id: string; status_code: number; response: string; created_at: string;
}
export interface NotificationTable {
  id: string; person_id: string; event: string; case_id: string | null; task_id: string | null; outbox_id: string;
  created_at: string; read_at: string | null;
}

export interface FormDraftTable { person_id: string; service_code: string; data: string; updated_at: string }

export interface UploadTable { id: string; person_id: string; sha256: string; size: number; mime: string; name: string; created_at: string }

export interface DelegationTable {
  id: string; person_id: string; delegate_id: string; starts_on: string; ends_on: string; created_at: string; revoked_at: string | null;
}

export interface WorkflowTables {
  delegation: DelegationTable;
  form_draft: FormDraftTable;
  upload: UploadTable;
  person_profile: PersonProfileTable;
  form_definition: DefinitionTable;
  process_definition: DefinitionTable;
  case_counter: CaseCounterTable;
  workflow_case: WorkflowCaseTable;
  case_task: CaseTaskTable;
  case_event: CaseEventTable;
  outbox: OutboxTable;
  idempotency_key: IdempotencyKeyTable;
  notification: NotificationTable;
}
