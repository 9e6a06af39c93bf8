// Suggest's candidate indexes: which documents could match a keystroke at all, so suggest (and the full
// search's pinyin bonus) look at those instead of scanning every title. Two structures over titles and
// aliases: the UTF-16 units and unit pairs of their lower-cased text, and a prefix index of the pinyin codes
// (full pinyin and initials) each key can start matching at. Pure data structures, fed by SearchIndex.
import { PINYIN_SCORES, matchPinyinAt, pinyinCodes, type CodeList } from './pinyin-match.ts';
import type { PinyinKeys } from './tokenize.ts';

/** Documents by seq (growable typed array). */
export interface DocList { n: number; docs: Int32Array }

/**
 * Where a pinyin string can start matching: documents (by seq) with, per entry, the key and syllable position
 * (key * KEY_STRIDE + position) and the entry's score when py is exactly the code (as an index into
 * PINYIN_SCORES). Entries of one document and key are contiguous and in position order.
 */
interface PinyinPosting { n: number; e: Int32Array }
/**
 * Entry i of a PinyinPosting is e[3i] = seq, e[3i + 1] = key * KEY_STRIDE + position, e[3i + 2] = exact score's index:
 * interleaved in one typed array, so listing a document touches and grows one array (the build lists ~1 million).
 */
const DOC = 0;
const AT = 1;
const EXACT = 2;
const ENTRY = 3;
const KEY_STRIDE = 65536;
/** longest pinyin code indexed; longer pinyin strings are checked against the entries of their first PINYIN_LEVELS letters */
export const PINYIN_LEVELS = 4;
/** longest text prefix indexed (UTF-16 units); a longer needle is looked up by its first TEXT_PREFIX units */
const TEXT_PREFIX = 3;
/** long pinyin strings whose matching documents are kept (see longPinyinScores) */
const LONG_CACHE = 128;

/** What the candidate index needs of a stored document, and the per-call scratch it writes. */
export interface CandidateDoc {
  seq: number;
  /** lower-cased title, then aliases */
  texts: string[];
  /** pinyin keys of the title, then of each alias */
  keys: PinyinKeys[];
  /** per key: positions of its non-empty syllables */
  positions: number[][];
  /** per-call scratch: candidate mark, and best pinyin score valid while pyMark is the call's */
  mark: number;
  pyMark: number;
  pyScore: number;
}

/** Grows a typed array so index n fits (doubling). */
export function grow(a: Int32Array, n: number): Int32Array {
  if (n < a.length) return a;
  const b = new Int32Array(Math.max(4, a.length * 2));
  b.set(a);
  return b;
}

/** Text and pinyin candidates of titles and aliases. */
export class CandidateIndex {
  /**
   * UTF-16 unit of a lower-cased title or alias → documents holding it; and adjacent unit pair (pairKey) → documents
   * holding it. Keyed by the code units, not by one- and two-character strings: the build then makes no string per
   * character and hashes no string (a third of the candidate index's build time went there).
   */
  private readonly textUnits = new Map<number, DocList>();
  private readonly unitPairs = new Map<number, DocList>();
  /**
   * Candidates by pinyin (see pinyinCodes): level L lists the L-letter codes of each key's first syllable and,
   * from level 3 on (a later word needs 3 letters), of every later word start.
   */
  private readonly pinyinIndex = Array.from({ length: PINYIN_LEVELS }, () => new Map<string, PinyinPosting>());
  /** the first 1 … TEXT_PREFIX UTF-16 units of a lower-cased title or alias → documents whose text starts so */
  private readonly textPrefixes = new Map<string, DocList>();
  /** long pinyin string → the documents (seq) it scores > 0 against (see longPinyinScores), least recently used first */
  private readonly longCache = new Map<string, Int32Array>();

  /** Lists a document under its text units, text prefixes and pinyin codes. */
  add(d: CandidateDoc): void {
    this.longCache.clear();
    for (let ki = 0; ki < d.keys.length; ki++) {
      // (addTo lists a document once however many of its texts hold the unit)
      const t = d.texts[ki];
      for (let i = 0; i < t.length; i++) {
        addTo(this.textUnits, t.charCodeAt(i), d.seq);
        if (i + 1 < t.length) addTo(this.unitPairs, pairKey(t, i), d.seq);
      }
      for (let l = 1; l <= Math.min(TEXT_PREFIX, t.length); l++) addTo(this.textPrefixes, t.slice(0, l), d.seq);
    }
    for (let ki = 0; ki < d.keys.length; ki++) {
      forEachListing(d.keys[ki], d.positions[ki], (level, code, j, exact) => {
        const index = this.pinyinIndex[level - 1];
        let p = index.get(code);
        if (!p) index.set(code, (p = { n: 0, e: new Int32Array(2 * ENTRY) }));
        const i = ENTRY * p.n++;
        if (i === p.e.length) p.e = grow(p.e, i);
        p.e[i + DOC] = d.seq;
        p.e[i + AT] = ki * KEY_STRIDE + j;
        p.e[i + EXACT] = exact;
      });
    }
  }

