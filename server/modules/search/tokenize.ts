// Tokenizing for the search index: jieba words + character n-grams for Chinese, lower-cased words for
// Latin, and the pinyin keys (full, spaced, initials) that let "yibaobaoxiao" and "ybbx" find 医保报销.
// Pure apart from lazily loaded dictionaries (jieba's dict, pinyin-pro's tables).
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';

/** Queries are cut to this many characters (code points) before anything else happens. */
export const MAX_QUERY_CHARS = 100;

/** Term prefixes keep n-grams apart from jieba words, so a word match and an n-gram match both count. */
export const BIGRAM = '#';
export const UNIGRAM = '@';

/** Function words and filler verbs of everyday questions (怎么办理): never a typo, never worth a highlight. */
export const STOP_CHARS = new Set(Array.from('的了吗呢吧啊是我你他在要怎么么哪里和与及或个可以能有想去办理'));

/** Multi-character question phrasing (什么时候, 怎么办): carries no topic, so it does not count in scoring. */
export const QUESTION_WORDS: readonly string[] = [
  '什么时候', '怎么办理', '怎么办', '怎么样', '怎么弄', '怎么', '为什么', '是什么', '什么', '哪里', '哪儿', '在哪',
  '多久', '多长时间', '多少', '能不能', '可不可以', '可以吗', '行不行', '有没有', '是不是', '要不要', '需不需要', '如何',
];
const QUESTION_RE = new RegExp([...QUESTION_WORDS].sort((a, b) => b.length - a.length).join('|'), 'g');

/** The query with question phrasing blanked out for scoring; unchanged when nothing else would remain. */
export function stripQuestionWords(query: string): string {
  const out = query.replace(QUESTION_RE, ' ').replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(out) ? out : query;
}

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[\p{L}\p{N}]/u;

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  // ~150 ms to load the default dictionary: once per process, on first use.
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** True for a single Chinese (Han) character. */
export function isHan(ch: string): boolean {
  // the index asks this for every character it reads: the common cases without the regex (ASCII has no Han
  // character; U+4E00–U+9FFF, CJK Unified Ideographs, are all Han)
  if (ch.length === 1) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return false;
    if (c >= 0x4e00 && c <= 0x9fff) return true;
  }
  return HAN.test(ch);
}

/** Normalizes raw input: any value → NFKC, lower-case, control characters removed, cut to MAX_QUERY_CHARS. */
export function normalizeQuery(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  const chars = Array.from(s.normalize('NFKC').toLowerCase().replace(/[\p{Cc}\p{Cf}]/gu, ' '));
  return chars.slice(0, MAX_QUERY_CHARS).join('').replace(/\s+/g, ' ').trim();
}

export interface Run {
  text: string;
  /** UTF-16 offset in the source string */
  start: number;
  han: boolean;
}

/** Splits text into runs of Han characters and runs of letters/digits; everything else separates. */
export function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  // the current run is text.slice(start, offset): one slice per run, not a string grown by each character (a long
  // run's slice shares the text's characters; the run cache's keys may keep a lower-cased text alive, bounded as it is)
  let start = -1;
  let han = false;
  let offset = 0;
  for (const ch of text) {
    const h = isHan(ch);
    if (h || isWordChar(ch)) {
      if (start >= 0 && han !== h) runs.push({ text: text.slice(start, offset), start, han });
      if (start < 0 || han !== h) {
        start = offset;
        han = h;
      }
    } else if (start >= 0) {
      runs.push({ text: text.slice(start, offset), start, han });
      start = -1;
    }
    offset += ch.length;
  }
  if (start >= 0) runs.push({ text: text.slice(start, offset), start, han });
  return runs;
}

/** A letter or digit (not Han): LATIN_OR_DIGIT, with ASCII answered without the regex. */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LATIN_OR_DIGIT.test(ch);
}

/** Jieba words (search mode) of a Han run. */
export function cutWords(han: string): string[] {
  return segmenter().cutForSearch(han, true).filter((w) => w.length > 0 && Array.from(w).every(isHan));
}

/**
 * Terms of Han runs already cut, by run: a knowledge base says the same clause in many answers (请携带本人身份证),
 * and the index is rebuilt on every change, so each distinct run is cut by jieba once per process. Bounded: past
 * RUN_CACHE_MAX runs it starts afresh. The arrays are shared and never mutated.
 */
