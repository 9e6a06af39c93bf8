// Search suggestions for the search box: GET /api/v1/search/suggest, abortable (one request per keystroke pause).
import type { Locale } from './types.ts';
import { noticePath } from './notices.ts';

export type SuggestionKind = 'service' | 'faq' | 'notice';

export interface Suggestion { kind: SuggestionKind; id: string; title: string; titleEn?: string }

/**
 * Suggestions for `q` (at most `limit`). Uses fetch directly rather than api.get because it must be abortable:
 * a newer keystroke aborts the older request (the promise then rejects with an AbortError).
 */
export async function fetchSuggestions(q: string, locale: Locale, signal: AbortSignal, limit = 8): Promise<Suggestion[]> {
  const params = new URLSearchParams({ q, limit: String(limit) });
  const res = await fetch(`/api/v1/search/suggest?${params.toString()}`, {
    headers: { Accept: 'application/json', 'Accept-Language': locale },
    credentials: 'same-origin',
    signal,
  });
  if (!res.ok) throw new Error(`suggest ${res.status}`);
  const body = (await res.json()) as { items?: unknown };
  if (!Array.isArray(body.items)) return [];
  return body.items.filter((s): s is Suggestion =>
    !!s && typeof s === 'object' && ['service', 'faq', 'notice'].includes((s as Suggestion).kind)
    && typeof (s as Suggestion).id === 'string' && typeof (s as Suggestion).title === 'string');
}

/**
 * Where a suggestion leads: a service's guide; a knowledge-base FAQ's answer page (`/kb/<id>`), or for a
 * guide's own FAQ entry `code#n` the guide of `code`; notices have no page (the box searches for them).
 */
export function suggestionPath(s: Suggestion): string | null {
  if (s.kind === 'service') return `/services/${encodeURIComponent(s.id)}`;
  if (s.kind === 'faq') {
    if (!s.id.includes('#')) return `/kb/${encodeURIComponent(s.id)}`;
    const code = s.id.split('#')[0];
    return code ? `/services/${encodeURIComponent(code)}` : null;
  }
  return noticePath(s.id);
}
