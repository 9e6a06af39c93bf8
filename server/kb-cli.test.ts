// `onestop kb import` / `onestop kb export` as real processes, on a brand-new data directory (no demo)
// and on a demo database, on both kinds of database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, DIALECTS, type TestDb } from './test/harness.ts';
import { openDb } from './db/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FAQ = { id: 'cli-001', category: 'hall', question: '大厅周末开门吗？', answer: '周六上午开放综合窗口。', aliases: ['周末办事'] };

describe.each(DIALECTS)('onestop kb on %s', (dialect) => {
  let db: TestDb;
  let tmp: string;
  let env: Record<string, string>;
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/onestop.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  const file = (name: string, lines: unknown[]) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
    return p;
  };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-kb-cli-'));
    // SQLite: a data directory that does not exist yet; PostgreSQL: an empty database
    db = await createTestDb(dialect, { seed: false });
    await db.handle.close();
    env = dialect === 'sqlite'
      ? { DATA_DIR: path.join(tmp, 'fresh-data'), DATABASE_URL: '', ONESTOP_DEMO: 'off' }
      : { DATA_DIR: db.config.dataDir, DATABASE_URL: db.config.databaseUrl!, ONESTOP_DEMO: 'off' };
  });
  afterAll(async () => {
    db.handle = openDb({ databaseUrl: db.config.databaseUrl, dataDir: db.config.dataDir });
    await db.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('imports into a brand-new installation (migrating it, creating the standard categories) and exports', () => {
    const res = cli('kb', 'import', file('one.jsonl', [FAQ]), '--publish');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('imported 1 FAQs (1 new, 0 updated), published');
    expect(res.stdout).toMatch(/created \d+ FAQ categories/);
    const again = cli('kb', 'import', file('one.jsonl', [{ ...FAQ, answer: '周六上午 9:00–12:00 开放综合窗口。' }]));
    expect(again.stdout).toContain('(0 new, 1 updated)');
    expect(again.stdout).not.toContain('categories');
    const out = path.join(tmp, 'out.jsonl');
    expect(cli('kb', 'export', out).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l))).toEqual([{ ...FAQ, answer: '周六上午 9:00–12:00 开放综合窗口。' }]);
    const xlsx = path.join(tmp, 'out.xlsx');
    expect(cli('kb', 'export', xlsx).status).toBe(0);
    expect(cli('kb', 'import', xlsx).stdout).toContain('(0 new, 1 updated)');
  });

  it('refuses a bad file as a whole and names each bad line; explains its usage', () => {
    const bad = file('bad.jsonl', [{ ...FAQ, id: 'cli-002' }, '{broken', { ...FAQ, id: 'cli-003', category: 'nowhere' }, { ...FAQ, id: 'cli-004', service: 'no-such-service' }]);
    const res = cli('kb', 'import', bad, '--publish');
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('nothing imported: 3 problem(s)');
    expect(res.stderr).toMatch(/line 2 \/: /);
    expect(res.stderr).toMatch(/line 3 \/category: 分类“nowhere”不存在/);
    expect(res.stderr).toMatch(/line 4 \/service: 事项“no-such-service”不存在/);
    const out = path.join(tmp, 'after.jsonl');
    cli('kb', 'export', out);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('cli-002');
    expect(cli('kb', 'import').status).toBe(2);
    expect(cli('kb', 'frob', 'x.jsonl').status).toBe(2);
    expect(cli('kb', 'import', 'x.csv').status).toBe(2);
  });

  it('works the same on a demo database: the demo FAQs export and import back without duplicates', () => {
    expect(cli('seed').stdout).toContain('demo university');
    const out = path.join(tmp, 'demo.jsonl');
    expect(cli('kb', 'export', out).status).toBe(0);
    const n = fs.readFileSync(out, 'utf8').trim().split('\n').length;
    const res = cli('kb', 'import', out, '--publish');
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain(`imported ${n} FAQs (0 new, ${n} updated)`);
  });
});
