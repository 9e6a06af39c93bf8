// Knowledge base and full search: the answer page's data, "was this helpful?", search results and the
// report of a results page left without opening anything (it feeds the editors' backlog).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { noticePath } from './notices.ts';
import type { Localized, NamedCode } from './types.ts';
import type { SuggestionKind } from './search.ts';

export interface FaqPage {
  id: string;
  category: NamedCode;
  question: Localized;
  answer: Localized;
  aliases: string[];
  service: { code: string; name: Localized; summary: Localized; department: NamedCode; mode: string; visits: number } | null;
  related: { kind: SuggestionKind; id: string; title: string; titleEn?: string }[];
  helpful: { yes: number; no: number };
  updatedAt: string;
}

export type Range = [number, number];
export interface SearchHit {
  kind: SuggestionKind; id: string; title: string; titleEn?: string;
  highlights: Range[]; snippet: string; snippetHighlights: Range[]; service?: string; category?: string;
  /** in an English request: where the query's words occur in titleEn; snippetLang 'en' when the snippet is English */
  titleEnHighlights?: Range[]; snippetLang?: 'en';
}
export interface SearchResults { items: SearchHit[]; total: number; page: number; corrected?: string }

export function useFaq(id: string) {
  return useQuery({
    queryKey: ['faq', id],
    queryFn: () => api.get<FaqPage>(`/api/v1/kb/faqs/${encodeURIComponent(id)}`),
    retry: (count, err) => count < 2 && (err as { status?: number }).status !== 404,
  });
}

export function sendHelpful(id: string, helpful: boolean): Promise<void> {
  return api.post<void>(`/api/v1/kb/faqs/${encodeURIComponent(id)}/feedback`, { helpful });
}

export function useSearch(q: string, kind: SuggestionKind | '', page: number, locale: string) {
  return useQuery({
    // the locale is part of the key: English results carry English titles and snippets
    queryKey: ['search', q, kind, page, locale],
    queryFn: () => api.get<SearchResults>('/api/v1/search', { q, kind: kind || undefined, page }),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Tells the server that the results for `query` were left without opening any (best effort, never shown). */
export function reportUnopened(query: string): void {
  api.post<void>('/api/v1/search/feedback', { query, opened: false }).catch(() => {});
}

/** Where a search hit or a related question leads. */
export function hitPath(h: { kind: SuggestionKind; id: string; service?: string }): string | null {
  if (h.kind === 'service') return `/services/${encodeURIComponent(h.id)}`;
  if (h.kind === 'faq') {
    // a guide's own FAQ entry is `<code>#<n>` and lives on the guide; a knowledge-base FAQ has its answer page
    if (h.id.includes('#')) return `/services/${encodeURIComponent(h.id.split('#')[0]!)}`;
    return `/kb/${encodeURIComponent(h.id)}`;
  }
  return noticePath(h.id);
}