const runTerms = new Map<string, readonly string[]>();
const RUN_CACHE_MAX = 200_000;
/** Hits and misses of the run cache since the process started (the search benchmark reports them). */
export const runCacheStats = { hits: 0, misses: 0 };

/**
 * Index terms of a text: jieba words, BIGRAM-prefixed bigrams and UNIGRAM-prefixed characters of Han runs, lower-cased
 * Latin words. For queries and highlighting: it reads the run cache but never adds to it, so what people type cannot
 * fill it.
 */
export function tokenize(text: string): string[] {
  return tokenRuns(text, false).flat();
}

/**
 * tokenize's terms grouped by run, in order: a Han run's terms come from the run cache (the same array each time
 * the run occurs, so the index can remember what it looked up for it), a Latin run is one term. `remember`: add
 * new runs to the cache (the index does, for its documents).
 */
export function tokenRuns(text: string, remember = true): (readonly string[])[] {
  const runs = splitRuns(text.toLowerCase());
  // each run's terms: a Latin run is its own term, a Han run's come from the cache or, when new, from jieba below
  const terms: (readonly string[] | undefined)[] = runs.map((r) => (r.han ? runTerms.get(r.text) : [r.text]));
  const fresh: Run[] = [];
  runs.forEach((r, i) => { if (!terms[i]) fresh.push(r); });
  const cut = new Map<Run, string[]>();
  if (fresh.length) {
    // One jieba call for the new Han runs of the text: jieba cuts each block between separators on its own and
    // yields the separator as a token, so the words split back per run are those of one call per run.
    const words = segmenter().cutForSearch(fresh.map((r) => r.text).join('\n'), true);
    let w = 0;
    for (const run of fresh) {
      const out: string[] = [];
      for (; w < words.length && words[w] !== '\n'; w++) {
        const word = words[w];
        if (word.length > 0 && allHan(word)) out.push(word);
      }
      w++; // the separator
      gramsOf(run.text, out);
      cut.set(run, out);
    }
  }
  if (fresh.length) runs.forEach((r, i) => { terms[i] ??= cut.get(r)!; });
  if (remember) {
    runCacheStats.misses += fresh.length;
    runCacheStats.hits += runs.filter((r) => r.han).length - fresh.length;
    if (runTerms.size + fresh.length > RUN_CACHE_MAX) runTerms.clear();
    for (const [run, out] of cut) runTerms.set(run.text, out);
  }
  return terms as (readonly string[])[];
}

/** Appends the BIGRAM-prefixed bigrams and UNIGRAM-prefixed characters of a Han run. */
function gramsOf(text: string, out: string[]): void {
  let prev = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = cp > 0xffff ? text.slice(i, i + 2) : text[i];
    i += ch.length;
    if (prev) out.push(BIGRAM + prev + ch);
    out.push(UNIGRAM + ch);
    prev = ch;
  }
}

function allHan(word: string): boolean {
  for (const ch of word) if (!isHan(ch)) return false;
  return true;
}

export interface PinyinKeys {
  /** "yibaobaoxiao" */
  full: string;
  /** "yi bao bao xiao" */
  spaced: string;
  /** "ybbx" */
  initials: string;
  /** one entry per code point of the source: syllable (Han), lower-cased character (letters/digits) or '' */
  syllables: string[];
  /** per code point: every reading (the contextual one first; polyphones such as 差 cha/chai, 重 zhong/chong add more) */
  alts: string[][];
  /** UTF-16 offset of each code point in the source */
  offsets: number[];
  /** per code point: does a jieba word start here (later-syllable matches must start on a word) */
  wordStart: boolean[];
}

/**
 * Keys of indexed titles and similar phrasings, by text: they repeat across FAQs and across rebuilds (the index is
 * rebuilt on every change). Bounded; shared and never mutated. Queries do not go through it (pinyinKeys).
 */
const keysCache = new Map<string, PinyinKeys>();
const KEYS_CACHE_MAX = 100_000;

