// The in-process search index (pure core): BM25 over title / aliases / body with field weights, a
// popularity prior, pinyin and initials matching, synonyms, and homophone / look-alike correction.
// No I/O: the shell feeds it documents from the database and calls it per request.
import { DEFAULT_SYNONYMS, expandSynonyms, synonymKeysIn, type SynonymDictionary } from './synonyms.ts';
import { lookalikesIn } from './lookalike.ts';
import { CandidateIndex, grow } from './candidates.ts';
import { RankOrder, suggest, type SuggestSource, type Suggestion } from './suggest.ts';
import { matchPinyin, syllablePositions } from './pinyin-match.ts';
import { TypoCorrector } from './typo-correction.ts';
import { initialsTable, spellInitials, type InitialsTable } from './initials-spelling.ts';
import { exactKey, orderFamilies, type FamilyEntry } from './family-order.ts';
import { asksQuestion, bestShape, shapeQuery, titleCover, titleWordings, wholePhrase } from './question-shape.ts';
import { findRanges, highlightTerms, mergeRanges, type Range } from './highlight.ts';
import {
  BIGRAM, STOP_CHARS, UNIGRAM, isHan, normalizeQuery, stripQuestionWords, documentPinyinKeys, pinyinKeys, tokenize, tokenRuns, type PinyinKeys,
} from './tokenize.ts';

export type DocKind = 'service' | 'faq' | 'notice';
export interface SearchDoc {
  kind: DocKind;
  id: string;
  title: string;
  body: string;
  aliases?: string[];
  popularity: number;
  /** code of the service item an FAQ is linked to: the service and its FAQs are ranked as a family (family-order.ts) */
  service?: string;
}
export type { Range };
export interface SearchHit {
  kind: DocKind;
  id: string;
  title: string;
  score: number;
  highlights: { title: Range[]; body: Range[] };
}
export interface SearchResult {
  total: number;
  page: number;
  hits: SearchHit[];
  /** the query actually searched, when a typo correction was applied */
  corrected?: string;
}
export type { Suggestion };

const FIELDS = ['title', 'aliases', 'body'] as const;
const FIELD_WEIGHT = [3, 2, 1];
const K1 = 1.2;
const B = 0.75;
const PAGE_SIZE = 10;
const PINYIN_BOOST = 12;
/** a correction must let the best document match at least this share of the query's terms */
const MIN_CORRECTED_COVER = 0.7;
/** score factor for a service by the share of the query's bigrams its title contains */
const SERVICE_TITLE_BONUS = 0.5;
/** weight of a synonym's catalog wording against the query's own words */
const SYNONYM_WEIGHT = 0.7;
/** share of the documents above which a topic word is too common to be a detail (family-order.ts) */
const DETAIL_DF = 0.05;
/** a query typed in pinyin (or initials): Latin letters and blanks only */
const PINYIN_QUERY = /^[a-z][a-z ]*$/;

interface Stored {
  doc: SearchDoc;
  /** insertion order: ties are broken by it, as a stable sort over the documents in insertion order would */
  seq: number;
  lengths: number[];
  titleLower: string;
  aliasesLower: string[];
  /** titleLower, then aliasesLower: what suggest matches text against */
  texts: string[];
  keys: PinyinKeys[]; // title first, then aliases
  /** per key: positions of its non-empty syllables */
  positions: number[][];
  /** per-call scratch of suggest and rank: candidate mark and best pinyin score, valid while `mark` is the call's */
  mark: number;
  textMark: number;
  prefixMark: number;
  pyMark: number;
  pyScore: number;
}

/**
 * The documents (by seq) holding a term, with their term frequencies packed per field (see TF_BITS; -1: the
 * exact counts are in `big`): entry i is at[2i] = seq, at[2i + 1] = tf. One growable typed array: an entry costs 8
 * bytes and no garbage, and adding one touches one array (the build adds 2.4 million at 10,000 FAQs).
 */
interface Posting { n: number; at: Int32Array; big?: Map<number, number[]> }

const UNIGRAM_CODE = UNIGRAM.charCodeAt(0);

