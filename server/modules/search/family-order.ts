// Ranking a service against its own FAQs (a "family": the service item and the FAQs linked to it).
//
// The rule, from the user's side: a query that names a service gets the service first and its FAQs right after
// (年假 → 带薪年休假, then "我的年假有几天？"); an FAQ stays above its own service only when the query asks about a
// detail — it holds a topic word of the query that the service's own text (name, summary, eligibility) does not,
// directly, through the synonym dictionary or character by character in the name (打车的钱能报吗 → "出差期间打车、
// 坐地铁的钱能报吗？" above 差旅费报销) — or when the query is the FAQ's question exactly. Topic words are the finest
// words jieba gives, without question words and one-character words (钱, 看 say little about a topic). BM25 alone
// cannot see this: a short FAQ question repeating the query's words always outscores the service's formal name.
// Pure: the index says which topic words each document holds.

/** Only the first results are reordered: a family further down does not change what the user sees first. */
const WINDOW = 30;

export interface FamilyEntry {
  kind: string;
  id: string;
  /** the service an FAQ is linked to */
  service?: string;
  score: number;
  /** breaks ties of score */
  popularity: number;
  /** the query is this document's title, up to punctuation and blanks */
  exact: boolean;
}

/**
 * Lifts each service just above the highest of its FAQs that does not ask a detail (see the file header).
 * `covered(e)` tells which of the query's topic words document e's own text holds (the same words, in the same
 * order, for every document). Sorts `ranked` in place (exact title matches first, then by score) and returns it.
 */
export function orderFamilies<E extends FamilyEntry>(ranked: E[], covered: (e: E) => boolean[]): E[] {
  const byScore = (a: E, b: E) => Number(b.exact) - Number(a.exact) || b.score - a.score || b.popularity - a.popularity;
  ranked.sort(byScore);
  const services = new Map<string, E>();
  for (const e of ranked) if (e.kind === 'service') services.set(e.id, e);
  const settled = new Set<string>();
  const memo = new Map<E, boolean[]>();
  const words = (e: E) => {
    let w = memo.get(e);
    if (!w) memo.set(e, (w = covered(e)));
    return w;
  };
  let changed = false;
  for (const e of ranked.slice(0, WINDOW)) {
    if (e.kind !== 'faq' || !e.service || settled.has(e.service)) continue;
    const svc = services.get(e.service);
    if (!svc || svc.score >= e.score || svc.exact) continue;
    if (e.exact || asksDetail(words(e), words(svc))) continue;
    svc.score = e.score * (1 + 1e-9) + 1e-9;
    settled.add(e.service);
    changed = true;
  }
  if (changed) ranked.sort(byScore);
  return ranked;
}

/** The FAQ holds a topic word of the query that its service's text does not: the query asks about that detail. */
export function asksDetail(faq: readonly boolean[], service: readonly boolean[]): boolean {
  return faq.some((held, i) => held && !service[i]);
}

/** Text compared for an exact title match: lower-case letters, digits and Han characters only. */
export function exactKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
