// Opens the database: embedded SQLite (default) or PostgreSQL, behind one Kysely type.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider, type SqliteDialectConfig } from 'kysely';
import { createRequire } from 'node:module';
import type SqliteDatabaseType from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.ts';
import { statementName } from './prepared.ts';
import * as foundation from './migrations/2026-11-23-01-foundation.ts';
import * as preferencesSaved from './migrations/2026-11-23-02-preferences-saved.ts';
import * as knowledgeBase from './migrations/2026-11-23-03-knowledge-base.ts';
import * as workflow from './migrations/2026-11-23-04-workflow.ts';
import * as navigator from './migrations/2026-11-23-05-navigator.ts';
import * as notify from './migrations/2026-11-23-06-notify.ts';
import * as bundles from './migrations/2026-11-23-07-bundles.ts';
import * as calendar from './migrations/2026-11-23-08-calendar.ts';
import * as synonyms from './migrations/2026-11-23-09-synonyms.ts';
import * as promised from './migrations/2026-11-23-10-promised.ts';
import * as auditPending from './migrations/2026-11-23-11-audit-pending.ts';
import * as caseTimers from './migrations/2026-11-23-12-case-timers.ts';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  close(): Promise<void>;
}

// better-sqlite3 13 crashes on Node 20, and 12 aborts on Node 24 when a statement is finalized
// during teardown (RemoveEnvironmentCleanupHook assertion, WiseLibs/better-sqlite3#1515): each
// Node line gets the major that works on it. 13 ships its N-API binaries inside the package.
const require = createRequire(import.meta.url);
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
const SqliteDatabase: typeof SqliteDatabaseType = require(NODE_MAJOR >= 22 ? 'better-sqlite3-13' : 'better-sqlite3');

// Migrations are listed here, in order, so the bundle needs no directory scan at run time.
const migrations: Record<string, Migration> = {
  '2026-11-23-01-foundation': foundation,
  '2026-11-23-02-preferences-saved': preferencesSaved,
  '2026-11-23-03-knowledge-base': knowledgeBase,
  '2026-11-23-04-workflow': workflow,
  '2026-11-23-05-navigator': navigator,
  '2026-11-23-06-notify': notify,
  '2026-11-23-07-bundles': bundles,
  '2026-11-23-08-calendar': calendar,
  '2026-11-23-09-synonyms': synonyms,
  '2026-11-23-10-promised': promised,
  '2026-11-23-11-audit-pending': auditPending,
  '2026-11-23-12-case-timers': caseTimers,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function openDb(opts: { databaseUrl: string | null; dataDir: string; poolSize?: number }): DbHandle {
  if (opts.databaseUrl) {
    // COUNT(*) and BIGINT come back as strings by default; our counts fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client whose connection the server ends (restart, failover, admin) emits 'error' on the
    // pool; without a listener that would crash the process. The pool drops the client and reconnects.
    pool.on('error', (err) => { process.emitWarning(`PostgreSQL idle client error: ${err.message}`); });
    pool.on('connect', nameHotStatements);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'onestop.sqlite');
  const sqlite = new SqliteDatabase(file);
  // WAL + NORMAL: a killed process loses no committed transaction; only an OS crash could lose the last ones.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): a group commit (group-commit.ts) touches a few thousand pages, which
  // would otherwise spill to the WAL before the commit.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely runs a query as `client.query(sql, values)`, an unnamed statement that PostgreSQL parses and plans every
 * time. The hot fixed-shape queries (db/prepared.ts) go by a name instead, so each connection prepares them once.
 */
function nameHotStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    const name = typeof config === 'string' && Array.isArray(values) ? statementName(config) : undefined;
    return name ? query({ name, text: config, values }, callback) : query(config, values, callback);
  }) as typeof client.query;
}

/**
 * Kysely prepares every query anew, and preparing costs more than running most of ours (a submission runs
 * about twenty): keep the prepared statements by their SQL text. A statement still iterating (a stream) is
 * busy and cannot be rebound, so that caller gets a fresh one. SQLite re-prepares by itself after a schema
 * change. The cache is emptied when it reaches MAX (queries with `in (?, ?, …)` lists vary in text).
 */
function withStatementCache(sqlite: SqliteDatabaseType.Database): SqliteDialectConfig['database'] {
  const MAX = 1000;
  const cache = new Map<string, SqliteDatabaseType.Statement>();
  return {
    close: () => { cache.clear(); sqlite.close(); },
    prepare: (sql: string) => {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const stmt = sqlite.prepare(sql);
      if (!hit) {
        if (cache.size >= MAX) cache.clear();
        cache.set(sql, stmt);
      }
      return stmt;
    },
  } as SqliteDialectConfig['database'];
}

/** Bring the schema to the newest version; returns the names of migrations applied now. */
export async function migrate(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Run `fn` in a transaction, joining the caller's when `db` already is one (the caller owns it). */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
