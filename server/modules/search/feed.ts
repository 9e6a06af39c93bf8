// What goes into the search index. Each kind of searchable record comes from a feed: the catalog feed
// gives published service items and the FAQ entries of their guides; the knowledge-base feed gives
// published FAQs (under their imported ids) and current notices. Adding a kind means adding a feed,
// not touching the index or the routes.
import type { PublishedItem } from '../catalog/present.ts';
import { SearchIndex, type DocKind, type SearchDoc } from './search-index.ts';
import type { SynonymDictionary } from './synonyms.ts';

/** A document for the index plus what the API shows of it beyond the core's fields. */
export interface FeedDoc extends SearchDoc {
  /** the English title, when the record has one */
  titleEn?: string;
  /** the English body (answer, guide summary, notice text), when the record has one: English results show it */
  bodyEn?: string;
  /** knowledge-base category of a FAQ */
  category?: string;
}

/** One source of searchable records; called on every build, may read the database. */
export type SearchFeed = () => Iterable<FeedDoc> | Promise<Iterable<FeedDoc>>;

/** An index together with the documents it was built from, keyed by kind and id. */
export interface SearchCorpus {
  index: SearchIndex;
  docs: Map<string, FeedDoc>;
}

// A guide FAQ answers one detail of its item; it should not outrank the item itself on the item's name.
const GUIDE_FAQ_POPULARITY = 0.2;

/** The catalog's documents: each published item, and each FAQ of its guide as `<code>#<n>` (n from 1). */
export function catalogDocs(items: readonly PublishedItem[]): FeedDoc[] {
  const out: FeedDoc[] = [];
  for (const item of items) {
    const c = item.content;
    out.push({
      kind: 'service', id: item.code, title: c.name.zh, titleEn: nonEmpty(c.name.en),
      body: `${c.summary.zh}\n${c.eligibility.zh}`,
      bodyEn: nonEmpty([c.summary.en, c.eligibility.en].filter((x) => x?.trim()).join('\n')),
      aliases: nonEmpty(c.name.en) ? [c.name.en] : [],
      popularity: item.popularity,
    });
    c.faq.forEach((f, i) => {
      out.push({
        kind: 'faq', id: `${item.code}#${i + 1}`, title: f.q.zh, titleEn: nonEmpty(f.q.en),
        body: f.a.zh,
        bodyEn: nonEmpty(f.a.en),
        aliases: nonEmpty(f.q.en) ? [f.q.en] : [],
        popularity: Math.round(item.popularity * GUIDE_FAQ_POPULARITY),
        service: item.code,
      });
    });
  }
  return out;
}

/** A published knowledge-base FAQ as the feed reads it. */
export interface KbFaq {
  id: string; category: string; question: string; answer: string; questionEn: string | null; answerEn?: string | null;
  aliases: string[]; service: string | null; views: number; helpfulYes: number;
}
/** A published notice as the feed reads it (ISO timestamps). */
export interface KbNotice {
  id: string; title: string; titleEn: string; body: string; bodyEn?: string; publishFrom: string; publishUntil: string | null;
}

// A "helpful" vote says more about an answer than one more view does.
const HELPFUL_WEIGHT = 3;

/** Knowledge-base FAQs: id = the imported id, aliases indexed as aliases (with the English question), the answer as body. */
export function faqDocs(faqs: readonly KbFaq[]): FeedDoc[] {
  return faqs.map((f) => ({
    kind: 'faq', id: f.id, title: f.question, titleEn: nonEmpty(f.questionEn ?? undefined),
    body: f.answer,
    bodyEn: nonEmpty(f.answerEn ?? undefined),
    aliases: [...f.aliases, ...(nonEmpty(f.questionEn ?? undefined) ? [f.questionEn!] : [])],
    popularity: f.views + HELPFUL_WEIGHT * f.helpfulYes,
    ...(f.service ? { service: f.service } : {}),
    category: f.category,
  }));
}

/** Notices shown at `now` (inside their publish window). */
export function noticeDocs(notices: readonly KbNotice[], now: string): FeedDoc[] {
  return notices.filter((n) => n.publishFrom <= now && (n.publishUntil === null || n.publishUntil > now)).map((n) => ({
    kind: 'notice', id: n.id, title: n.title, titleEn: nonEmpty(n.titleEn), body: n.body, bodyEn: nonEmpty(n.bodyEn),
    aliases: nonEmpty(n.titleEn) ? [n.titleEn] : [], popularity: 0,
  }));
}

/** When the set of current notices next changes (a start or an end after `now`), or undefined. */
export function nextNoticeChange(notices: readonly KbNotice[], now: string): string | undefined {
  let next: string | undefined;
  for (const n of notices) {
    for (const t of [n.publishFrom, n.publishUntil]) if (t && t > now && (!next || t < next)) next = t;
  }
  return next;
}

/**
 * The catalog's documents without the guide FAQ entries that a knowledge-base FAQ of the same service
 * already answers (same or nearly the same question): one answer per question in the results. Guide
 * entries the knowledge base does not cover stay, as `<code>#<n>`, leading to the guide.
 */
export function withoutCoveredGuideFaqs(catalog: readonly FeedDoc[], kb: readonly FeedDoc[]): FeedDoc[] {
  const covered = guideFaqsCoveredBy(catalog, kb);
  return catalog.filter((d) => !covered.has(d.id));
}

/** Guide FAQ entry id → the knowledge-base FAQs (of the same service) that ask the same question. */
export function guideFaqsCoveredBy(catalog: readonly FeedDoc[], kb: readonly FeedDoc[]): Map<string, string[]> {
  const byService = new Map<string, { id: string; grams: Set<string> }[]>();
  for (const d of kb) {
    if (!d.service) continue;
    let list = byService.get(d.service);
    if (!list) byService.set(d.service, (list = []));
    list.push({ id: d.id, grams: bigrams(d.title) });
  }
  const out = new Map<string, string[]>();
  for (const d of catalog) {
    if (d.kind !== 'faq' || !d.service || !d.id.includes('#')) continue;
    const own = bigrams(d.title);
    const by = (byService.get(d.service) ?? []).filter((o) => dice(own, o.grams) >= SAME_QUESTION).map((o) => o.id);
    if (by.length) out.set(d.id, by);
  }
  return out;
}

/** Dice coefficient of character bigrams at or above which two questions count as the same. */
const SAME_QUESTION = 0.6;

function bigrams(text: string): Set<string> {
  const chars = Array.from(text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * Builds a fresh index from every feed (warming the tokenizer's dictionaries on first use), with the
 * synonym dictionary `dictionary` gives (the default one without it).
 */
export async function buildCorpus(feeds: readonly SearchFeed[], dictionary?: () => Promise<SynonymDictionary>): Promise<SearchCorpus> {
  const [synonyms, ...batches] = await Promise.all([dictionary?.(), ...feeds.map((feed) => feed())]);
  const index = new SearchIndex(synonyms ? { synonyms: synonyms as SynonymDictionary } : {});
  index.warmUp();
  const docs = new Map<string, FeedDoc>();
  for (const batch of batches) {
    for (const doc of batch as FeedDoc[]) {
      index.add(doc);
      docs.set(corpusKey(doc.kind, doc.id), doc);
    }
  }
  return { index, docs };
}

export function corpusKey(kind: DocKind, id: string): string {
  return `${kind}:${id}`;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s && s.trim() ? s : undefined;
}
