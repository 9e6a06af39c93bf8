// Ranking a service against its own FAQs (a "family": the service item and the FAQs linked to it).
//
// The rule, from the user's side: a query that names a service gets the service first and its FAQs right after
// (年假 → 带薪年休假, then "我的年假有几天？"); an FAQ stays above its own service only
// - when the query asks about a detail: the FAQ's question or one of its similar phrasings holds a topic word of the
//   query that the service's own text (name, summary, eligibility) does not, directly, through the synonym dictionary
//   or character by character in the name (打车的钱能报吗 → "出差期间打车、坐地铁的钱能报吗？" above 差旅费报销); what
//   the FAQ's answer happens to mention is no detail it asks (预支经费: an answer saying 经费 does not ask about it);
// - when the query is phrased as a question and is the FAQ's own question in other words: their question shape
//   (question-shape.ts) is high and clearly above the service name's (校友可以去体育馆吗 → "校友能去体育馆锻炼吗？");
// - or when the query is the FAQ's question exactly.
// The service then comes right after that FAQ, its apply button one step away.
// Topic words are the finest words jieba gives, without question words and one-character words (钱, 看 say little
// about a topic). BM25 alone cannot see this: a short FAQ question repeating the query's words always outscores the
// service's formal name. Pure: the index says which topic words each document holds and how its names match.

/** Only the first results are reordered: a family further down does not change what the user sees first. */
const WINDOW = 30;
/** Score factor per unit of question shape (question-shape.ts) for the first WINDOW results of a question. */
const SHAPE_WEIGHT = 0.3;
/** An FAQ is "the query's own question" when its shape reaches this and beats its service's by SHAPE_MARGIN. */
const OWN_QUESTION = 0.8;
const SHAPE_MARGIN = 0.3;

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
 * order, for every document). `shape(e)`, given only for a query phrased as a question, is how closely document e's
 * title or a similar phrasing says what the query says (question-shape.ts): the first WINDOW results gain by it, and
 * an FAQ that is the query's own question (ownQuestion) stays above its service. Sorts `ranked` in place (exact
 * title matches first, then by score) and returns it.
 */
export function orderFamilies<E extends FamilyEntry>(ranked: E[], covered: (e: E) => boolean[], shape?: (e: E) => number): E[] {
  const byScore = (a: E, b: E) => Number(b.exact) - Number(a.exact) || b.score - a.score || b.popularity - a.popularity;
  ranked.sort(byScore);
  const shapes = new Map<E, number>();
  const shapeOf = (e: E) => {
    let v = shapes.get(e);
    if (v === undefined) shapes.set(e, (v = shape ? shape(e) : 0));
    return v;
  };
  if (shape) {
    for (const e of ranked.slice(0, WINDOW)) e.score *= 1 + SHAPE_WEIGHT * shapeOf(e);
    ranked.sort(byScore);
  }
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
    const faqFirst = e.exact || asksDetail(words(e), words(svc)) || ownQuestion(shapeOf(e), shapeOf(svc));
    // the service just above the FAQ or, when the FAQ keeps its place, right after it (the apply button one step away)
    svc.score = faqFirst ? e.score * (1 - 1e-9) : e.score * (1 + 1e-9) + 1e-9;
    settled.add(e.service);
    changed = true;
  }
  if (changed) ranked.sort(byScore);
  return ranked;
}

/** The query is the FAQ's question in other words: its shape is high and clearly above its service's. */
export function ownQuestion(faqShape: number, serviceShape: number): boolean {
  return faqShape >= OWN_QUESTION && faqShape - serviceShape >= SHAPE_MARGIN;
}

/** The FAQ's question (or a similar phrasing) holds a topic word of the query its service's text does not: a detail. */
export function asksDetail(faq: readonly boolean[], service: readonly boolean[]): boolean {
  return faq.some((held, i) => held && !service[i]);
}

/** Text compared for an exact title match: lower-case letters, digits and Han characters only. */
export function exactKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
