// Suggest's candidate indexes: which documents could match a keystroke at all, so suggest (and the full
// search's pinyin bonus) look at those instead of scanning every title. Two structures over titles and
// aliases: the UTF-16 units and unit pairs of their lower-cased text, and a prefix index of the pinyin codes
// (full pinyin and initials) each key can start matching at. Pure data structures, fed by SearchIndex.
import { PINYIN_SCORES, matchPinyinAt, pinyinCodes } from './pinyin-match.ts';
import type { PinyinKeys } from './tokenize.ts';

/** Documents by seq (growable typed array). */
export interface DocList { n: number; docs: Int32Array }

/**
 * Where a pinyin string can start matching: documents (by seq) with, per entry, the key and syllable position
 * (key * KEY_STRIDE + position) and the entry's score when py is exactly the code (as an index into
 * PINYIN_SCORES). Entries of one document and key are contiguous and in position order.
 */
interface PinyinPosting { n: number; docs: Int32Array; at: Int32Array; exact: Uint8Array }
const KEY_STRIDE = 65536;
/** longest pinyin code indexed; longer pinyin strings are checked against the entries of their first PINYIN_LEVELS letters */
const PINYIN_LEVELS = 4;

/** What the candidate index needs of a stored document, and the per-call scratch it writes. */
export interface CandidateDoc {
  seq: number;
  /** lower-cased title, then aliases */
  texts: string[];
  /** pinyin keys of the title, then of each alias */
  keys: PinyinKeys[];
  /** per key: positions of its non-empty syllables */
  positions: number[][];
  /** the pinyin codes this document is listed under (for removal): level digit + code */
  pinyinCodes: string[];
  /** per-call scratch: candidate mark, and best pinyin score valid while pyMark is the call's */
  mark: number;
  pyMark: number;
  pyScore: number;
}

/** Grows a typed array so index n fits (doubling). */
export function grow<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  if (n < a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(4, a.length * 2));
  b.set(a);
  return b;
}

/** Text and pinyin candidates of titles and aliases. */
export class CandidateIndex {
  /** UTF-16 unit or adjacent unit pair of a lower-cased title or alias → documents holding it */
  private readonly textUnits = new Map<string, DocList>();
  /**
   * Candidates by pinyin (see pinyinCodes): level L lists the L-letter codes of each key's first syllable and,
   * from level 3 on (a later word needs 3 letters), of every later word start.
   */
  private readonly pinyinIndex = Array.from({ length: PINYIN_LEVELS }, () => new Map<string, PinyinPosting>());

  /** Lists a document under its text units and pinyin codes (sets d.pinyinCodes). */
  add(d: CandidateDoc): void {
    for (const u of textGrams(d.texts)) {
      let list = this.textUnits.get(u);
      if (!list) this.textUnits.set(u, (list = { n: 0, docs: new Int32Array(2) }));
      list.docs = grow(list.docs, list.n);
      list.docs[list.n++] = d.seq;
    }
    const codes = new Set<string>();
    const levels = Array.from({ length: PINYIN_LEVELS }, () => new Set<string>());
    for (let ki = 0; ki < d.keys.length; ki++) {
      const k = d.keys[ki];
      const idx = d.positions[ki];
      for (let j = 0; j < idx.length; j++) {
        if (j > 0 && !k.wordStart[idx[j]]) continue;
        for (const l of levels) l.clear();
        pinyinCodes(k, idx, j, '', false, levels);
        pinyinCodes(k, idx, j, '', true, levels);
        for (let level = j === 0 ? 1 : 3; level <= PINYIN_LEVELS; level++) {
          const index = this.pinyinIndex[level - 1];
          for (const code of levels[level - 1]) {
            let p = index.get(code);
            if (!p) index.set(code, (p = { n: 0, docs: new Int32Array(2), at: new Int32Array(2), exact: new Uint8Array(2) }));
            p.docs = grow(p.docs, p.n);
            p.at = grow(p.at, p.n);
            p.exact = grow(p.exact, p.n);
            p.docs[p.n] = d.seq;
            p.at[p.n] = ki * KEY_STRIDE + j;
            p.exact[p.n++] = PINYIN_SCORES.indexOf(matchPinyinAt(k, idx, j, code));
            codes.add(level + code);
          }
        }
      }
    }
    d.pinyinCodes = [...codes];
  }