/**
 * Term frequencies per field, packed into one integer (10 bits per field); a field with 1024 or more
 * occurrences of one term keeps exact counts in the posting's `big` map instead.
 */
const TF_BITS = 10;
const TF_MAX = (1 << TF_BITS) - 1;
function tfOf(tf: number, f: number): number {
  return (tf >>> (TF_BITS * f)) & TF_MAX;
}
function tfAt(p: Posting, i: number, f: number): number {
  const tf = p.at[2 * i + 1];
  return tf >= 0 ? tfOf(tf, f) : p.big!.get(p.at[2 * i])![f];
}

/** A ranked document; `cover` is the share of the query's own (unexpanded) term weight it matches. */
interface Ranked extends FamilyEntry { s: Stored; cover: number }

/** One index over services, FAQ and notices. */
export class SearchIndex {
  private readonly docs = new Map<string, Stored>();
  /** seq → document (undefined once removed) */
  private readonly bySeq: (Stored | undefined)[] = [];
  /** term → documents and their tf per field */
  private readonly postings = new Map<string, Posting>();
  /** a Han run's shared term array (tokenRuns) → its posting lists in this index; renewed when a list is dropped */
  private runPostings = new WeakMap<readonly string[], Posting[]>();
  /** suggest's candidates by text and pinyin */
  private readonly candidates = new CandidateIndex();
  private seq = 0;
  private markGen = 0;
  /** documents by (popularity desc, insertion order), for suggest */
  private readonly order = new RankOrder<Stored>(() => this.docs.values(), () => this.seq);
  private readonly lengthSums = [0, 0, 0];
  /** the typo-correction vocabulary */
  private readonly corrector = new TypoCorrector((bg) => this.postings.get(BIGRAM + bg)?.n ?? 0, (ch) => this.postings.get(UNIGRAM + ch)?.n ?? 0);
  private maxPopularity = 1;
  /** spellInitials' table of every name's initials; dropped on every change */
  private initials: InitialsTable | null = null;
  private readonly synonyms: SynonymDictionary;

  private readonly suggestSource: SuggestSource<Stored>;

  constructor(options: { synonyms?: SynonymDictionary } = {}) {
    this.synonyms = options.synonyms ?? DEFAULT_SYNONYMS;
    this.suggestSource = {
      bySeq: this.bySeq, candidates: this.candidates, corrector: this.corrector, synonyms: this.synonyms, order: this.order,
      nextGen: () => ++this.markGen, prior: (s) => this.prior(s.doc),
    };
  }

  get size(): number {
    return this.docs.size;
  }

  /** Adds or replaces a document (ids are unique per kind). */
  add(doc: SearchDoc): void {
    const key = docKey(doc.kind, doc.id);
    this.removeKey(key);
    const titleLower = doc.title.toLowerCase();
    const aliasesLower = (doc.aliases ?? []).map((a) => a.toLowerCase());
    const keys = [doc.title, ...(doc.aliases ?? [])].map(documentPinyinKeys);
    const stored: Stored = {
      doc, seq: this.seq++, lengths: [0, 0, 0], titleLower, aliasesLower, texts: [titleLower, ...aliasesLower],
      keys, positions: keys.map(syllablePositions), mark: 0, textMark: 0, prefixMark: 0, pyMark: 0, pyScore: 0,
    };
    this.indexTerms(stored, [doc.title, (doc.aliases ?? []).join('\n'), doc.body]);
    this.maxPopularity = Math.max(this.maxPopularity, doc.popularity || 0);
    this.docs.set(key, stored);
    this.bySeq[stored.seq] = stored;
    this.order.invalidate();
    this.initials = null;
    this.corrector.countsChanged();
    this.candidates.add(stored);
  }

  /** Removes a document by id (of any kind, or of the given kind). */
  remove(id: string, kind?: DocKind): void {
    for (const k of kind ? [kind] : (['service', 'faq', 'notice'] as const)) this.removeKey(docKey(k, id));
  }