  /** Removes a document listed by add. */
  remove(d: CandidateDoc): void {
    this.longCache.clear();
    const num = d.seq;
    const { units, pairs } = textGrams(d.texts);
    for (const u of units) removeFrom(this.textUnits, u, num);
    for (const u of pairs) removeFrom(this.unitPairs, u, num);
    for (const u of textPrefixes(d.texts)) removeFrom(this.textPrefixes, u, num);
    // the codes it was listed under, worked out again from its keys (removal is rare; keeping them costs memory)
    const listed = new Set<string>();
    for (let ki = 0; ki < d.keys.length; ki++) forEachListing(d.keys[ki], d.positions[ki], (level, code) => listed.add(level + code));
    for (const lc of listed) {
      const index = this.pinyinIndex[Number(lc[0]) - 1];
      const p = index.get(lc.slice(1));
      if (!p) continue;
      let w = 0;
      for (let i = 0; i < p.n; i++) {
        if (p.e[ENTRY * i + DOC] === num) continue;
        p.e.copyWithin(ENTRY * w++, ENTRY * i, ENTRY * i + ENTRY);
      }
      p.n = w;
      if (w === 0) index.delete(lc.slice(1));
    }
  }

  /** The documents whose title or an alias holds the needle's rarest unit pair (or unit); undefined: none can contain it. */
  rarestUnit(needle: string): DocList | undefined {
    let best: DocList | undefined;
    if (needle.length === 1) return this.textUnits.get(needle.charCodeAt(0));
    for (let i = 0; i + 1 < needle.length; i++) {
      const list = this.unitPairs.get(pairKey(needle, i));
      if (!list) return undefined;
      if (!best || list.n < best.n) best = list;
    }
    return best;
  }

  /**
   * The documents whose title or an alias may start with the needle: exactly those when it is at most TEXT_PREFIX
   * units long, otherwise those starting with its first TEXT_PREFIX units. undefined: none.
   */
  startingWith(needle: string): DocList | undefined {
    return this.textPrefixes.get(needle.slice(0, TEXT_PREFIX));
  }

  /**
   * Scores pinyin string py against every key the pinyin index lists for it: per document the best over its keys
   * (aliases × 0.8 when `weighAliases`) of what pinyinMatch gives — the first matching position of a key counts,
   * as there. Results land in pyScore / pyMark (= gen); documents with a score > 0 are marked and pushed to `found`.
   */
  pinyinScores<D extends CandidateDoc>(bySeq: readonly (D | undefined)[], py: string, gen: number, weighAliases: boolean, found?: D[]): void {
    const p = this.pinyinPosting(py);
    if (!p) return;
    for (let i = 0; i < p.n; ) {
      const num = p.e[ENTRY * i + DOC];
      const s = bySeq[num]!;
      let end = i + 1;
      while (end < p.n && p.e[ENTRY * end + DOC] === num) end++;
      const v = scoreEntries(p, i, end, s, py, weighAliases);
      i = end;
      if (v <= 0) continue;
      s.pyMark = gen;
      s.pyScore = v;
      if (found && s.mark !== gen) {
        s.mark = gen;
        found.push(s);
      }
    }
  }

  /**
   * pinyinScores (titles and aliases alike) for a pinyin string longer than PINYIN_LEVELS letters, whose entries the
   * index cannot score in advance. A typed string grows a letter at a time and a document matching it also matches
   * each of its prefixes (a prefix of a matching reading or initials string matches too), so the documents found for
   * the longest known prefix (of more than PINYIN_LEVELS letters) are all that need scoring; without one, every
   * entry of its first PINYIN_LEVELS letters is. Found lists are kept (LONG_CACHE strings; cleared on any change).
   */
  longPinyinScores<D extends CandidateDoc>(bySeq: readonly (D | undefined)[], py: string, gen: number, found: D[]): void {
    let list = this.longCache.get(py);
    if (list) this.longCache.delete(py); // most recently used last
    else {
      let from: Int32Array | undefined;
      for (let l = py.length - 1; l > PINYIN_LEVELS && !from; l--) from = this.longCache.get(py.slice(0, l));
      const docs: number[] = [];
      if (from) {
        for (const num of from) if (this.pinyinScore(bySeq[num]!, py, false) > 0) docs.push(num);
      } else {
        const p = this.pinyinPosting(py);
        for (let i = 0; p && i < p.n; ) {
          const num = p.e[ENTRY * i + DOC];
          let end = i + 1;
          while (end < p.n && p.e[ENTRY * end + DOC] === num) end++;
          if (scoreEntries(p, i, end, bySeq[num]!, py, false) > 0) docs.push(num);
          i = end;
        }
      }
      list = Int32Array.from(docs);
      if (this.longCache.size >= LONG_CACHE) this.longCache.delete(this.longCache.keys().next().value!);
    }
    this.longCache.set(py, list);
    for (const num of list) {
      const s = bySeq[num]!;
      if (s.pyMark !== gen) {
        s.pyMark = gen;
        s.pyScore = this.pinyinScore(s, py, false);
      }
      if (s.mark !== gen) {
        s.mark = gen;
        found.push(s);
      }
    }
  }