  /** Removes a document listed by add. */
  remove(d: CandidateDoc): void {
    const num = d.seq;
    for (const u of textGrams(d.texts)) {
      const list = this.textUnits.get(u);
      if (!list) continue;
      const i = list.docs.subarray(0, list.n).indexOf(num);
      if (i >= 0) list.docs.copyWithin(i, i + 1, list.n--);
      if (list.n === 0) this.textUnits.delete(u);
    }
    for (const lc of d.pinyinCodes) {
      const index = this.pinyinIndex[Number(lc[0]) - 1];
      const p = index.get(lc.slice(1));
      if (!p) continue;
      let w = 0;
      for (let i = 0; i < p.n; i++) {
        if (p.docs[i] === num) continue;
        p.docs[w] = p.docs[i];
        p.exact[w] = p.exact[i];
        p.at[w++] = p.at[i];
      }
      p.n = w;
      if (w === 0) index.delete(lc.slice(1));
    }
  }

  /** The documents whose title or an alias holds the needle's rarest unit pair (or unit); undefined: none can contain it. */
  rarestUnit(needle: string): DocList | undefined {
    let best: DocList | undefined;
    if (needle.length === 1) return this.textUnits.get(needle);
    for (let i = 0; i + 1 < needle.length; i++) {
      const list = this.textUnits.get(needle.slice(i, i + 2));
      if (!list) return undefined;
      if (!best || list.n < best.n) best = list;
    }
    return best;
  }

  /**
   * Scores pinyin string py against every key the pinyin index lists for it: per document the best over its keys
   * (aliases × 0.8 when `weighAliases`) of what pinyinMatch gives — the first matching position of a key counts,
   * as there. Results land in pyScore / pyMark (= gen); documents with a score > 0 are marked and pushed to `found`.
   */
  pinyinScores<D extends CandidateDoc>(bySeq: readonly (D | undefined)[], py: string, gen: number, weighAliases: boolean, found?: D[]): void {
    const level = Math.min(py.length, PINYIN_LEVELS);
    const p = this.pinyinIndex[level - 1].get(py.slice(0, level));
    if (!p) return;
    const exact = py.length === level;
    let lastDoc = -1;
    let lastKey = -1;
    let settled = false;
    for (let i = 0; i < p.n; i++) {
      const num = p.docs[i];
      const ki = Math.floor(p.at[i] / KEY_STRIDE);
      if (num !== lastDoc || ki !== lastKey) {
        lastDoc = num;
        lastKey = ki;
        settled = false;
      }
      if (settled) continue;
      const s = bySeq[num]!;
      const r = exact ? PINYIN_SCORES[p.exact[i]] : matchPinyinAt(s.keys[ki], s.positions[ki], p.at[i] % KEY_STRIDE, py);
      if (r <= 0) continue;
      settled = true; // later positions of this key do not count: pinyinMatch returns the first match
      const v = weighAliases && ki ? r * 0.8 : r;
      if (s.pyMark !== gen) {
        s.pyMark = gen;
        s.pyScore = v;
      } else s.pyScore = Math.max(s.pyScore, v);
      if (found && s.mark !== gen) {
        s.mark = gen;
        found.push(s);
      }
    }
  }
}

/** The units and adjacent unit pairs of a document's lower-cased title and aliases. */
function textGrams(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      out.add(t[i]);
      if (i + 1 < t.length) out.add(t.slice(i, i + 2));
    }
  }
  return out;
}