  /** What the search box shows on each keystroke: prefix matches on titles, aliases, pinyin and initials (suggest.ts). */
  suggest(q: unknown, limit = 8): Suggestion[] {
    return suggest(this.suggestSource, q, limit);
  }

  /** Full search: BM25F + pinyin + popularity, with highlights and typo correction. */
  search(q: unknown, options: { kind?: DocKind; page?: number } = {}): SearchResult {
    const page = Math.max(1, Math.floor(Number(options.page) || 1));
    const query = normalizeQuery(q);
    if (!query) return { total: 0, page, hits: [] };
    let ranked = this.rank(query, options.kind);
    let corrected: string | undefined;
    const candidate = this.correct(query);
    if (candidate !== query) {
      const alt = this.rank(candidate, options.kind);
      // Correct only when the query as typed finds little and the corrected one clearly more: a correct everyday
      // word that the small catalog happens not to use (预支, 孩子, 进门) must not be rewritten.
      const before = ranked[0]?.cover ?? 0;
      if (alt.length > 0 && alt[0].cover >= Math.max(MIN_CORRECTED_COVER, before + 0.2)) {
        ranked = alt;
        corrected = candidate;
      }
    }
    // A query typed in pinyin that spells no title (kanya baoxiao: 看牙 and 报销 are in the FAQ "看牙能报销吗？", not
    // side by side) is read as the Chinese it spells, when that finds what the pinyin did not.
    if (!corrected && PINYIN_QUERY.test(query)) {
      const top = ranked[0];
      const py = query.replace(/ /g, '');
      const spellsTitle = top && top.s.keys.some((k, i) => matchPinyin(k, top.s.positions[i], py).score >= 1);
      // initials (kdkt) when nothing was found and the letters are no syllables
      const han = spellsTitle ? undefined : this.corrector.spell(query) ?? (top ? undefined : spellInitials(py, (this.initials ??= initialsTable(this.bySeq)), this.bySeq, (d) => this.prior(d.doc)));
      const alt = han ? this.rank(han, options.kind) : [];
      // as a correction must (MIN_CORRECTED_COVER), unless the pinyin found nothing: then half its words will do
      const cover = Math.max(0, ...alt.slice(0, 3).map((r) => r.cover));
      if (han && cover >= (top ? MIN_CORRECTED_COVER : 0.5)) {
        ranked = alt;
        corrected = han;
      }
    }
    const finalQuery = corrected ?? query;
    const marks = highlightTerms(finalQuery, expandSynonyms(finalQuery, this.synonyms));
    const py = pinyinKeys(finalQuery).full;
    const hits = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(({ s, score }) => {
      const title = findRanges(s.doc.title, marks);
      const pm = py.length >= 2 && /^[a-z ]+$/.test(finalQuery) ? matchPinyin(s.keys[0], s.positions[0], py) : undefined;
      if (pm?.range) title.push(pm.range);
      return {
        kind: s.doc.kind, id: s.doc.id, title: s.doc.title, score: round(score),
        highlights: { title: mergeRanges(title), body: findRanges(s.doc.body, marks) },
      };
    });
    return { total: ranked.length, page, hits, ...(corrected ? { corrected } : {}) };
  }

  /**
   * Homophone and look-alike correction: a Han character whose neighbouring bigrams never occur in the
   * index is replaced by an indexed character with the same pinyin (or, failing that, a look-alike)
   * that does form indexed bigrams. Returns the query unchanged when nothing improves.
   */
  correct(query: string): string {
    return this.corrector.correct(query);
  }

  /** Loads jieba, pinyin and the decomposition data now, so the first user query does not pay ~0.7 s. */
  warmUp(): void {
    tokenize('预热');
    pinyinKeys('预热');
    lookalikesIn('斑', ['班']);
  }

  // ---- internals ----

