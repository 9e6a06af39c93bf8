// The form builder's side of the admin API (server/modules/workflow/admin-routes.ts): the current form and
// process of a service with every version, a check (dry run) or publish of a new pair, and the diff of two
// form versions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormDefinition } from '../../../common/form.ts';
import type { ProcessDefinitionShape } from '../../../common/process.ts';
import { api } from './client.ts';
import type { FieldChange, Localized } from './types.ts';


export interface DefinitionVersion { version: number; createdAt: string; createdBy: string | null }

/** A lint finding: `path` is a JSON pointer into the body ("/form/fields/3/visibleIf", "/process/hr"). */
export interface DefinitionProblem { severity: 'error' | 'warning'; path: string; message: string }

export interface ServiceDefinitions {
  service: { code: string; department: { code: string; name: Localized } };
  current: null | {
    form: { version: number; definition: FormDefinition };
    process: { version: number; definition: ProcessDefinitionShape };
    /** Set for a life-event bundle, whose form is merged from its members and cannot be edited here. */
    bundle?: unknown;
  };
  formVersions: DefinitionVersion[];
  processVersions: DefinitionVersion[];
}

export interface SaveAnswer { published: { form: number; process: number } | null; problems: DefinitionProblem[] }

const at = (code: string) => `/api/v1/admin/services/${encodeURIComponent(code)}/process`;

/** The versions as they are on the server now, apart from the page's own copy (after a publish conflict). */
export function useLatestDefinitions(code: string, enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'definitions-latest', code],
    queryFn: () => api.get<ServiceDefinitions>(at(code)),
    enabled: enabled && code !== '',
    staleTime: 0,
  });
}

export function useServiceDefinitions(code: string) {
  return useQuery({
    queryKey: ['admin', 'definitions', code],
    queryFn: () => api.get<ServiceDefinitions>(at(code)),
    enabled: code !== '',
  });
}

/** Check (`dryRun`) or publish a form with the process sent back as it is. */
export function useSaveDefinitions(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ form, process, dryRun, expectedVersions }: { form: FormDefinition; process: ProcessDefinitionShape; dryRun: boolean; expectedVersions?: { form: number; process: number } }) =>
      api.put<SaveAnswer>(`${at(code)}${dryRun ? '?dryRun=true' : ''}`, { form, process, ...(expectedVersions ? { expectedVersions } : {}) }),
    onSuccess: async (answer) => {
      if (!answer.published) return;
      await qc.invalidateQueries({ queryKey: ['admin', 'definitions', code] });
      // The apply page shows the new version from now on.
      await qc.invalidateQueries({ queryKey: ['service-form', code] });
    },
  });
}

export function useFormDiff(code: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['admin', 'form-diff', code, from, to],
    queryFn: () => api.get<{ changes: FieldChange[] }>(`${at(code)}/diff`, { kind: 'form', from, to }),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}