/** pinyinKeys of a document's title or phrasing, made once per process. */
export function documentPinyinKeys(text: string): PinyinKeys {
  let keys = keysCache.get(text);
  if (!keys) {
    keys = pinyinKeys(text);
    if (keysCache.size >= KEYS_CACHE_MAX) keysCache.clear();
    keysCache.set(text, keys);
  }
  return keys;
}

/** Full pinyin (with and without spaces) and initials of a title, aligned to its characters. */
export function pinyinKeys(text: string): PinyinKeys {
  const chars = Array.from(text);
  // only Han characters' readings are used below: a text without any (an English phrasing) needs no pinyin-pro call
  const han = chars.some(isHan);
  let readings = han ? (pinyin(text, { type: 'array', toneType: 'none', v: true }) as string[]) : [];
  if (han && readings.length !== chars.length) {
    // pinyin-pro groups some non-Chinese input; fall back to one call per character to stay aligned.
    readings = chars.map((c) => (isHan(c) ? pinyin(c, { toneType: 'none', v: true }) : c));
  }
  const syllables: string[] = [];
  const offsets: number[] = [];
  let offset = 0;
  chars.forEach((c, i) => {
    offsets.push(offset);
    offset += c.length;
    if (isHan(c)) syllables.push(syllableOf(readings[i] ?? ''));
    else syllables.push(isWordChar(c) ? intern(c.toLowerCase()) : '');
  });
  const starts = new Set<number>();
  let at = 0;
  for (const w of segmenter().cut(text, true)) {
    starts.add(at);
    at += w.length;
  }
  const wordStart = offsets.map((o) => starts.has(o));
  const alts = chars.map((c, i) => {
    const first = syllables[i];
    if (!first || !isHan(c)) return internAlts(first ? [first] : []);
    return readingsFrom(c, first);
  });
  const parts = syllables.filter((s) => s !== '');
  return {
    full: parts.join(''),
    spaced: parts.join(' '),
    initials: parts.map((s) => s[0]).join(''),
    syllables,
    alts,
    offsets,
    wordStart,
  };
}

/** A reading as a syllable: lower-case letters only, interned; worked out once per reading (a few hundred). */
const syllableOfReading = new Map<string, string>();
function syllableOf(reading: string): string {
  let syllable = syllableOfReading.get(reading);
  if (syllable === undefined) {
    syllable = intern(reading.toLowerCase().replace(/[^a-z]/g, ''));
    if (syllableOfReading.size < 100_000) syllableOfReading.set(reading, syllable);
  }
  return syllable;
}

// An index holds the keys of every title and alias: the same syllables and reading lists are shared, not
// repeated per character (they are never mutated).
const strings = new Map<string, string>();
function intern(s: string): string {
  const known = strings.get(s);
  if (known !== undefined) return known;
  if (strings.size < 100_000) strings.set(s, s);
  return s;
}
const altLists = new Map<string, string[]>();
function internAlts(list: string[]): string[] {
  const k = list.join(' ');
  const known = altLists.get(k);
  if (known) return known;
  if (altLists.size < 100_000) altLists.set(k, list);
  return list;
}

/** per Han character, per contextual reading: its interned reading list (that reading first), made once */
const altsOf = new Map<string, Map<string, string[]>>();
function readingsFrom(ch: string, first: string): string[] {
  let byFirst = altsOf.get(ch);
  if (!byFirst) altsOf.set(ch, (byFirst = new Map()));
  let list = byFirst.get(first);
  if (!list) byFirst.set(first, (list = internAlts([first, ...charReadings(ch).filter((r) => r !== first)])));
  return list;
}

const readingCache = new Map<string, string[]>();
/** Every toneless reading of one Han character (polyphones give several: 行 → xing, hang, heng). */
export function charReadings(ch: string): string[] {
  let r = readingCache.get(ch);
  if (!r) {
    const raw = isHan(ch) ? (pinyin(ch, { multiple: true, type: 'array', toneType: 'none', v: true }) as string[]) : [];
    r = [...new Set(raw.map((s) => s.toLowerCase()).filter((s) => /^[a-z]+$/.test(s)))];
    readingCache.set(ch, r);
  }
  return r;
}

/** The query with Han characters turned into pinyin and spaces dropped: "医保bao" → "yibaobao". */
export function compactPinyin(text: string): string {
  return pinyinKeys(text).full;
}
