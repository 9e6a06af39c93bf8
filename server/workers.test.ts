// `onestop serve` with WORKERS=2: on PostgreSQL two server processes share the port, a process that dies is
// replaced, and SIGTERM stops them all; on SQLite (one writer) the setting is refused with a warning and one
// process serves.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, DIALECTS, type TestDb } from './test/harness.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const childrenOf = (pid: number): number[] => {
  try {
    // server processes only (tsx's esbuild service is a child too)
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n')
      .filter((l) => l.includes('onestop.js')).map((l) => Number(l.trim().split(/\s+/)[0])).filter(Boolean);
  } catch { return []; }
};
const until = async (what: string, ok: () => Promise<boolean> | boolean) => {
  for (let i = 0; i < 300; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe.each(DIALECTS)('WORKERS=2 on %s', (dialect) => {
  let db: TestDb;
  let server: ChildProcess;
  let stderr = '';
  const port = 3600 + Math.floor(Math.random() * 300) + (dialect === 'postgres' ? 300 : 0);
  const answers = async () => { try { return (await fetch(`http://127.0.0.1:${port}/readyz`)).ok; } catch { return false; } };

  beforeAll(async () => {
    db = await createTestDb(dialect, { seed: false });
    server = spawn(process.execPath, [path.join(ROOT, 'bin/onestop.js'), 'serve'], {
      cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DATA_DIR: db.config.dataDir, DATABASE_URL: db.config.databaseUrl ?? '', ONESTOP_DEMO: 'on', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', WORKERS: '2' },
    });
    server.stderr!.on('data', (b: Buffer) => { stderr += b.toString(); });
    await until('the server', answers);
  }, 120_000);
  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    await db?.drop();
  });

  it(dialect === 'postgres' ? 'serves from two processes, replaces one that dies, and stops them all' : 'refuses, and serves from one process', async () => {
    if (dialect === 'sqlite') {
      expect(stderr).toContain('WORKERS > 1 needs PostgreSQL');
      expect(childrenOf(server.pid!)).toEqual([]);
    } else {
      await until('two processes', () => childrenOf(server.pid!).length === 2);
      const [first] = childrenOf(server.pid!);
      process.kill(first!, 'SIGKILL');
      await until('a replacement', () => { const now = childrenOf(server.pid!); return now.length === 2 && !now.includes(first!); });
      await until('the server again', answers);
      expect(stderr).toContain('starting another');
    }
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
    expect(await answers()).toBe(false);
  }, 120_000);
});
