// Highlight ranges for search hits: offsets only, so the UI wraps them and the index never emits markup.
import { BIGRAM, STOP_CHARS, UNIGRAM, isHan, tokenize } from './tokenize.ts';

/** [start, end) in UTF-16 offsets of the field's text. */
export type Range = [number, number];

/** Surface strings to highlight: Han runs' jieba words and bigrams, Latin words. */
export function highlightTerms(query: string, expansions: string[]): string[] {
  const out = new Set<string>();
  for (const text of [query, ...expansions]) {
    for (const t of tokenize(text)) {
      if (t.startsWith(UNIGRAM)) continue;
      const surface = t.startsWith(BIGRAM) ? t.slice(BIGRAM.length) : t;
      if (Array.from(surface).every((c) => STOP_CHARS.has(c))) continue;
      if (!isHan(surface[0]) && surface.length < 2) continue;
      out.add(surface);
    }
  }
  return [...out];
}

/** Every occurrence of every mark in text, merged. */
export function findRanges(text: string, marks: string[]): Range[] {
  const lower = text.toLowerCase();
  const ranges: Range[] = [];
  for (const m of marks) {
    for (let i = lower.indexOf(m); i >= 0 && ranges.length < 200; i = lower.indexOf(m, i + m.length)) {
      ranges.push([i, i + m.length]);
    }
  }
  return mergeRanges(ranges);
}

export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

