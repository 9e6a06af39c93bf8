// The `onestop` command, run as a separate process against a real database of each kind.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb, DIALECTS, type TestDb } from './test/harness.ts';
import { openDb } from './db/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe.each(DIALECTS)('onestop CLI on %s', (dialect) => {
  let db: TestDb;
  let tmp: string;
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/onestop.js'), ...args], {
    cwd: ROOT, encoding: 'utf8',
    env: { ...process.env, DATA_DIR: db.config.dataDir, DATABASE_URL: db.config.databaseUrl ?? '', ONESTOP_DEMO: 'on', LOG_LEVEL: 'warn' },
  });
  const withDb = async <T>(fn: (h: ReturnType<typeof openDb>) => Promise<T>) => {
    const h = openDb({ databaseUrl: db.config.databaseUrl, dataDir: db.config.dataDir });
    try { return await fn(h); } finally { await h.close(); }
  };

  beforeAll(async () => {
    db = await createTestDb(dialect, { seed: false });
    await db.handle.close();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-cli-'));
  });
  afterAll(async () => {
    db.handle = openDb({ databaseUrl: db.config.databaseUrl, dataDir: db.config.dataDir });
    await db.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('migrates, seeds once, and says so', () => {
    expect(cli('migrate').stdout).toContain('schema is up to date');
    expect(cli('seed').stdout).toContain('demo university loaded');
    expect(cli('seed').stdout).toContain('already loaded');
  });

  it('exports the catalog and imports a corrected file; a bad file imports nothing and names row and column', async () => {
    const file = path.join(tmp, 'catalog.xlsx');
    expect(cli('export-catalog', file).status).toBe(0);
    const ok = cli('import-catalog', file);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/imported 13\d items \(0 new, 13\d updated\) as drafts/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('items')!;
    ws.getRow(5).getCell(2).value = 'lots';
    const bad = path.join(tmp, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const before = await withDb((h) => h.db.selectFrom('service_item_version').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());
    const res = cli('import-catalog', bad, '--publish');
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('nothing imported');
    expect(res.stderr).toMatch(/items row 5 column popularity \(B5\)/);
    const after = await withDb((h) => h.db.selectFrom('service_item_version').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());
    expect(Number(after.n)).toBe(Number(before.n));
    expect(cli('import-catalog').status).toBe(2);
  });

  it('creates an administrator who can sign in', async () => {
    expect(cli('create-admin', '--username', 'it-admin', '--password', 'short').status).toBe(2);
    const res = cli('create-admin', '--username', 'it-admin', '--password', 'a-long-enough-secret', '--name', '信息中心管理员');
    expect(res.status, res.stderr).toBe(0);
    const roles = await withDb((h) => h.db.selectFrom('role_grant').innerJoin('person', 'person.id', 'role_grant.person_id')
      .select(['role', 'scope_code']).where('person.username', '=', 'it-admin').execute());
    expect(roles).toEqual([{ role: 'system_admin', scope_code: 'school' }]);
    expect(cli('create-admin', '--username', 'it-admin', '--password', 'a-long-enough-secret').status).toBe(2);
  });

  it('verifies the audit chain and detects a tampered row', async () => {
    const good = cli('verify-audit');
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/audit log intact: \d+ rows/);
    await withDb((h) => h.db.updateTable('audit_log').set({ actor_id: 'someone-else' }).where('seq', '=', 2).execute());
    const bad = cli('verify-audit');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('TAMPERED at row 2');
  });

  it('explains its usage on an unknown command', () => {
    const res = cli('frobnicate');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('usage: onestop');
  });
});
