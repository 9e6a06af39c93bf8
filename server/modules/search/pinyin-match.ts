// Matching a typed pinyin string (full pinyin, a prefix of it, or initials) against the pinyin keys of a title or
// alias, from its first syllable or from a later word start. Pure functions over PinyinKeys (tokenize.ts).
import type { Range } from './highlight.ts';
import type { PinyinKeys } from './tokenize.ts';

/** Scores a match can have (see matchPinyinAt); the candidate index stores an entry's exact-match score as an index into it. */
export const PINYIN_SCORES = [0, 0.5, 0.6, 0.8, 0.9, 0.95, 1];

/**
 * How well a pinyin string (no spaces) matches a title's keys: whole pinyin 1, pinyin prefix 0.9,
 * initials 0.95 / prefix 0.8, from a later syllable 0.6 / 0.5. Also returns the matched title range.
 */
export function pinyinMatch(keys: PinyinKeys, py: string): { score: number; range?: Range } {
  return matchPinyin(keys, syllablePositions(keys), py);
}

const positionsOf = new WeakMap<PinyinKeys, number[]>();
/** Positions of a key's non-empty syllables (what pinyin matching walks); one shared, never mutated array per key. */
export function syllablePositions(keys: PinyinKeys): number[] {
  let idx = positionsOf.get(keys);
  if (idx) return idx;
  idx = [];
  for (let i = 0; i < keys.syllables.length; i++) if (keys.syllables[i] !== '') idx.push(i);
  positionsOf.set(keys, idx);
  return idx;
}

/** pinyinMatch with the syllable positions precomputed (the index keeps them per key). */
export function matchPinyin(keys: PinyinKeys, idx: number[], py: string): { score: number; range?: Range } {
  if (!py || !keys.full) return NO_MATCH;
  for (let from = 0; from < idx.length; from++) {
    if (from > 0 && py.length < 3) break; // a later syllable needs 3 letters or more
    const score = matchPinyinAt(keys, idx, from, py);
    if (score > 0) {
      const n = score === 1 || score === 0.9 || score === 0.6 ? walkPinyin(keys, idx, from, py, 0) : py.length;
      return { score, range: pinyinRange(keys, idx, from, n) };
    }
  }
  return NO_MATCH;
}

/** The score of a match starting at syllable `from`, 0 when none starts there. */
export function matchPinyinAt(keys: PinyinKeys, idx: number[], from: number, py: string): number {
  if (!py || !keys.full) return 0;
  const later = from > 0;
  if (later && (py.length < 3 || !keys.wordStart[idx[from]])) return 0; // 住房|公积金 yes, 出|国 no
  // syllables consumed by a full-pinyin prefix starting at syllable `from` (partial last syllable counts);
  // any reading of a polyphone counts (差旅 chailv as well as chalv)
  if ((!later || py.length >= 4) && walkPinyin(keys, idx, from, py, 0) > 0) return py === keys.full && !later ? 1 : later ? 0.6 : 0.9;
  if (initialsAt(keys, idx, from, py)) return !later && py.length === keys.initials.length ? 0.95 : later ? 0.5 : 0.8;
  return 0;
}

/**
 * Distinct codes of one level in the order first found: codes[0 … n). Meant to be reused from call to call (n = 0),
 * keeping its array: a few codes each, so a scan finds a known one.
 */
export interface CodeList { n: number; codes: string[] }

/**
 * The codes under which the pinyin index lists syllable j of a key: the first L letters (L = 1 … PINYIN_LEVELS,
 * added to levels[L - 1] unless there already) of every reading of the syllables from j on (any reading of each
 * polyphone) or, with `initials`, of every string of their initials. A pinyin string of L letters or more can only
 * match from j when its first L letters are one of these.
 */
export function pinyinCodes(keys: PinyinKeys, idx: number[], p: number, acc: string, initials: boolean, levels: CodeList[]): void {
  for (const o of keys.alts[idx[p]] ?? [keys.syllables[idx[p]]]) {
    const next = acc + (initials ? o[0] : o);
    for (let l = acc.length + 1; l <= Math.min(next.length, levels.length); l++) {
      // a code already there (all of level l are l letters long) is recognised without slicing it off again, as most
      // are: those slices were the build's largest allocation
      const list = levels[l - 1];
      let known = false;
      for (let c = 0; c < list.n && !known; c++) known = next.startsWith(list.codes[c]);
      if (!known) list.codes[list.n++] = next.slice(0, l);
    }
    if (next.length < levels.length && p + 1 < idx.length) pinyinCodes(keys, idx, p + 1, next, initials, levels);
  }
}

const NO_MATCH: { score: number; range?: Range } = Object.freeze({ score: 0 });

/** Syllables consumed matching py from `at` against the syllables from position j on; -1 when it does not fit. */
function walkPinyin(keys: PinyinKeys, idx: number[], j: number, py: string, at: number): number {
  if (at >= py.length) return 0;
  if (j >= idx.length) return -1;
  const options = keys.alts[idx[j]] ?? [keys.syllables[idx[j]]];
  for (const syl of options) {
    if (py.startsWith(syl, at)) {
      const r = walkPinyin(keys, idx, j + 1, py, at + syl.length);
      if (r >= 0) return r + 1;
    } else if (isPrefixAt(py, at, syl)) return 1;
  }
  return -1;
}

/** py.slice(at) is a prefix of syl. */
function isPrefixAt(py: string, at: number, syl: string): boolean {
  const rest = py.length - at;
  if (rest > syl.length) return false;
  for (let k = 0; k < rest; k++) if (py.charCodeAt(at + k) !== syl.charCodeAt(k)) return false;
  return true;
}

function initialsAt(keys: PinyinKeys, idx: number[], from: number, py: string): boolean {
  if (from + py.length > idx.length) return false;
  for (let j = 0; j < py.length; j++) {
    const options = keys.alts[idx[from + j]] ?? [keys.syllables[idx[from + j]]];
    let ok = false;
    for (const o of options) if (o[0] === py[j]) { ok = true; break; }
    if (!ok) return false;
  }
  return true;
}

function pinyinRange(keys: PinyinKeys, idx: number[], from: number, count: number): Range {
  const a = idx[from];
  const b = idx[Math.min(idx.length, from + count) - 1];
  return [keys.offsets[a], keys.offsets[b] + (keys.syllables[b] ? charLength(keys, b) : 0)];
}

function charLength(keys: PinyinKeys, i: number): number {
  return (i + 1 < keys.offsets.length ? keys.offsets[i + 1] : keys.offsets[i] + 1) - keys.offsets[i];
}
