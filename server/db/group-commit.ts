// Group commit for the embedded SQLite database. SQLite has one writer, and its commit is the expensive part of a
// short write transaction: every page the transaction touched is appended to the WAL, and now and then a checkpoint
// copies the WAL back into the database file. Submissions that arrive together therefore share one transaction and
// one commit, each inside its own savepoint: one that fails rolls back to its savepoint and only its caller gets the
// error, the others commit. Nobody hears "done" before the commit that holds their writes.
// PostgreSQL runs each in a transaction of its own: it has many connections and commits in parallel already.
import { SqliteAdapter, sql } from 'kysely';
import type { Db } from './index.ts';

/** At most this many transactions share one commit (a bigger group keeps the write lock longer). */
const MAX_GROUP = 64;

interface Job { fn: (trx: Db) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }

class Group {
  private queue: Job[] = [];
  private scheduled = false;
  /** commits made and jobs they held, since the process started (for metrics and tests) */
  readonly stats = { commits: 0, jobs: 0 };

  constructor(private readonly db: Db) {}

  run<T>(fn: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      // One turn of the event loop first: the requests that arrived in the same poll phase join this group.
      if (!this.scheduled) { this.scheduled = true; setImmediate(() => void this.drain()); }
    });
  }

  private async drain() {
    while (this.queue.length) {
      const jobs = this.queue.splice(0, MAX_GROUP);
      const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
      try {
        await this.db.transaction().execute(async (trx) => {
          for (const job of jobs) {
            await sql`savepoint job`.execute(trx);
            try {
              const value = await job.fn(trx);
              await sql`release savepoint job`.execute(trx);
              outcomes.push({ ok: true, value });
            } catch (error) {
              // Undo this job's writes only; if even that fails, the whole group rolls back (below).
              await sql`rollback to savepoint job`.execute(trx);
              await sql`release savepoint job`.execute(trx);
              outcomes.push({ ok: false, error });
            }
          }
        });
      } catch (error) {
        // BEGIN, a rollback to a savepoint or COMMIT failed: nothing of this group is stored, so none of it succeeded.
        for (const job of jobs) job.reject(error);
        continue;
      }
      this.stats.commits++;
      this.stats.jobs += jobs.length;
      jobs.forEach((job, i) => {
        const o = outcomes[i]!;
        if (o.ok) job.resolve(o.value); else job.reject(o.error);
      });
    }
    this.scheduled = false;
  }
}

const groups = new WeakMap<Db, Group>();

/**
 * Runs `fn` in a write transaction: on SQLite one shared with the submissions arriving at the same moment (group
 * commit, see the file header), on PostgreSQL one of its own. `fn` must only use `trx` and must not wait on
 * anything but the database: the others of its group wait for it.
 */
export function groupTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return db.transaction().execute(fn);
  let group = groups.get(db);
  if (!group) groups.set(db, (group = new Group(db)));
  return group.run(fn);
}

/** Commits made by groupTransaction on this SQLite database and the transactions they held (none on PostgreSQL). */
export function groupCommitStats(db: Db): { commits: number; jobs: number } {
  return { ...(groups.get(db)?.stats ?? { commits: 0, jobs: 0 }) };
}
