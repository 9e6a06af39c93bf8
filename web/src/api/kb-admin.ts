// Knowledge-base administration: the FAQ list and its review steps, the search backlog and its resolution.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import { XLSX_TYPE } from './admin.ts';
import type { Localized, NamedCode } from './types.ts';

export type FaqState = 'draft' | 'in_review' | 'published' | 'retired';
export interface AdminFaq {
  id: string; category: string; question: Localized; service: string | null; owner: string | null; state: FaqState;
  views: number; helpful: { yes: number; no: number }; updatedAt: string;
}
export interface BacklogEntry {
  id: string; query: string; reason: 'no_result' | 'no_click' | 'not_helpful'; faq: string | null; count: number;
  firstSeen: string; lastSeen: string; status: 'open' | 'done'; resolution: Record<string, string> | null;
}
export interface FaqContent {
  category: string; question: string; answer: string; aliases: string[]; service: string | null;
  en: { question: string; answer: string } | null;
}
export type Resolution =
  | { action: 'new_faq'; id: string; content: FaqContent }
  | { action: 'alias'; faq: string; alias?: string }
  | { action: 'dismiss' };

export function useAdminFaqs(state?: FaqState) {
  return useQuery({ queryKey: ['admin-faqs', state ?? ''], queryFn: () => api.get<{ items: AdminFaq[] }>('/api/v1/admin/kb/faqs', { state }) });
}

export function useBacklog(status: 'open' | 'done') {
  return useQuery({ queryKey: ['backlog', status], queryFn: () => api.get<{ items: BacklogEntry[] }>('/api/v1/admin/kb/backlog', { status }) });
}

export function useKbCategories() {
  return useQuery({
    queryKey: ['kb-categories'],
    queryFn: () => api.get<{ items: (NamedCode & { count: number })[] }>('/api/v1/kb/categories'),
    staleTime: 10 * 60_000,
  });
}

export function useFaqStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: 'submit' | 'publish' | 'reject' | 'retire' }) =>
      api.post<{ id: string; state: FaqState }>(`/api/v1/admin/kb/faqs/${encodeURIComponent(id)}/${step}`, {}),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['admin-faqs'] }); },
  });
}

export function useResolveBacklog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, resolution }: { id: string; resolution: Resolution }) => api.post(`/api/v1/admin/kb/backlog/${id}/resolve`, resolution),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['backlog'] });
      void qc.invalidateQueries({ queryKey: ['admin-faqs'] });
    },
  });
}

export interface AdminFaqDetail extends AdminFaq { content: FaqContent; canEdit: boolean; canPublish: boolean }

export function useAdminFaq(id: string | null) {
  return useQuery({
    queryKey: ['admin-faq', id],
    queryFn: () => api.get<AdminFaqDetail>(`/api/v1/admin/kb/faqs/${encodeURIComponent(id!)}`),
    enabled: id !== null,
  });
}

/** Creates a FAQ (a draft) when `isNew`, otherwise saves new content (the FAQ goes back to draft). */
export function useSaveFaq() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, content, isNew }: { id: string; content: FaqContent; isNew: boolean }) => (isNew
      ? api.post('/api/v1/admin/kb/faqs', { id, content })
      : api.put(`/api/v1/admin/kb/faqs/${encodeURIComponent(id)}`, { content })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['admin-faqs'] });
      void qc.invalidateQueries({ queryKey: ['admin-faq'] });
    },
  });
}

/** Download the FAQs one manages (not retired) as a workbook or JSON Lines: the import format. */
export function exportFaqs(format: 'xlsx' | 'jsonl'): Promise<void> {
  return api.download(`/api/v1/admin/kb/faqs/export?format=${format}`, `onestop-faq.${format}`);
}

/** Import a workbook (.xlsx) or JSON Lines file: all records or none; `publish` (hall managers, system admins) at once. */
export function useImportFaqs() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, publish }: { file: File; publish: boolean }) =>
      api.upload<{ created: number; updated: number; published: boolean }>('/api/v1/admin/kb/faqs/import', file,
        /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'application/jsonl', publish ? { publish: true } : undefined),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin-faqs'] }),
  });
}
