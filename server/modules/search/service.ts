// The search shell: holds the in-process index, rebuilds it from the feeds whenever the catalog
// reloads or the knowledge base changes, and answers queries through the pure core. Builds run off the request path; a request that
// arrives while one is pending waits for it, so the first queries after start-up (or a publication)
// are answered from the newest data instead of failing or going stale.
import type { Db } from '../../db/index.ts';
import { nowIso } from '../../clock.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import { allPublishedFaqs, kbRevision, liveNotices } from '../kb/repo.ts';
import {
  buildCorpus, catalogDocs, corpusKey, faqDocs, nextNoticeChange, noticeDocs, withoutCoveredGuideFaqs,
  type FeedDoc, type SearchCorpus, type SearchFeed,
} from './feed.ts';
import { englishMarks, presentHit, presentSuggestion } from './present.ts';
import type { Lang } from '../../../common/problems.ts';
import type { DocKind } from './search-index.ts';
import type { SynonymDictionary } from './synonyms.ts';
import { loadDictionary } from './dictionary.ts';

export class SearchService {
  private current: Promise<SearchCorpus> | undefined;
  /** a build that is scheduled but has not started: further invalidations join it */
  private pending: Promise<SearchCorpus> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly feeds: readonly SearchFeed[], private readonly onError: (err: unknown) => void,
    private readonly dictionary?: () => Promise<SynonymDictionary>,
  ) {}

  /**
   * Starts the first build after `delayMs`, off the start-up path (loading the hanzi and jieba data
   * takes most of a second once per process; tests build many apps). An earlier query builds at once.
   */
  buildSoon(delayMs = 0): void {
    this.timer = setTimeout(() => { if (!this.current) void this.rebuild().catch(() => {}); }, delayMs);
    this.timer.unref();
  }

  /** Marks the index stale and schedules a rebuild on the next turn of the event loop. */
  rebuild(): Promise<SearchCorpus> {
    if (this.pending) return this.pending;
    const build: Promise<SearchCorpus> = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      if (this.pending === build) this.pending = undefined;
      return buildCorpus(this.feeds, this.dictionary);
    });
    this.pending = build;
    this.current = build;
    build.catch((err) => {
      // the next query tries again instead of repeating a failure forever
      if (this.current === build) this.current = undefined;
      if (!this.stopped) this.onError(err);
    });
    return build;
  }

  /** The newest index, waiting for a build in progress. */
  corpus(): Promise<SearchCorpus> {
    return this.current ?? this.rebuild();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** What the search box offers on each keystroke. */
  async suggest(q: string | undefined, limit: number) {
    const { index, docs } = await this.corpus();
    return index.suggest(q ?? '', limit).map((s) => presentSuggestion(s, docs.get(corpusKey(s.kind, s.id))));
  }

  /** Documents the index finds for `text` (a FAQ's question), other than the one asking; no notices. */
  async related(kind: DocKind, id: string, text: string, limit = 5) {
    const { index, docs } = await this.corpus();
    return index.search(text).hits
      .filter((h) => h.kind !== 'notice' && !(h.kind === kind && h.id === id))
      .slice(0, limit)
      .map((h) => presentSuggestion(h, docs.get(corpusKey(h.kind, h.id))));
  }

  /**
   * One page of full results with highlights, and the corrected query when a typo was corrected. In English
   * (`lang` 'en'), a record with English text shows its English title and snippet, marked where the query's
   * Latin words occur.
   */
  async search(q: string | undefined, options: { kind?: DocKind; page: number; lang?: Lang }) {
    const { index, docs } = await this.corpus();
    const r = index.search(q ?? '', options);
    const english = options.lang === 'en' ? englishMarks(r.corrected ?? q ?? '') : undefined;
    return {
      items: r.hits.map((h) => presentHit(h, docs.get(corpusKey(h.kind, h.id)), english)),
      total: r.total,
      page: r.page,
      ...(r.corrected ? { corrected: r.corrected } : {}),
    };
  }
}

/** setTimeout's longest delay (about 24.8 days); a later notice change is re-checked then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What the knowledge-base side of the search does: follow the `kb` revision and the notices' windows. */
export interface KbSearchFeed {
  /** rebuilds now when the knowledge base's revision moved (call after a change in this process) */
  refresh(): Promise<void>;
}

/**
 * The search service over what the database holds today: the catalog's items and guide FAQs (rebuilt on
 * every catalog reload), the knowledge base's published FAQs and current notices (rebuilt when the `kb`
 * revision moves — polled every `pollMs` — and when a notice's publish window opens or closes).
 * Call `stop()` when the app closes.
 */
export function startSearch(catalog: CatalogCache, db: Db, onError: (err: unknown) => void, pollMs = 1000): { search: SearchService; kb: KbSearchFeed; start(): void; stop(): void } {
  let revision = -1;
  let noticeTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const feed = async (): Promise<FeedDoc[]> => {
    const now = nowIso();
    const [rev, faqs, notices] = await Promise.all([kbRevision(db), allPublishedFaqs(db), liveNotices(db, now)]);
    revision = rev;
    const kbFaqs = faqDocs(faqs.map((f) => ({
      id: f.id, category: f.category_code, question: f.question_zh, answer: f.answer_zh, questionEn: f.question_en, answerEn: f.answer_en,
      aliases: JSON.parse(f.aliases) as string[], service: f.service_code, views: f.views, helpfulYes: f.helpful_yes,
    })));
    const kbNotices = notices.map((n) => ({
      id: n.id, title: n.title_zh, titleEn: n.title_en, body: n.body_zh, bodyEn: n.body_en, publishFrom: n.publish_from, publishUntil: n.publish_until,
    }));
    scheduleNoticeRebuild(nextNoticeChange(kbNotices, now));
    return [...withoutCoveredGuideFaqs(catalogDocs(catalog.publishedItems()), kbFaqs), ...kbFaqs, ...noticeDocs(kbNotices, now)];
  };
  const search = new SearchService([feed], onError, () => loadDictionary(db));
  const rebuild = () => { void search.rebuild().catch(() => {}); };
  function scheduleNoticeRebuild(at: string | undefined) {
    if (noticeTimer) clearTimeout(noticeTimer);
    noticeTimer = undefined;
    if (!at || stopped) return;
    noticeTimer = setTimeout(rebuild, Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(at) - Date.now()) + 50));
    noticeTimer.unref();
  }
  const kb: KbSearchFeed = {
    async refresh() {
      // before the first build there is nothing to refresh: the first query builds from the newest data
      if (revision === -1) return;
      if ((await kbRevision(db)) !== revision) await search.rebuild();
    },
  };
  const unsubscribe = catalog.onReload(rebuild);
  const poll = setInterval(() => { kb.refresh().catch(onError); }, pollMs);
  poll.unref();
  return {
    search, kb,
    // The first build blocks the event loop for a second or more (jieba, pinyin and ~1000 documents): start it
    // once the app is ready, not while plugins are still registering against their start-up timeout.
    start: () => search.buildSoon(),
    stop: () => {
      stopped = true;
      unsubscribe();
      clearInterval(poll);
      if (noticeTimer) clearTimeout(noticeTimer);
      search.stop();
    },
  };
}
