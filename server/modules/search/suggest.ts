// Suggest (what the search box shows on each keystroke) over the in-process index: prefix and substring matches on
// titles and aliases, pinyin and initials, synonyms and a typo-corrected needle. Pure; SearchIndex owns the data
// and calls `suggest` with it.
//
// Only candidates are looked at (documents that can score at all, from the candidate index), each with an upper
// bound of its score known before any string test: 3 when a title or alias may start with a needle (text prefix
// index), 2.5 × its pinyin score, 2 when a text may merely contain a needle.
// Candidates are visited bound by bound, highest first, each bound's in (popularity desc, insertion order); a bound's
// visit stops as soon as the last of the top beats what any remaining document of that bound could reach. The
// result is that of scoring every document and sorting by (score desc, popularity desc, insertion order).
import { expandSynonyms, type SynonymDictionary } from './synonyms.ts';
import { PINYIN_LEVELS, type CandidateDoc, type CandidateIndex } from './candidates.ts';
import type { TypoCorrector } from './typo-correction.ts';
import { normalizeQuery, pinyinKeys } from './tokenize.ts';

/** What suggest needs of a stored document. */
export interface SuggestDoc extends CandidateDoc {
  doc: { kind: 'service' | 'faq' | 'notice'; id: string; title: string; popularity: number };
  /** per-call scratch: a text needle's rarest unit is in a title or alias / a title or alias may start with a needle */
  textMark: number;
  prefixMark: number;
}

export interface Suggestion {
  kind: SuggestDoc['doc']['kind'];
  id: string;
  title: string;
}

/** The index state suggest reads. */
export interface SuggestSource<D extends SuggestDoc> {
  bySeq: readonly (D | undefined)[];
  candidates: CandidateIndex;
  corrector: TypoCorrector;
  synonyms: SynonymDictionary;
  order: RankOrder<D>;
  /** a fresh mark generation for the per-call scratch */
  nextGen(): number;
  /** popularity prior in [0, 1], non-decreasing in popularity */
  prior(d: D): number;
}

const HAN_RE = /\p{Script=Han}/u;

interface Entry<D> { s: D; score: number }