  /**
   * BM25 postings: a document's entry is the last of each posting list while it is being added, so counting is in
   * place. A Han run's terms are the run cache's shared array (tokenRuns), so the posting lists they name are looked
   * up once per distinct run and index (runPostings), not once per occurrence.
   */
  private indexTerms(stored: Stored, fieldTexts: string[]): void {
    const num = stored.seq;
    for (let f = 0; f < fieldTexts.length; f++) {
      const one = 1 << (TF_BITS * f);
      let length = 0;
      for (const terms of tokenRuns(fieldTexts[f])) {
        let lists = this.runPostings.get(terms);
        if (!lists) {
          lists = terms.map((t) => {
            let p = this.postings.get(t);
            if (!p) {
              this.postings.set(t, (p = { n: 0, at: new Int32Array(4) }));
              if (t.charCodeAt(0) === UNIGRAM_CODE) this.corrector.addChar(t.slice(UNIGRAM.length));
            }
            return p;
          });
          if (terms.length > 1) this.runPostings.set(terms, lists);
        }
        length += lists.length;
        for (const p of lists) {
          const last = 2 * p.n - 1; // the last entry's tf
          if (last < 0 || p.at[last - 1] !== num) {
            const end = 2 * p.n++;
            if (end === p.at.length) p.at = grow(p.at, end);
            p.at[end] = num;
            p.at[end + 1] = one;
            continue;
          }
          const tf = p.at[last];
          if (tf < 0) p.big!.get(num)![f]++;
          else if (tfOf(tf, f) < TF_MAX) p.at[last] = tf + one;
          else {
            // 1024+ occurrences in one field: exact counts aside
            const a = [tfOf(tf, 0), tfOf(tf, 1), tfOf(tf, 2)];
            a[f]++;
            (p.big ??= new Map()).set(num, a);
            p.at[last] = -1;
          }
        }
      }
      stored.lengths[f] = length;
      this.lengthSums[f] += length;
    }
  }

