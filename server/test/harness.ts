// Test harness: a real database per suite — a fresh SQLite file and a throwaway PostgreSQL
// database — with the demo university loaded, and an HTTP client over app.inject.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.ts';
import { migrate, openDb, type DbHandle, type DialectName } from '../db/index.ts';
import { seedDemo, DEMO_PASSWORD } from '../seed.ts';
import { buildApp } from '../app.ts';
import type { CatalogCache } from '../modules/catalog/cache.ts';

export const PG_ADMIN_URL = process.env.ONESTOP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgAvailable: boolean | undefined;
/** Whether the PostgreSQL named by ONESTOP_TEST_PG (default 127.0.0.1:5432) answers. */
export async function postgresAvailable(): Promise<boolean> {
  if (pgAvailable !== undefined) return pgAvailable;
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    pgAvailable = true;
  } catch {
    pgAvailable = false;
  } finally {
    await client.end().catch(() => {});
  }
  return pgAvailable;
}

/** The dialects this run covers: SQLite always; PostgreSQL unless ONESTOP_TEST_PG=off. */
export const DIALECTS: DialectName[] = process.env.ONESTOP_TEST_PG === 'off' ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestDb { handle: DbHandle; config: Config; drop(): Promise<void> }

export async function createTestDb(dialect: DialectName, opts: { seed?: boolean } = {}): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-test-'));
  let databaseUrl: string | null = null;
  let dbName = '';
  if (dialect === 'postgres') {
    if (!(await postgresAvailable())) throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}`);
    dbName = `onestop_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const config: Config = { ...loadConfig({}), dataDir, databaseUrl, demo: true, logLevel: 'silent', loginRateLimit: 1000 };
  const handle = openDb({ databaseUrl, dataDir, poolSize: 5 });
  await migrate(handle.db);
  if (opts.seed !== false) await seedDemo(handle.db);
  return {
    handle, config,
    async drop() {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dbName) {
        const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
}

export interface Session { cookie: string; csrf: string }

export interface TestApp {
  app: FastifyInstance;
  catalog: CatalogCache;
  db: TestDb;
  /** Sign in as a demo account; returns the cookie and CSRF token to send. */
  login(username: string, password?: string): Promise<Session>;
  request(opts: { method: string; url: string; as?: Session; body?: unknown; headers?: Record<string, string>; payload?: string | Buffer }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(dialect: DialectName, overrides: Partial<Config> = {}): Promise<TestApp> {
  const db = await createTestDb(dialect);
  const config = { ...db.config, ...overrides };
  // TEST_LOG=error (or debug) shows the server's log, e.g. the stack behind a 500.
  const { app, catalog } = await buildApp({ ...config, logLevel: process.env.TEST_LOG ?? 'silent' }, db.handle, { logger: !!process.env.TEST_LOG, pollMs: 200 });
  await app.ready();
  const request: TestApp['request'] = (o) => app.inject({
    method: o.method as 'GET',
    url: o.url,
    headers: {
      ...(o.as ? { cookie: o.as.cookie, 'x-csrf-token': o.as.csrf } : {}),
      ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...o.headers,
    },
    payload: o.payload ?? (o.body !== undefined ? JSON.stringify(o.body) : undefined),
  });
  return {
    app, catalog, db, request,
    async login(username, password = DEMO_PASSWORD) {
      const res = await request({ method: 'POST', url: '/api/v1/auth/login', body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return { cookie, csrf: res.json().csrfToken };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Assert an RFC 9457 problem with the given status and code. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  const ct = String(res.headers['content-type'] ?? '');
  if (res.statusCode !== status || !ct.startsWith('application/problem+json') || res.json().code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.statusCode} ${ct} ${res.body.slice(0, 400)}`);
  }
  return res.json() as { code: string; detail: string; errors?: Array<{ path: string; message: string; sheet?: string; row?: number; column?: string }> };
}
