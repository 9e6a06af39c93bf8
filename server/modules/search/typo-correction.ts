// Homophone and look-alike correction of Chinese queries (医保包销 → 医保报销, 暑假值斑 → 暑假值班) against
// the vocabulary of the index: the Han characters its documents use, by reading, and the bigrams they form.
// Pure: SearchIndex feeds it characters as documents come and go and tells it how common a bigram is.
import { lookalikesIn } from './lookalike.ts';
import { STOP_CHARS, charReadings, splitRuns } from './tokenize.ts';

const MAX_CORRECTIONS = 2;
const MAX_CORRECTED_RUN = 20;
/** spelling pinyin: the longest syllable (zhuang), the characters tried per syllable, the cost of each syllable */
const MAX_SYLLABLE = 6;
const SPELL_CANDIDATES = 24;
const SYLLABLE_COST = 1;

interface SpellNode { score: number; ch: string; prev: SpellNode | null }

/** The correction vocabulary: the indexed Han characters, by reading; their document counts come from the index. */
export class TypoCorrector {
  /** the Han characters some document uses */
  private readonly chars = new Set<string>();
  private readonly byReading = new Map<string, Set<string>>();
  /** look-alikes of a character among the vocabulary, as found so far; cleared when the vocabulary changes */
  private readonly lookalikes = new Map<string, string[]>();
  /** per syllable, its most used indexed characters; cleared when the documents change */
  private readonly spellCache = new Map<string, string[]>();

  /**
   * @param bigramDf document frequency of a two-character string in the index (0: never seen)
   * @param charDf document frequency of one character
   */
  constructor(private readonly bigramDf: (bigram: string) => number, private readonly charDf: (ch: string) => number) {}

  /** ch is used by a document now and was by none before. */
  addChar(ch: string): void {
    if (this.chars.has(ch)) return;
    this.chars.add(ch);
    this.lookalikes.clear();
    this.spellCache.clear();
    for (const r of charReadings(ch)) {
      let set = this.byReading.get(r);
      if (!set) this.byReading.set(r, (set = new Set()));
      set.add(ch);
    }
  }

  /** No document uses ch any more. */
  removeChar(ch: string): void {
    if (!this.chars.delete(ch)) return;
    this.lookalikes.clear();
    this.spellCache.clear();
    for (const r of charReadings(ch)) this.byReading.get(r)?.delete(ch);
  }

  /** Documents were added or removed: the characters' counts changed. */
  countsChanged(): void {
    if (this.spellCache.size) this.spellCache.clear();
  }

  /**
   * The Chinese a pinyin query spells, in the index's own characters (kanya baoxiao → 看牙报销): the query is cut
   * into syllables that indexed characters read — a blank always ends a syllable — and each syllable takes one of
   * its most used characters, the whole chosen to form the most common indexed bigrams (a Viterbi path; every
   * syllable costs a little, so a cut into fewer syllables wins unless more are better supported). undefined when
   * the query does not cut into syllables.
   */
  spell(py: string): string | undefined {
    let carried: SpellNode = { score: 0, ch: '', prev: null };
    for (const word of py.toLowerCase().split(/\s+/).filter(Boolean)) {
      if (!/^[a-z]+$/.test(word)) return undefined;
      const best: Map<string, SpellNode>[] = Array.from({ length: word.length + 1 }, () => new Map());
      best[0].set('', carried);
      for (let i = 0; i < word.length; i++) {
        for (const node of best[i].values()) {
          for (let len = 1; len <= MAX_SYLLABLE && i + len <= word.length; len++) {
            for (const c of this.commonChars(word.slice(i, i + len))) {
              const df = node.ch ? this.bigramDf(node.ch + c) : 0;
              const score = node.score - SYLLABLE_COST + Math.log1p(df) + 0.01 * Math.log1p(this.charDf(c));
              const there = best[i + len].get(c);
              if (!there || score > there.score) best[i + len].set(c, { score, ch: c, prev: node });
            }
          }
        }
      }
      const ends = [...best[word.length].values()];
      if (!ends.length) return undefined;
      const top = ends.reduce((a, b) => (b.score > a.score ? b : a));
      // a blank: the next word starts afresh (no bigram across it)
      carried = { score: top.score, ch: '', prev: top };
    }
    let out = '';
    for (let n: SpellNode | null = carried; n; n = n.prev) out = n.ch + out;
    return out || undefined;
  }

