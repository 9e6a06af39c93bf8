// Catalog administration: items I may manage, drafts, review decisions, history and diffs.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AdminItem, AdminItemRow, ServiceItemContent, VersionContent, VersionDiff } from './types.ts';

const base = '/api/v1/admin/services';
const at = (code: string) => `${base}/${encodeURIComponent(code)}`;

export type AdminStateFilter = '' | 'draft' | 'in_review' | 'published' | 'retired';

export function useAdminItems(filter: { state?: AdminStateFilter; q?: string }) {
  return useQuery({
    queryKey: ['admin', 'items', filter],
    queryFn: () => api.get<{ items: AdminItemRow[]; total: number }>(base, { state: filter.state, q: filter.q }),
  });
}

export function useAdminItem(code: string | undefined) {
  return useQuery({
    queryKey: ['admin', 'item', code],
    queryFn: () => api.get<AdminItem>(at(code!)),
    enabled: !!code,
  });
}

export function useVersion(code: string, version: number | null) {
  return useQuery({
    queryKey: ['admin', 'version', code, version],
    queryFn: () => api.get<VersionContent>(`${at(code)}/versions/${version}`),
    enabled: version !== null,
    staleTime: Infinity,
  });
}

export function useDiff(code: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['admin', 'diff', code, from, to],
    queryFn: () => api.get<VersionDiff>(`${at(code)}/diff`, { from, to }),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}

type Action =
  | { kind: 'save'; content: ServiceItemContent }
  | { kind: 'submit' }
  | { kind: 'publish'; comment?: string }
  | { kind: 'reject'; comment: string }
  | { kind: 'retire'; reason: string };

function run(code: string, action: Action): Promise<unknown> {
  switch (action.kind) {
    case 'save': return api.put(`${at(code)}/draft`, { content: action.content });
    case 'submit': return api.post(`${at(code)}/submit`);
    case 'publish': return api.post(`${at(code)}/publish`, action.comment ? { comment: action.comment } : {});
    case 'reject': return api.post(`${at(code)}/reject`, { comment: action.comment });
    case 'retire': return api.post(`${at(code)}/retire`, { reason: action.reason });
  }
}

/** One mutation for every workflow action on an item; refreshes the admin views and the public catalog. */
export function useItemAction(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) => run(code, action),
    onSuccess: async (_out, action) => {
      await qc.invalidateQueries({ queryKey: ['admin'] });
      if (action.kind === 'publish' || action.kind === 'retire') {
        await qc.invalidateQueries({ queryKey: ['services'] });
        await qc.invalidateQueries({ queryKey: ['service', code] });
      }
    },
  });
}

export function useCreateItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; content: ServiceItemContent }) => api.post<{ code: string }>(base, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'items'] }),
  });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Download the published catalog as a workbook (also the import template). */
export function exportCatalog(): Promise<void> {
  return api.download('/api/v1/admin/catalog/export', 'onestop-catalog.xlsx');
}

export interface ImportResult { items: number; created: number; updated: number; published: boolean }

/** Import a workbook: all rows or none; `publish` (hall managers, system admins) publishes at once. */
export function useImportCatalog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, publish }: { file: File; publish: boolean }) =>
      api.upload<ImportResult>('/api/v1/admin/catalog/import', file, XLSX_TYPE, publish ? { publish: true } : undefined),
    onSuccess: async (out) => {
      await qc.invalidateQueries({ queryKey: ['admin'] });
      if (out.published) {
        await qc.invalidateQueries({ queryKey: ['services'] });
        await qc.invalidateQueries({ queryKey: ['service'] });
      }
    },
  });
}
