// The published catalog, held in memory by every process and rebuilt when the catalog revision
// moves (a change in this process reloads at once; other processes notice within a poll interval).
// Guide pages are served as pre-serialized JSON, list pages from a small response cache. Both are held
// as UTF-8 Buffers: a string body costs Fastify a Buffer.byteLength scan for content-length and Node a
// UTF-8 encode on every write, about a tenth of the list endpoint's CPU time (bench/results/).
import type { Db } from '../../db/index.ts';
import type { ServiceItemContent } from '../../../common/catalog.ts';
import { OrgDirectory } from '../org/directory.ts';
import { presentDetail, presentSummary, type PublishedItem, type ServiceSummary } from './present.ts';

export interface ListFilter {
  audience?: string; department?: string; category?: string; lifeEvent?: string; q?: string;
  page: number; pageSize: number; sort: 'popular' | 'name';
}

interface Entry { item: PublishedItem; summary: ServiceSummary; haystack: string; guideJson: Buffer }

const LIST_CACHE_MAX = 2000;

export class CatalogCache {
  org = new OrgDirectory();
  revision = -1;
  private entries: Entry[] = [];
  private byCode = new Map<string, Entry>();
  private listCache = new Map<string, Buffer>();
  private timer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> | undefined;
  private readonly reloadListeners = new Set<() => void>();

  constructor(private readonly db: Db) {}

  /** Reload when the stored revision differs from ours. */
  async refresh(): Promise<void> {
    const row = await this.db.selectFrom('revision').select('revision').where('name', '=', 'catalog').executeTakeFirst();
    if (row && row.revision !== this.revision) await this.reload();
  }

  reload(): Promise<void> {
    // Coalesce concurrent reloads into one.
    this.reloading ??= this.load().finally(() => { this.reloading = undefined; });
    return this.reloading;
  }

  private async load(): Promise<void> {
    const rev = await this.db.selectFrom('revision').select('revision').where('name', '=', 'catalog').executeTakeFirstOrThrow();
    const [org, rows] = await Promise.all([
      OrgDirectory.load(this.db),
      this.db.selectFrom('service_item as i')
        .innerJoin('service_item_version as v', (j) => j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
        .select(['i.code', 'i.popularity', 'v.version', 'v.decided_at', 'v.content'])
        .where('i.retired', '=', 0)
        .execute(),
    ]);
    const entries = rows.map((r): Entry => {
      const item: PublishedItem = {
        code: r.code, version: r.version, publishedAt: r.decided_at ?? '', popularity: r.popularity,
        content: JSON.parse(r.content) as ServiceItemContent,
      };
      const c = item.content;
      const dept = org.units.get(c.department)?.name;
      const haystack = [item.code, c.name.zh, c.name.en, c.summary.zh, c.summary.en, dept?.zh, dept?.en]
        .join('\n').toLowerCase();
      return { item, summary: presentSummary(item, org), haystack, guideJson: Buffer.from(JSON.stringify(presentDetail(item, org))) };
    });
    entries.sort((a, b) => b.item.popularity - a.item.popularity || a.item.code.localeCompare(b.item.code));
    this.org = org;
    this.entries = entries;
    this.byCode = new Map(entries.map((e) => [e.item.code, e]));
    this.listCache = new Map();
    this.revision = rev.revision;
    for (const listener of this.reloadListeners) listener();
  }

  /**
   * Calls `listener` after every reload (in this process at once after a change here, in others within
   * a poll). Listeners must be quick and must not throw: derived in-memory views (the search index)
   * schedule their own rebuild. Returns the function that unsubscribes.
   */
  onReload(listener: () => void): () => void {
    this.reloadListeners.add(listener);
    return () => { this.reloadListeners.delete(listener); };
  }

  /** Poll the revision so changes made by other processes show up within `ms`. */
  startPolling(ms: number, onError: (err: unknown) => void): void {
    this.timer = setInterval(() => { this.refresh().catch(onError); }, ms);
    this.timer.unref();
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
  }

  get size(): number { return this.entries.length; }

  /** The guide page as UTF-8 JSON bytes. */
  guideJson(code: string): Buffer | undefined {
    return this.byCode.get(code)?.guideJson;
  }

  /** Every published item, most popular first (read-only: shared with the cache). */
  publishedItems(): readonly PublishedItem[] {
    return this.entries.map((e) => e.item);
  }

  published(code: string): PublishedItem | undefined {
    return this.byCode.get(code)?.item;
  }

  summary(code: string): ServiceSummary | undefined {
    return this.byCode.get(code)?.summary;
  }

  list(f: ListFilter): { items: ServiceSummary[]; total: number } {
    const terms = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const hits = this.entries.filter(({ item: { content: c }, haystack }) =>
      (!f.audience || (c.audiences as string[]).includes(f.audience)) &&
      (!f.lifeEvent || (c.lifeEvents as string[]).includes(f.lifeEvent)) &&
      (!f.category || c.category === f.category) &&
      (!f.department || this.org.isWithin(c.department, f.department) || c.coDepartments.includes(f.department)) &&
      terms.every((t) => haystack.includes(t)));
    if (f.sort === 'name') hits.sort((a, b) => a.item.content.name.zh.localeCompare(b.item.content.name.zh, 'zh-CN'));
    const start = (f.page - 1) * f.pageSize;
    return { items: hits.slice(start, start + f.pageSize).map((e) => e.summary), total: hits.length };
  }

  /** The list response as UTF-8 JSON bytes, cached per distinct query until the catalog changes. */
  listJson(f: ListFilter): Buffer {
    // q goes last and absent fields become '': every other field is an enum, a code pattern or a number
    // (none contains '|' or can be empty), so the key is unambiguous and cheaper than JSON.stringify.
    // An empty and an absent q filter alike, so sharing their entry is right.
    const key = `${f.audience ?? ''}|${f.department ?? ''}|${f.category ?? ''}|${f.lifeEvent ?? ''}|${f.page}|${f.pageSize}|${f.sort}|${f.q ?? ''}`;
    let json = this.listCache.get(key);
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(this.list(f)));
      if (this.listCache.size >= LIST_CACHE_MAX) this.listCache.clear();
      this.listCache.set(key, json);
    }
    return json;
  }
}