  /** Ranked documents; `cover` is the share of the query's own (unexpanded) term weight a document matches. */
  private rank(query: string, kind?: DocKind): Ranked[] {
    const weighted = queryTerms(stripQuestionWords(query), 1);
    const ownTerms = weighted.length;
    // a query that is one dictionary phrase as a whole (健康检查) means what the dictionary says as much as its words
    const whole = wholePhrase(query, this.synonyms);
    const expansions = expandSynonyms(query, this.synonyms);
    for (const e of expansions) weighted.push(...queryTerms(e, whole ? 1 : SYNONYM_WEIGHT));
    const n = this.docs.size || 1;
    const avg = this.lengthSums.map((l) => l / n || 1);
    const scores = new Map<Stored, number>();
    const matched = new Map<Stored, number>();
    const own = new Map<Stored, number>();
    const totalWeight = weighted.reduce((a, t) => a + t.weight, 0) || 1;
    const ownWeight = weighted.slice(0, ownTerms).reduce((a, t) => a + t.weight, 0) || 1;
    for (const [ti, { term, weight }] of weighted.entries()) {
      const p = this.postings.get(term);
      if (!p) continue;
      const df = p.n;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < df; i++) {
        const s = this.bySeq[p.at[2 * i]]!;
        let t = 0;
        for (let f = 0; f < FIELDS.length; f++) {
          const n = tfAt(p, i, f);
          if (n) t += (FIELD_WEIGHT[f] * n) / (1 - B + (B * s.lengths[f]) / avg[f]);
        }
        scores.set(s, (scores.get(s) ?? 0) + (weight * idf * t * (K1 + 1)) / (t + K1));
        matched.set(s, (matched.get(s) ?? 0) + weight);
        if (ti < ownTerms) own.set(s, (own.get(s) ?? 0) + weight);
      }
    }
    const py = /^[a-z][a-z ]*$/.test(query) ? query.replace(/ /g, '') : '';
    const compact = query.replace(/\s+/g, '');
    const qKey = exactKey(query);
    const wordings = titleWordings(query, whole ? expansions : []);
    const out: Ranked[] = [];
    const gen = ++this.markGen;
    if (py.length >= 2) this.candidates.pinyinScores(this.bySeq, py, gen, true);
    for (const s of this.docs.values()) {
      if (kind && s.doc.kind !== kind) continue;
      let score = scores.get(s) ?? 0;
      if (score > 0) score *= 0.5 + 0.5 * Math.min(1, (matched.get(s) ?? 0) / totalWeight);
      // (a document the pinyin index does not list for py scores 0 there)
      if (py.length >= 2) score += PINYIN_BOOST * (s.pyMark === gen ? s.pyScore : 0);
      if (compact.length >= 2 && s.titleLower.includes(compact)) score += s.titleLower === compact ? 6 : 3;
      if (score <= 0) continue;
      // a service whose title the query covers outranks its own FAQ entries (开发票 → 开具发票, not "开发票要多久")
      if (s.doc.kind === 'service' && py.length >= 2 && s.pyMark === gen && s.pyScore > 0) {
        // typed as pinyin or initials, the query is covered by the name it spells, as a Han query would be
        score *= 1 + SERVICE_TITLE_BONUS;
      } else if (s.doc.kind === 'service') score *= 1 + SERVICE_TITLE_BONUS * titleCover(wordings, s.titleLower);
      const exact = qKey.length >= 2 && s.titleLower.length >= qKey.length && s.titleLower.length < 3 * qKey.length
        && s.titleLower.includes(qKey.slice(0, 2)) && exactKey(s.titleLower) === qKey;
      out.push({
        s, score: score * (1 + 0.25 * this.prior(s.doc)), cover: (own.get(s) ?? 0) / ownWeight,
        kind: s.doc.kind, id: s.doc.id, service: s.doc.service, popularity: s.doc.popularity, exact,
      });
    }
    const sq = shapeQuery(query, this.synonyms);
    return orderFamilies(out, this.wordsCovered(query), asksQuestion(query) ? ({ s }) => bestShape(sq, s.texts) : undefined);
  }

  /**
   * Which of the query's topic words (topicWords, less the common ones) a document's own text holds — a service's
   * name, summary and eligibility, an FAQ's question and similar phrasings (not its answer); a word also counts when
   * the name holds each of its characters (开发票: 开具发票) or when it is part of a colloquial phrase whose catalog
   * wording the document uses (看病 → 医保).
   */
  private wordsCovered(query: string): (e: Ranked) => boolean[] {
    // a word in more than one document in 20 (学校, 时候: and at least 20 of them) names no detail an FAQ could ask
    const common = Math.max(20, DETAIL_DF * this.docs.size);
    const words = topicWords(query).filter((w) => (this.postings.get(w)?.n ?? 0) <= common);
    const keys = synonymKeysIn(query, this.synonyms);
    return ({ s }) => {
      const name = [s.titleLower, ...s.aliasesLower].join('\n');
      const faqName = s.doc.kind === 'faq'; // an FAQ asks what its question and similar phrasings say, not its answer
      const text = faqName ? name : `${name}\n${s.doc.body.toLowerCase()}`;
      const satisfied = keys.filter(({ targets }) => targets.some((t) => text.includes(t))).map(({ key }) => key);
      return words.map((w) => (faqName ? name.includes(w) : this.holds(w, s.seq)) || Array.from(w).every((c) => name.includes(c))
        || satisfied.some((k) => k.includes(w) || w.includes(k)));
    };
  }

  /**
   * How squarely a document answers a query, in [0, 1] (the assistant's relevance floor): the share of the query's
   * topic words its name (title, aliases) holds — directly, through the synonym dictionary, character by character
   * or, for a Latin word, as pinyin — a word found only in its body counting half. 0 when the query has no topic
   * words or the document is unknown.
   */
  relevance(q: unknown, kind: DocKind, id: string): number {
    const query = normalizeQuery(q);
    const s = this.docs.get(docKey(kind, id));
    const words = query ? topicWords(query).filter((w) => !EN_FILLER.has(w)) : [];
    if (!s || !words.length) return 0;
    const name = [s.titleLower, ...s.aliasesLower].join('\n');
    const keys = synonymKeysIn(query, this.synonyms);
    const inName = keys.filter(({ targets }) => targets.some((t) => name.includes(t))).map(({ key }) => key);
    const body = s.doc.body.toLowerCase();
    const inBody = keys.filter(({ targets }) => targets.some((t) => body.includes(t))).map(({ key }) => key);
    let score = 0;
    for (const w of words) {
      const viaSynonym = (list: string[]) => list.some((k) => k.includes(w) || w.includes(k));
      if (name.includes(w) || viaSynonym(inName) || (isHan(w[0]) && Array.from(w).every((c) => name.includes(c)))
        || (!isHan(w[0]) && s.keys.some((k, i) => matchPinyin(k, s.positions[i], w).score > 0))) score += 1;
      else if (body.includes(w) || viaSynonym(inBody)) score += 0.5;
    }
    return score / words.length;
  }

  /** Does document `seq` hold `term`? Postings are in seq order. */
  private holds(term: string, seq: number): boolean {
    const p = this.postings.get(term);
    if (!p) return false;
    let lo = 0;
    let hi = p.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = p.at[2 * mid];
      if (v === seq) return true;
      if (v < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Popularity prior in [0, 1], logarithmic so the most-used item does not drown relevance. */
  private prior(doc: SearchDoc): number {
    return Math.log1p(Math.max(0, doc.popularity || 0)) / Math.log1p(this.maxPopularity);
  }

  private removeKey(key: string): void {
    const s = this.docs.get(key);
    if (!s) return;
    const num = s.seq;
    // the document's terms are those of its fields, tokenized again (removal is rare; keeping them costs memory)
    const terms = new Set<string>();
    for (const text of [s.doc.title, (s.doc.aliases ?? []).join('\n'), s.doc.body]) for (const t of tokenize(text)) terms.add(t);
    for (const t of terms) {
      const p = this.postings.get(t);
      if (p) {
        let i = 0;
        while (i < p.n && p.at[2 * i] !== num) i++;
        if (i < p.n) {
          p.at.copyWithin(2 * i, 2 * i + 2, 2 * p.n--);
          p.big?.delete(num);
        }
        if (p.n === 0) {
          this.postings.delete(t);
          this.runPostings = new WeakMap(); // a run may name the dropped list
          if (t.startsWith(UNIGRAM)) this.corrector.removeChar(t.slice(UNIGRAM.length));
        }
      }
    }
    this.candidates.remove(s);
    s.lengths.forEach((l, f) => (this.lengthSums[f] -= l));
    this.docs.delete(key);
    this.bySeq[num] = undefined;
    this.order.invalidate();
    this.initials = null;
    this.corrector.countsChanged();
  }
}

/** English words that carry no topic ("how much of my …"): left out of the relevance floor. */
const EN_FILLER = new Set(('the a an of my i me to is are am be will how what when where which who why much many do does did can could '
  + 'for in on at and or it you your with from this that get have has should would any some about there please').split(' '));

/**
 * The topic words of a query: the finest words jieba gives (公派留学 counts as 公派 + 留学) without question words,
 * stop characters and one-character words (钱, 看 say little about a topic); Latin words of two letters or more.
 */
function topicWords(query: string): string[] {
  const words = [...new Set(queryTerms(stripQuestionWords(query), 1).map(({ term }) => term))]
    .filter((t) => !t.startsWith(BIGRAM) && !t.startsWith(UNIGRAM) && Array.from(t).length > 1 && !Array.from(t).every((c) => STOP_CHARS.has(c)));
  return words.filter((w) => !words.some((v) => v !== w && w.includes(v)));
}

function docKey(kind: DocKind, id: string): string {
  return `${kind}:${id}`;
}

/** Weighted query terms: words count fully, bigrams less, single characters least; stop characters are dropped. */
function queryTerms(query: string, factor: number): { term: string; weight: number }[] {
  return tokenize(query)
    .filter((t) => !(t.startsWith(UNIGRAM) && STOP_CHARS.has(t.slice(UNIGRAM.length))))
    // a lone letter or digit ("1" of "alert(1)") matches noise, never intent
    .filter((t) => !(Array.from(t).length === 1 && (STOP_CHARS.has(t) || !isHan(t))))
    .map((term) => ({
      term,
      weight: factor * (term.startsWith(BIGRAM) ? 0.6 : term.startsWith(UNIGRAM) ? 0.15 : 1),
    }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
