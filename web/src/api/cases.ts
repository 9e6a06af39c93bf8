// Online applications: a service's form and process, my cases, the staff inbox and task actions.
// Types come from common/case.ts and common/form.ts (type-only: no TypeBox in the portal's bundle).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import type { CaseListOut, CaseOut, CaseStatus, InboxItemOut, InboxOut, TaskOut } from '../../../common/case.ts';
import type { FormData, FormDefinition } from '../../../common/form.ts';
import { api, ProblemError } from './client.ts';
import type { Localized, NamedCode } from './types.ts';

export type { CaseOut, CaseStatus, InboxItemOut, TaskOut };
export type CaseList = Static<typeof CaseListOut>;
export type Inbox = Static<typeof InboxOut>;
export type InboxBox = 'todo' | 'done' | 'overdue';

/** An assignee rule of a process step, as far as the flowchart needs it. */
export type AssigneeRule =
  | { kind: 'role'; role: string; scope: 'owning_department' | 'applicant_department' }
  | { kind: 'role'; role: string; scope: 'unit'; unit: string }
  | { kind: 'supervisor' }
  | { kind: 'person'; personId: string };

/** One step (环节) of a process definition (server/modules/workflow/definition.ts). */
export interface ProcessStep {
  id: string;
  name: Localized;
  kind: 'approval' | 'applicant' | 'automatic' | 'parallel';
  next?: string | Array<{ to: string; when?: string }>;
  limitDays?: number;
  assignee?: AssigneeRule;
  mode?: 'all' | 'any';
  branches?: Array<{ id: string; name: Localized; assignee: AssigneeRule }>;
}
export interface ProcessDefinition { start: string; steps: ProcessStep[]; promisedLimitDays?: number }

export interface ServiceForm {
  service: { code: string; name: Localized; department: NamedCode };
  form: { version: number; definition: FormDefinition };
  process: { version: number; definition: ProcessDefinition };
  prefill: null | { values: FormData; fromRecords: string[] };
  /** The signed-in person's own open applications of this service, newest first (at most 5). */
  openCases: Array<{ id: string; number: string; status: CaseStatus; createdAt: string }>;
  /** A life-event bundle (一件事一次办): the services the one form is sent to. */
  bundle?: { members: Array<{ key: string; name: Localized; service: string; department: NamedCode }> };
}

export const CASE_STATUS_LIST: CaseStatus[] = ['running', 'waiting_applicant', 'completed', 'rejected', 'withdrawn'];

/** The form and process of a service (404 not found, 422 `service_not_online` when it has no process). */
export function useServiceForm(code: string, enabled = true) {
  return useQuery({
    queryKey: ['service-form', code],
    queryFn: () => api.get<ServiceForm>(`/api/v1/services/${encodeURIComponent(code)}/form`),
    enabled: enabled && code !== '',
    retry: (count, err) => count < 2 && !(err instanceof ProblemError && err.status < 500),
  });
}

/** The services that can be applied for online (one small request, shared by every guide page). */
export function useOnlineServices() {
  return useQuery({
    queryKey: ['online-services'],
    queryFn: () => api.get<{ codes: string[] }>('/api/v1/online-services'),
    staleTime: 10 * 60_000,
  });
}

/** Whether a service can be applied for online (false while unknown or on any error). */
export function useIsOnline(code: string): boolean {
  return useOnlineServices().data?.codes.includes(code) ?? false;
}

/** The form and process a case is pinned to. */
export function pinnedForm(c: CaseOut): FormDefinition {
  return c.form.definition as FormDefinition;
}
export function pinnedProcess(c: CaseOut): ProcessDefinition {
  return c.process.definition as ProcessDefinition;
}

export interface Upload { id: string; name: string; mime: string; size: number; sha256: string }

/** Uploads one file for a file field (`field` = key, or "table.column"); the server sniffs and checks its type. */
export function uploadFile(service: string, field: string, file: File): Promise<Upload> {
  return api.upload<Upload>('/api/v1/uploads', file, file.type || 'application/octet-stream', { service, field, name: file.name });
}

