// `npm test`: type-check, then every suite on SQLite and PostgreSQL, then the browser journeys.
// Says plainly what it skipped (no PostgreSQL reachable, no Chromium); under CI=true a skip fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const PG_URL = process.env.ONESTOP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skipped = [];

async function postgresUp() {
  if (process.env.ONESTOP_TEST_PG === 'off') return false;
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try { await client.connect(); await client.query('select 1'); return true; } catch { return false; } finally { await client.end().catch(() => {}); }
}

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(res.status ?? 1);
  }
}

const env = {};
if (!(await postgresUp())) {
  skipped.push(`PostgreSQL (not reachable at ${PG_URL}): suites ran on SQLite only`);
  env.ONESTOP_TEST_PG = 'off';
}
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) skipped.push(`browser tests (no Chromium at ${CHROMIUM}; apt-get install chromium fonts-noto-cjk)`);

if (CI && skipped.length) {
  console.error(`✖ CI=true and these would be skipped:\n  - ${skipped.join('\n  - ')}`);
  process.exit(1);
}

run('type-check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
run('type-check web', 'npx', ['tsc', '--noEmit', '-p', 'web/tsconfig.json']);
run('server and data tests', 'npx', ['vitest', 'run'], env);
if (hasChromium) {
  run('web build', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  run('browser tests', 'npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts'], { ...env, CHROMIUM_PATH: CHROMIUM });
}

if (skipped.length) console.warn(`\n⚠ skipped:\n  - ${skipped.join('\n  - ')}`);
else console.log('\n✔ everything ran: SQLite, PostgreSQL and the browser');
