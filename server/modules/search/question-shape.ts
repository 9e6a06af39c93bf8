// Question-shape matching: how closely a query and a document's name (its title or one of its similar phrasings)
// say the same thing, both ways round. BM25 rewards a document for holding the query's words; it does not see
// that "买房想用公积金贷款" and the FAQ "买房想用公积金贷款，需要什么条件？" are one question while the service name
// "住房公积金贷款" is the topic they belong to. The measure here is the F1 of content characters: the share of the
// query's content the name holds (recall) and the share of the name the query holds (precision), after dropping
// question phrasing and function characters; a colloquial word of the query counts as held when the name holds
// what the synonym dictionary says it stands for (报账 → 报销), and the name's catalog wording then counts too.
// Characters, not jieba words: a paraphrase rarely keeps the word boundaries (在读 / 读书) but keeps its characters.
// Pure.
import { STOP_CHARS, isHan, splitRuns, stripQuestionWords } from './tokenize.ts';
import { synonymKeysIn, type SynonymDictionary } from './synonyms.ts';

/** Question phrasing that stripQuestionWords leaves in (which, what to do): carries no topic either. */
const MORE_QUESTION = /哪些|哪个|什么|怎样|咋办|咋|需要|还能|一下/g;

/** Content units of a text: Han characters outside STOP_CHARS and Latin words, in order. */
export function contentUnits(text: string): string[] {
  const out: string[] = [];
  const stripped = stripQuestionWords(text.toLowerCase()).replace(MORE_QUESTION, ' ');
  for (const m of stripped.matchAll(/\p{Script=Han}|[\p{L}\p{N}]+/gu)) {
    const u = m[0];
    if (isHan(u) ? !STOP_CHARS.has(u) : u.length > 1) out.push(u);
  }
  return out;
}

/** A query prepared once for comparing with many names. */
export interface ShapeQuery {
  units: string[];
  /** the dictionary phrases in the query (lower-cased) with their targets */
  keys: { key: string; targets: string[] }[];
}

export function shapeQuery(query: string, synonyms: SynonymDictionary): ShapeQuery {
  return { units: contentUnits(query), keys: synonymKeysIn(query, synonyms) };
}

/** F1 in [0, 1] of the query's and the name's content units (see the file header); 0 when either has none. */
export function shapeMatch(q: ShapeQuery, name: string): number {
  const lower = name.toLowerCase();
  const units = contentUnits(lower);
  if (!q.units.length || !units.length) return 0;
  // synonym keys whose catalog wording the name holds: their characters count as held on both sides
  const viaKey = new Set<string>();
  const viaTarget = new Set<string>();
  for (const { key, targets } of q.keys) {
    const hit = targets.filter((t) => lower.includes(t));
    if (!hit.length) continue;
    for (const c of Array.from(key)) viaKey.add(c);
    for (const t of hit) for (const c of Array.from(t)) viaTarget.add(c);
  }
  const inName = new Set(units);
  const inQuery = new Set(q.units);
  const recall = q.units.filter((u) => inName.has(u) || viaKey.has(u)).length / q.units.length;
  const precision = units.filter((u) => inQuery.has(u) || viaTarget.has(u)).length / units.length;
  return recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
}

/** The best shapeMatch over a document's names (title first, then its similar phrasings). */
export function bestShape(q: ShapeQuery, names: readonly string[]): number {
  let best = 0;
  for (const n of names) best = Math.max(best, shapeMatch(q, n));
  return best;
}

/**
 * Is the query phrased as a question (怎么, 吗, 多少, 几, a question mark …) rather than naming a topic (盖公章,
 * 心理辅导)? Only a question can be "the FAQ's question": a topic names the service, whatever alias an FAQ carries.
 */
export function asksQuestion(query: string): boolean {
  return /[吗呢？?几哪谁咋]|怎|什么|多少|多久|多长|能不能|可不可以|可以|会不会|有没有|是不是|要不要/.test(query);
}

/** Is the query, without question phrasing and blanks, one phrase of the dictionary as a whole? */
export function wholePhrase(query: string, synonyms: SynonymDictionary): boolean {
  const core = stripQuestionWords(query).replace(/[\s\p{P}]/gu, '');
  return core !== '' && synonymKeysIn(core, synonyms).some(({ key }) => key.replace(/\s/g, '') === core);
}

/**
 * The wordings a service title could cover, as Han bigrams without stop characters: the query's own and, for a
 * query that is a whole dictionary phrase, each catalog wording it stands for (健康检查 → 体检).
 */
export function titleWordings(query: string, wholePhraseMeans: readonly string[]): string[][] {
  return [titleBigrams(stripQuestionWords(query)), ...wholePhraseMeans.map(titleBigrams)].filter((b) => b.length > 0);
}

/** The largest share of one wording's bigrams that a (lower-cased) title contains, in [0, 1]. */
export function titleCover(wordings: readonly string[][], title: string): number {
  let share = 0;
  for (const w of wordings) share = Math.max(share, w.filter((b) => title.includes(b)).length / w.length);
  return share;
}

/** Han bigrams of a text without stop characters (the part a title could cover). */
function titleBigrams(text: string): string[] {
  const out = new Set<string>();
  for (const run of splitRuns(text)) {
    if (!run.han) continue;
    const chars = Array.from(run.text);
    for (let i = 0; i + 1 < chars.length; i++) {
      if (!STOP_CHARS.has(chars[i]) && !STOP_CHARS.has(chars[i + 1])) out.add(chars[i] + chars[i + 1]);
    }
  }
  return [...out];
}