/** The best `limit` (at most 50) suggestions for a raw query. */
export function suggest<D extends SuggestDoc>(src: SuggestSource<D>, q: unknown, limit = 8): Suggestion[] {
  const query = normalizeQuery(q);
  const max = Math.max(0, Math.min(50, Math.floor(Number(limit) || 0)));
  if (!query || !max) return [];
  const compact = query.replace(/\s+/g, '');
  const py = pinyinKeys(query).full;
  const expansions = expandSynonyms(query, src.synonyms);
  const { bySeq, candidates: index } = src;
  const gen = src.nextGen();
  const candidates: D[] = [];
  if (py.length > PINYIN_LEVELS) index.longPinyinScores(bySeq, py, gen, candidates);
  else if (py.length >= 1) index.pinyinScores(bySeq, py, gen, false, candidates);
  // a look-alike or homophone slip (在续证明) that no title holds as typed: the corrected text is a needle too
  let fix = '';
  if (HAN_RE.test(query) && !index.rarestUnit(compact)) {
    const corrected = src.corrector.correct(query).replace(/\s+/g, '');
    if (corrected !== compact) fix = corrected;
  }
  // a text match needs every UTF-16 unit of the needle in the title or an alias: the documents holding its rarest
  // unit pair are enough
  const needles = new Set([compact, query, ...expansions, ...(fix ? [fix] : [])]);
  for (const needle of needles) {
    const list = index.rarestUnit(needle);
    if (!list) continue;
    for (let i = 0; i < list.n; i++) {
      const s = bySeq[list.docs[i]]!;
      s.textMark = gen;
      if (s.mark !== gen) { s.mark = gen; candidates.push(s); }
    }
  }
  // only these needles score above 2, and only at the start of a text
  for (const needle of new Set([compact, query, ...(fix ? [fix] : [])])) {
    const list = index.startingWith(needle);
    if (list) for (let i = 0; i < list.n; i++) bySeq[list.docs[i]]!.prefixMark = gen;
  }

  const score = (s: D): number => {
    let v = 0;
    if (s.textMark === gen) {
      // (a document outside the text candidates contains neither the query nor an expansion: text score 0)
      const texts = s.texts;
      for (let i = 0; i < texts.length; i++) {
        const t = texts[i];
        const w = i === 0 ? 1 : 0.8;
        if (t.startsWith(compact) || t.startsWith(query)) v = Math.max(v, 3 * w);
        else if (t.includes(compact) || t.includes(query)) v = Math.max(v, 2 * w);
        else if (fix && t.includes(fix)) v = Math.max(v, (t.startsWith(fix) ? 2.4 : 1.6) * w);
        else if (expansions.some((e) => t.includes(e))) v = Math.max(v, 1.2 * w);
      }
    }
    if (s.pyMark === gen) v = Math.max(v, s.pyScore * 2.5);
    return v;
  };
  const bound = (s: D): number => {
    const text = s.textMark !== gen ? 0 : s.prefixMark === gen ? 3 : 2;
    return Math.max(text, s.pyMark !== gen ? 0 : 2.5 * s.pyScore);
  };

  // the best `max` by (score desc, popularity desc, insertion order) — what a stable sort of a full scan gives
  const top: Entry<D>[] = [];
  const before = (a: Entry<D>, b: Entry<D>) =>
    (b.score - a.score || b.s.doc.popularity - a.s.doc.popularity || a.s.seq - b.s.seq) < 0;
  const offer = (s: D, prior: number) => {
    const v = score(s);
    if (v <= 0) return;
    const entry = { s, score: v + prior };
    if (top.length === max && !before(entry, top[max - 1])) return;
    let at = top.length;
    while (at > 0 && before(entry, top[at - 1])) at--;
    top.splice(at, 0, entry);
    if (top.length > max) top.pop();
  };
  const ordered = src.order.sort(candidates, gen);
  if (!ordered) {
    // no consistent popularity order (a non-finite popularity): every candidate is scored
    for (const s of candidates) offer(s, 0.3 * src.prior(s));
  } else {
    const byBound = new Map<number, D[]>();
    for (const s of ordered) {
      const b = bound(s);
      if (b <= 0) continue;
      const list = byBound.get(b);
      if (list) list.push(s);
      else byBound.set(b, [s]);
    }
    for (const b of [...byBound.keys()].sort((x, y) => y - x)) {
      for (const s of byBound.get(b)!) {
        const prior = 0.3 * src.prior(s);
        // every later document of this bound scores at most b + its prior, which only falls from here, and
        // comes later by popularity and insertion order: if the last of the top beats this, it beats them all
        if (top.length === max && before(top[max - 1], { s, score: b + prior })) break;
        offer(s, prior);
      }
    }
  }
  return top.map(({ s }) => ({ kind: s.doc.kind, id: s.doc.id, title: s.doc.title }));
}

/** Documents in (popularity desc, insertion order), rebuilt lazily after changes. */
export class RankOrder<D extends SuggestDoc> {
  private byRank: D[] | undefined;
  private rankPos = new Int32Array(0);

  constructor(private readonly all: () => Iterable<D>, private readonly seqs: () => number) {}

  /** Forget the order (a document was added, removed or replaced). */
  invalidate(): void {
    this.byRank = undefined;
  }

  /**
   * The candidates (marked with `gen`) in (popularity desc, insertion order); undefined when some popularity is
   * not a finite number (no consistent order).
   */
  sort(candidates: D[], gen: number): D[] | undefined {
    if (!this.byRank) {
      const all = [...this.all()];
      if (!all.every((s) => Number.isFinite(s.doc.popularity))) return undefined;
      all.sort((a, b) => b.doc.popularity - a.doc.popularity || a.seq - b.seq);
      this.rankPos = new Int32Array(this.seqs());
      all.forEach((s, i) => (this.rankPos[s.seq] = i));
      this.byRank = all;
    }
    const byRank = this.byRank;
    // many candidates: one pass over every document beats sorting them
    if (candidates.length * 8 > byRank.length) return byRank.filter((s) => s.mark === gen);
    const at = new Int32Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) at[i] = this.rankPos[candidates[i].seq];
    at.sort();
    return Array.from(at, (i) => byRank[i]);
  }
}