  /** The indexed characters that read `syllable`, most used first (at most SPELL_CANDIDATES). */
  private commonChars(syllable: string): string[] {
    const set = this.byReading.get(syllable);
    if (!set) return [];
    let list = this.spellCache.get(syllable);
    if (!list) {
      list = [...set].sort((a, b) => this.charDf(b) - this.charDf(a)).slice(0, SPELL_CANDIDATES);
      this.spellCache.set(syllable, list);
    }
    return list;
  }

  /** The indexed characters read `reading`. */
  charsRead(reading: string): ReadonlySet<string> | undefined {
    return this.byReading.get(reading);
  }

  /**
   * A Han character whose neighbouring bigrams never occur in the index is replaced by an indexed character with
   * the same pinyin (or, failing that, a look-alike) that does form indexed bigrams. Returns the query unchanged
   * when nothing improves.
   */
  correct(query: string): string {
    const runs = splitRuns(query)
      .filter((r) => r.han)
      .map((r) => ({ run: r, chars: Array.from(r.text) }))
      .filter(({ chars }) => chars.length >= 2 && chars.length <= MAX_CORRECTED_RUN);
    const original = runs.map(({ chars }) => chars.join(''));
    let changes = 0;
    const touched = new Set<string>();
    // one character at a time, the best-supported replacement first: homophones and look-alikes compete on how many
    // indexed bigrams they form with both neighbours (在续证明: 读 forms 在读 and 读证, 休 only 休证)
    while (changes < MAX_CORRECTIONS) {
      let best: { r: number; i: number; c: string; score: number } | undefined;
      runs.forEach(({ chars }, r) => {
        for (let i = 0; i < chars.length; i++) {
          // repeated characters (医医医…) are noise, not typos; a character is changed once at most
          if (STOP_CHARS.has(chars[i]) || chars[i] === chars[i - 1] || chars[i] === chars[i + 1]) continue;
          if (touched.has(`${r}:${i}`) || this.knownAround(chars, i, chars[i]) > 0) continue;
          const consider = (c: string, bonus: number) => {
            const k = this.knownAround(chars, i, c);
            if (k > 0 && (!best || k + bonus > best.score)) best = { r, i, c, score: k + bonus };
          };
          for (const reading of charReadings(chars[i])) {
            for (const c of this.byReading.get(reading) ?? []) {
              // a rare reading (休 read xu) is a weak reason for a homophone
              consider(c, charReadings(c)[0] === reading ? 0.5 : 0.1);
            }
          }
          for (const c of this.lookalikesOf(chars[i])) consider(c, 0.25);
        }
      });
      if (!best) break;
      const { r, i, c } = best;
      runs[r].chars[i] = c;
      touched.add(`${r}:${i}`);
      changes++;
    }
    if (changes === 0) return query;
    let out = '';
    let last = 0;
    runs.forEach(({ run, chars }, r) => {
      out += query.slice(last, run.start) + (chars.join('') === original[r] ? run.text : chars.join(''));
      last = run.start + run.text.length;
    });
    return out + query.slice(last);
  }

  /** The vocabulary's look-alikes of ch (a scan of the vocabulary the first time: suggest asks on every keystroke). */
  private lookalikesOf(ch: string): string[] {
    let list = this.lookalikes.get(ch);
    if (!list) {
      list = lookalikesIn(ch, this.chars.values());
      if (this.lookalikes.size < 20_000) this.lookalikes.set(ch, list);
    }
    return list;
  }

  /** Known bigrams (document frequency > 0) that c forms with its neighbours at position i; a small df bonus breaks ties. */
  private knownAround(chars: string[], i: number, c: string): number {
    let k = 0;
    for (const bg of [i > 0 ? chars[i - 1] + c : '', i + 1 < chars.length ? c + chars[i + 1] : '']) {
      const df = bg ? this.bigramDf(bg) : 0;
      if (df > 0) k += 1 + Math.min(df, 100) / 1000;
    }
    return k;
  }
}
