// Initials that abbreviate no name from its start (tjbgyc for "体检报告有异常怎么办？", 有 left out): the words of
// the indexed title or similar phrasing they stand for, so the search can look for those (search-index.ts, a
// fallback when nothing else was found). Pure: the index passes its documents and the table made from them.
import type { PinyinKeys } from './tokenize.ts';

/** syllables a string of initials may leave out between its letters */
const MAX_SKIPPED = 2;

/** What the spelling needs of an indexed document: its names' pinyin keys, their syllable positions and lower-cased text. */
export interface SpellDoc { seq: number; keys: PinyinKeys[]; positions: number[][]; texts: string[] }

/** Every name's initials (first readings) in one string; entry e is starts[e] … starts[e + 1] of document seqs[e], key keys[e]. */
export interface InitialsTable { text: string; starts: Int32Array; seqs: Int32Array; keys: Int32Array }

/**
 * The words a string of initials abbreviates when it abbreviates no title from its start or a word start: the
 * characters of an indexed title or similar phrasing whose syllables' initials hold the letters in order, leaving
 * out at most MAX_SKIPPED syllables between them (the small words a person skips: tjbgyc → 体检报告异常, from
 * "体检报告有异常怎么办？"). The fewest left out wins, then the more popular document. undefined when none does.
 */
export function spellInitials<D extends SpellDoc>(letters: string, all: InitialsTable, bySeq: readonly (D | undefined)[], prior: (d: D) => number): string | undefined {
  if (!/^[a-z]{3,8}$/.test(letters)) return undefined;
  let best: { skipped: number; broken: number; prior: number; text: string } | undefined;
  const n = letters.length;
  for (let e = 0; e < all.seqs.length; e++) {
    // (first readings only: a quick test on one string before the careful one)
    if (!holdsInOrder(all.text, letters, all.starts[e], all.starts[e + 1])) continue;
    const s = bySeq[all.seqs[e]]!;
    const ki = all.keys[e];
    const k = s.keys[ki];
    const idx = s.positions[ki];
    const reads = (j: number, letter: string) => k.alts[idx[j]].some((r) => r[0] === letter);
    for (let from = 0; from + n <= idx.length; from++) {
      if (!reads(from, letters[0]) || (from > 0 && !k.wordStart[idx[from]])) continue;
      // every way to take n of the syllables from..from+n-1+skipped, the first one taken
      for (let skipped = 0; skipped <= MAX_SKIPPED && from + n + skipped <= idx.length; skipped++) {
        if (best && skipped > best.skipped) break;
        for (const taken of choose(from, n + skipped, n)) {
          if (!taken.every((j, i) => reads(j, letters[i]))) continue;
          // prefer whole words: a word some of whose syllables were left out counts as broken (有|异常: take 异常)
          const set = new Set(taken);
          let broken = 0;
          for (let j = from; j < from + n + skipped; j++) {
            const start = k.wordStart[idx[j]];
            let end = j + 1;
            while (end < from + n + skipped && !k.wordStart[idx[end]]) end++;
            if (start) {
              const inWord = Array.from({ length: end - j }, (_, i) => set.has(j + i));
              if (inWord.some(Boolean) && !inWord.every(Boolean)) broken++;
            }
          }
          const rank = prior(s);
          if (!best || skipped < best.skipped || (skipped === best.skipped && (broken < best.broken || (broken === best.broken && rank > best.prior)))) {
            const chars = Array.from(s.texts[ki]);
            best = { skipped, broken, prior: rank, text: taken.map((j) => chars[idx[j]]).join('') };
          }
        }
      }
    }
  }
  return best?.text;
}

/** Every title's and alias's initials in one string (what spellInitials scans); the index makes it on first use after a change. */
export function initialsTable(bySeq: readonly (SpellDoc | undefined)[]): InitialsTable {
  const parts: string[] = [];
  const seqs: number[] = [];
  const keys: number[] = [];
  for (const s of bySeq) {
    if (!s) continue;
    s.keys.forEach((k, ki) => { parts.push(k.initials); seqs.push(s.seq); keys.push(ki); });
  }
  const starts = new Int32Array(parts.length + 1);
  parts.forEach((p, i) => { starts[i + 1] = starts[i] + p.length; });
  return { text: parts.join(''), starts, seqs: Int32Array.from(seqs), keys: Int32Array.from(keys) };
}

/** Whether `letters` occur in `text` in order (not necessarily side by side). */
function holdsInOrder(text: string, letters: string, from: number, to: number): boolean {
  let i = 0;
  for (let j = from; j < to && i < letters.length; j++) if (text.charCodeAt(j) === letters.charCodeAt(i)) i++;
  return i === letters.length;
}

/** The ways to pick k of the positions from … from+w-1, the first always among them, in order (k ≤ 8, w - k ≤ 2). */
function choose(from: number, w: number, k: number): number[][] {
  const out: number[][] = [];
  const walk = (j: number, acc: number[]) => {
    if (acc.length === k) { out.push(acc); return; }
    if (w - (j - from) < k - acc.length) return;
    walk(j + 1, [...acc, j]);
    if (j > from) walk(j + 1, acc);
  };
  walk(from, []);
  return out;
}