  /** One document's pinyin score for py, as pinyinScores gives it (0 when the index does not list it for py). */
  pinyinScore(d: CandidateDoc, py: string, weighAliases: boolean): number {
    const p = this.pinyinPosting(py);
    if (!p) return 0;
    // postings are in seq order: the document's entries are one run, found by binary search
    let lo = 0;
    let hi = p.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p.e[ENTRY * mid + DOC] < d.seq) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < p.n && p.e[ENTRY * end + DOC] === d.seq) end++;
    return scoreEntries(p, lo, end, d, py, weighAliases);
  }

  private pinyinPosting(py: string): PinyinPosting | undefined {
    if (!py) return undefined;
    const level = Math.min(py.length, PINYIN_LEVELS);
    return this.pinyinIndex[level - 1].get(py.slice(0, level));
  }
}

/**
 * The best score over a document's keys of posting entries [from, to) (all of one document): per key the first
 * entry that matches counts, as in pinyinMatch; aliases × 0.8 when `weighAliases`.
 */
function scoreEntries(p: PinyinPosting, from: number, to: number, s: CandidateDoc, py: string, weighAliases: boolean): number {
  const exact = py.length <= PINYIN_LEVELS;
  let best = 0;
  let lastKey = -1;
  let settled = false;
  for (let i = from; i < to; i++) {
    const at = p.e[ENTRY * i + AT];
    const ki = Math.floor(at / KEY_STRIDE);
    if (ki !== lastKey) {
      lastKey = ki;
      settled = false;
    }
    if (settled) continue;
    const r = exact ? PINYIN_SCORES[p.e[ENTRY * i + EXACT]] : matchPinyinAt(s.keys[ki], s.positions[ki], at % KEY_STRIDE, py);
    if (r <= 0) continue;
    settled = true; // later positions of this key do not count: pinyinMatch returns the first match
    best = Math.max(best, weighAliases && ki ? r * 0.8 : r);
  }
  return best;
}

function addTo<K>(map: Map<K, DocList>, key: K, seq: number): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = { n: 0, docs: new Int32Array(2) }));
  else if (list.docs[list.n - 1] === seq) return; // listed already (documents are added one at a time)
  if (list.n === list.docs.length) list.docs = grow(list.docs, list.n);
  list.docs[list.n++] = seq;
}

/**
 * forEachListing's codes per level, reused: the Sets it made per key and cleared per position allocated a table each
 * time. forEachListing is not reentrant (its callers' callbacks list no keys).
 */
const LEVELS: CodeList[] = Array.from({ length: PINYIN_LEVELS }, () => ({ n: 0, codes: [] }));

/** Calls `f` for each listing of a key in the pinyin index: under `code` at `level`, from syllable position j, with its exact score. */
function forEachListing(k: PinyinKeys, idx: number[], f: (level: number, code: string, j: number, exact: number) => void): void {
  const levels = LEVELS;
  for (let j = 0; j < idx.length; j++) {
    if (j > 0 && !k.wordStart[idx[j]]) continue;
    for (const l of levels) l.n = 0;
    pinyinCodes(k, idx, j, '', false, levels);
    pinyinCodes(k, idx, j, '', true, levels);
    for (let level = j === 0 ? 1 : 3; level <= PINYIN_LEVELS; level++) {
      const { n, codes } = levels[level - 1];
      for (let c = 0; c < n; c++) f(level, codes[c], j, PINYIN_SCORES.indexOf(matchPinyinAt(k, idx, j, codes[c])));
    }
  }
}

/** The key of the UTF-16 unit pair at i, i + 1 of s: both units in one int32 (a small integer, no allocation). */
function pairKey(s: string, i: number): number {
  return (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
}

/** The units and adjacent unit pairs (pairKey) of a document's lower-cased title and aliases. */
function textGrams(texts: string[]): { units: Set<number>; pairs: Set<number> } {
  const units = new Set<number>();
  const pairs = new Set<number>();
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      units.add(t.charCodeAt(i));
      if (i + 1 < t.length) pairs.add(pairKey(t, i));
    }
  }
  return { units, pairs };
}

/** The first 1 … TEXT_PREFIX units of each of a document's lower-cased title and aliases. */
function textPrefixes(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (let l = 1; l <= Math.min(TEXT_PREFIX, t.length); l++) out.add(t.slice(0, l));
  return out;
}

function removeFrom<K>(map: Map<K, DocList>, key: K, seq: number): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.docs.subarray(0, list.n).indexOf(seq);
  if (i >= 0) list.docs.copyWithin(i, i + 1, list.n--);
  if (list.n === 0) map.delete(key);
}