export interface PersonHit { id: string; username: string; name: string; kind: string; org: NamedCode }

/** People matching a name or username (staff only; others get 403 and a plain input). */
export function usePeople(q: string) {
  return useQuery({
    queryKey: ['people', q],
    queryFn: () => api.get<{ items: PersonHit[] }>('/api/v1/people', { q }),
    enabled: q.trim().length >= 1,
    staleTime: 60_000,
    retry: false,
  });
}

/** Submits once per Idempotency-Key: the caller keeps the key across retries of the same attempt. */
export function submitCase(key: string, body: { service: string; data: FormData; applicant?: string }): Promise<CaseOut> {
  return api.post<CaseOut>('/api/v1/cases', body, { 'Idempotency-Key': key });
}

export function useMyCases(status: CaseStatus | '', page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['cases', status, page],
    queryFn: () => api.get<CaseList>('/api/v1/cases', { status: status || undefined, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCase(id: string, enabled = true) {
  return useQuery({
    queryKey: ['case', id],
    queryFn: () => api.get<CaseOut>(`/api/v1/cases/${encodeURIComponent(id)}`),
    enabled: enabled && id !== '',
    retry: (count, err) => count < 2 && !(err instanceof ProblemError && err.status < 500),
  });
}

function useCaseUpdate<V>(fn: (v: V) => Promise<CaseOut>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      qc.setQueryData(['case', c.id], c);
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
}

export function useResubmit(id: string) {
  return useCaseUpdate((data: FormData) => api.post<CaseOut>(`/api/v1/cases/${encodeURIComponent(id)}/resubmit`, { data }));
}

export function useWithdraw(id: string) {
  return useCaseUpdate((reason: string) => api.post<CaseOut>(`/api/v1/cases/${encodeURIComponent(id)}/withdraw`, reason ? { reason } : {}));
}

export function useComment(id: string) {
  return useCaseUpdate((text: string) => api.post<CaseOut>(`/api/v1/cases/${encodeURIComponent(id)}/comments`, { text }));
}

export function useInbox(box: InboxBox, page: number, filter: { service?: string; q?: string } = {}) {
  return useQuery({
    queryKey: ['inbox', box, page, filter.service ?? '', filter.q ?? ''],
    queryFn: () => api.get<Inbox>('/api/v1/tasks', { box, page, pageSize: 50, service: filter.service, q: filter.q }),
    placeholderData: keepPreviousData,
  });
}

export interface BatchResult { results: Array<{ taskId: string; status: number; code?: string; caseStatus?: string }> }

/** Approves several tasks at once; each succeeds or fails on its own. */
export function useBatchApprove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: Array<{ taskId: string; version: number }>) => api.post<BatchResult>('/api/v1/tasks/batch', { action: 'approve', items }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['inbox'] });
      void qc.invalidateQueries({ queryKey: ['case'] });
    },
  });
}

/** A problem of a return for correction: tied to a field key (or a table cell path) or a material. */
export type ReturnProblem = { field: string; message: string } | { material: string; message: string };

export type TaskAction =
  | { action: 'approve'; version: number; comment?: string }
  | { action: 'reject'; version: number; reason: string }
  | { action: 'return'; version: number; problems: ReturnProblem[] }
  | { action: 'return_to_step'; version: number; toStepId: string; reason?: string }
  | { action: 'transfer'; version: number; to: { person: string } | { role: string; unit: string } }
  | { action: 'add_signer'; version: number; signer: { person: string } }
  | { action: 'comment'; text: string };

/** Task ids are "<caseId>/t<n>" and go into the path verbatim, slash included. */
export function useTaskAction(taskId: string) {
  const [caseId = '', taskNo = ''] = taskId.split('/');
  return useCaseUpdate((body: TaskAction) =>
    api.post<CaseOut>(`/api/v1/tasks/${encodeURIComponent(caseId)}/${encodeURIComponent(taskNo)}/actions`, body));
}
