// The calendar overrides, held in memory by every process and reloaded when the `calendar` revision moves —
// the catalog cache's mechanism: a change bumps the counter in its transaction, the changing process reloads
// at once, the others poll the counter (every second by default). Every working-day computation of the
// process (task due dates and warnings) reads `overrides` from here.
import type { Db } from '../../db/index.ts';
import type { CalendarOverrides } from '../workflow/calendar.ts';
import { allOverrides, calendarRevision } from './repo.ts';

export class CalendarCache {
  revision = -1;
  private current: CalendarOverrides = Object.freeze({});
  private timer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  /** date → working day (true) or day off (false), for every override; frozen, replaced whole on reload. */
  get overrides(): CalendarOverrides { return this.current; }

  /** Reload when the stored revision differs from ours. */
  async refresh(): Promise<void> {
    if ((await calendarRevision(this.db)) !== this.revision) await this.reload();
  }

  reload(): Promise<void> {
    // Coalesce concurrent reloads into one.
    this.reloading ??= this.load().finally(() => { this.reloading = undefined; });
    return this.reloading;
  }

  private async load(): Promise<void> {
    // The revision is read first: a change committed in between makes the next poll load again.
    const revision = await calendarRevision(this.db);
    const rows = await allOverrides(this.db);
    this.current = Object.freeze(Object.fromEntries(rows.map((r) => [r.date, r.working === 1])));
    this.revision = revision;
  }

  /** Poll the revision so changes made by other processes show up within `ms`. */
  startPolling(ms: number, onError: (err: unknown) => void): void {
    this.timer = setInterval(() => { this.refresh().catch(onError); }, ms);
    this.timer.unref();
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
