// Search hits → API objects. Text leaves as plain strings with highlight offsets, never as markup:
// the web app wraps the ranges itself, so a stored or typed "<script>" can never become HTML.
import type { FeedDoc } from './feed.ts';
import { findRanges, highlightTerms } from './highlight.ts';
import type { Range, SearchHit, Suggestion } from './search-index.ts';
import { isHan, normalizeQuery } from './tokenize.ts';

/** Characters (UTF-16 units) of body text shown under a hit. */
export const SNIPPET_CHARS = 80;
/** How much text before the first highlight the snippet keeps, so the match is seen in context. */
const SNIPPET_LEAD = 20;
const ELLIPSIS = '…';

export function presentSuggestion(s: Suggestion, doc: FeedDoc | undefined) {
  return { kind: s.kind, id: s.id, title: s.title, ...(doc?.titleEn ? { titleEn: doc.titleEn } : {}) };
}

/** The query's Latin words (two letters or more), lower-cased: what an English title or body can be marked with. */
export function englishMarks(query: string): string[] {
  return highlightTerms(normalizeQuery(query), []).filter((m) => !isHan(m[0]));
}

/**
 * A hit as the API shows it. With `english` (the request is in English: the query's Latin words, maybe none), a
 * record that has English text shows it: `titleEn` with `titleEnHighlights`, and the snippet taken from the
 * English body (`snippetLang: 'en'`); otherwise the Chinese body, as the index matched it.
 */
export function presentHit(hit: SearchHit, doc: FeedDoc | undefined, english?: string[]) {
  const en = english && doc?.bodyEn ? makeSnippet(doc.bodyEn, findRanges(doc.bodyEn, english)) : undefined;
  const { snippet, highlights } = en ?? makeSnippet(doc?.body ?? '', hit.highlights.body);
  return {
    kind: hit.kind,
    id: hit.id,
    title: hit.title,
    ...(doc?.titleEn ? { titleEn: doc.titleEn } : {}),
    ...(english && doc?.titleEn ? { titleEnHighlights: findRanges(doc.titleEn, english) } : {}),
    highlights: hit.highlights.title,
    snippet,
    snippetHighlights: highlights,
    ...(en ? { snippetLang: 'en' as const } : {}),
    ...(doc?.service ? { service: doc.service } : {}),
    ...(doc?.category ? { category: doc.category } : {}),
  };
}

/**
 * A window of the body around its first highlight, with the highlights moved into the window's
 * offsets (clipped at its edges). Line breaks become spaces; an ellipsis marks cut text.
 */
export function makeSnippet(body: string, ranges: Range[]): { snippet: string; highlights: Range[] } {
  const text = body.replace(/\s/g, ' ');
  let start = ranges.length ? Math.max(0, ranges[0][0] - SNIPPET_LEAD) : 0;
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  // never split a surrogate pair (an emoji or a rare character outside the BMP)
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  const lead = start > 0 ? ELLIPSIS : '';
  const tail = end < text.length ? ELLIPSIS : '';
  const shift = lead.length - start;
  const highlights: Range[] = [];
  for (const [a, b] of ranges) {
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    if (from < to) highlights.push([from + shift, to + shift]);
  }
  return { snippet: lead + text.slice(start, end) + tail, highlights };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
