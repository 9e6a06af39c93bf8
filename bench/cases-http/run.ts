// Submission benchmark (issue 3): POST /api/v1/cases over HTTP at 50 concurrent clients, each request with
// its own Idempotency-Key, against the real server (`onestop serve`) on SQLite and on a throwaway PostgreSQL
// database; and in the same run `pgbench -b simple-update -c 10` on that PostgreSQL as the yardstick.
// Goals: ≥ 2,000 submissions/s on SQLite with p99 ≤ 50 ms; on PostgreSQL ≥ 50 % of pgbench's tps.
//
// Before/after: BENCH_BASELINE_TREE=/path/to/an/older/checkout (with node_modules) runs that code's server
// too, interleaved round by round with this one's, so both see the same outside load; BENCH_BASELINE_LABEL
// names it in the results (e.g. its commit). For example:
//   git archive <commit> | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   BENCH_BASELINE_TREE=/tmp/before BENCH_BASELINE_LABEL=<commit> npm run bench:cases
// After the runs every database is checked: one case, one idempotency key, one audit row and one outbox
// notification per 201 answer, and an intact audit chain. Writes bench/results/cases-http-[<BENCH_LABEL>-]<date>.{json,md}.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { machine } from '../machine.ts';
import { cpuMicros, median, start } from '../server.ts';
import { migrate, openDb } from '../../server/db/index.ts';
import { chainPending, verifyAudit } from '../../server/modules/audit/service.ts';
import { PG_ADMIN_URL, postgresAvailable } from '../../server/test/harness.ts';
import { DEMO_PASSWORD } from '../../server/seed.ts';
import { APPLICANT, BODY } from './body.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PGBENCH_CLIENTS = 10;
// Server processes for PostgreSQL (WORKERS; SQLite always runs one): BENCH_PG_WORKERS=2 uses both cores.
const PG_WORKERS = Number(process.env.BENCH_PG_WORKERS ?? 1);
const WARMUP = 3;
const BASELINE = process.env.BENCH_BASELINE_TREE ? path.resolve(process.env.BENCH_BASELINE_TREE) : null;
const BASELINE_LABEL = process.env.BENCH_BASELINE_LABEL ?? 'baseline';
// BENCH_LABEL=x writes cases-http-x-<date>.{json,md} beside the day's main results instead of over them.
const LABEL = process.env.BENCH_LABEL ? `${process.env.BENCH_LABEL.replace(/[^\w.-]/g, '_')}-` : '';

interface Run { requestsPerSec: number; p50: number; p99: number; cpuMicrosPerRequest: number | null; created: number; errors: number; non2xx: number }
interface Target {
  key: string; tree: 'this' | 'baseline'; treePath: string; dialect: 'sqlite' | 'postgres'; port: number;
  dataDir: string; databaseUrl: string | null; child?: ChildProcess; cookie?: string; csrf?: string; created: number; failed: number; runs: Run[];
}

async function adminQuery(q: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try { await c.query(q); } finally { await c.end(); }
}
function dbUrl(name: string) { const u = new URL(PG_ADMIN_URL); u.pathname = `/${name}`; return u.toString(); }

async function login(t: Target) {
  const res = await fetch(`http://127.0.0.1:${t.port}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: APPLICANT, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login on ${t.key}: ${res.status} ${await res.text()}`);
  t.cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  t.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function once(t: Target, seconds: number): Promise<Run> {
  const before = cpuMicros(t.child!.pid);
  let created = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${t.port}`, connections: CONNECTIONS, duration: seconds,
    requests: [{
      method: 'POST', path: '/api/v1/cases', body: JSON.stringify(BODY),
      headers: { 'content-type': 'application/json', cookie: t.cookie!, 'x-csrf-token': t.csrf! },
      // Every request is a new application: its own Idempotency-Key.
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }),
    }],
  });
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number) => { if (status === 201) created++; });
  const r = await instance;
  const after = cpuMicros(t.child!.pid);
  t.created += created;
  t.failed += r.errors + r.timeouts;
  return {
    requestsPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99,
    cpuMicrosPerRequest: before === undefined || after === undefined || !r.requests.total ? null : Math.round((after - before) / r.requests.total),
    created, errors: r.errors + r.timeouts, non2xx: r.non2xx,
  };
}

function pgbench(url: string, seconds: number): number {
  const out = execFileSync('pgbench', ['-b', 'simple-update', '-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', String(seconds), url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  if (!m) throw new Error(`pgbench said:\n${out}`);
  return Math.round(Number(m[1]));
}

/** After the run: what the database holds must be exactly what the 201 answers promised. */
async function check(t: Target) {
  const h = openDb({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
  try {
    const count = async (table: 'workflow_case' | 'idempotency_key' | 'case_task') =>
      Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    // This checkout's checks read this checkout's schema: an older baseline's database gets the newer migrations
    // first (after its run; e.g. an empty audit_pending). A server stopped mid-run may leave its last audit rows
    // recorded but not yet chained: chain them, as its next start would.
    if (t.tree === 'baseline') await migrate(h.db);
    await chainPending(h.db);
    const audits = Number((await h.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'case.submit').executeTakeFirstOrThrow()).n);
    const notifies = Number((await h.db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'notify').executeTakeFirstOrThrow()).n);
    const [cases, keys, tasks] = [await count('workflow_case'), await count('idempotency_key'), await count('case_task')];
    const audit = await verifyAudit(h.db);
    // A run ends with up to CONNECTIONS requests in flight, and a request that timed out on the client may
    // still have committed: those cases exist without their 201 having been read.
    const cutOff = CONNECTIONS * (RUNS + 1) + t.failed;
    const ok = cases >= t.created && cases <= t.created + cutOff && keys === cases && tasks === cases && audits === cases && notifies === cases && audit.ok;
    return { answered201: t.created, unansweredAtMost: cutOff, cases, idempotencyKeys: keys, tasks, submitAuditRows: audits, notifyOutboxRows: notifies, auditChainOk: audit.ok, ok };
  } finally { await h.close(); }
}

function queriesPerSubmit(tree: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/cases-http/queries.ts')], { cwd: ROOT, env: { ...process.env, TREE: tree }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, { request: number; outboxAfter: number; outboxAfterBatched?: number }>;
}

if (!(await postgresAvailable())) throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN_URL}`);
const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const trees = [{ tree: 'this' as const, treePath: ROOT }, ...(BASELINE ? [{ tree: 'baseline' as const, treePath: BASELINE }] : [])];
const targets: Target[] = trees.flatMap(({ tree, treePath }, i) => (['sqlite', 'postgres'] as const).map((dialect, j): Target => ({
  key: `${tree}:${dialect}`, tree, treePath, dialect, port: 3911 + i * 2 + j,
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-bench-cases-')),
  databaseUrl: dialect === 'postgres' ? dbUrl(`onestop_bench_${tree}_${tag}`) : null, created: 0, failed: 0, runs: [],
})));
const pgbenchDb = `onestop_pgbench_${tag}`;
try {
  const loadBefore = os.loadavg();
  const queries = Object.fromEntries(trees.map(({ tree, treePath }) => [tree, queriesPerSubmit(treePath)]));
  console.log('statements per submission', JSON.stringify(queries));
  for (const t of targets) {
    if (t.databaseUrl) await adminQuery(`create database ${new URL(t.databaseUrl).pathname.slice(1)}`);
    t.child = await start(['bin/onestop.js', 'serve'], {
      DATA_DIR: t.dataDir, DATABASE_URL: t.databaseUrl ?? '', ONESTOP_DEMO: 'on', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000',
      ...(t.databaseUrl ? { WORKERS: String(PG_WORKERS) } : {}),
    }, t.port, { cwd: t.treePath, probe: '/api/v1/services' });
    await login(t);
  }
  await adminQuery(`create database ${pgbenchDb}`);
  execFileSync('pgbench', ['-i', '-s', '1', '-q', dbUrl(pgbenchDb)], { stdio: 'ignore' });

  for (const t of targets) await once(t, WARMUP);
  const pgbenchTps: number[] = [];
  for (let round = 1; round <= RUNS; round++) {
    for (const t of targets) {
      const r = await once(t, DURATION);
      t.runs.push(r);
      console.log(`round ${round}  ${t.key.padEnd(18)} ${String(r.requestsPerSec).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  cpu ${r.cpuMicrosPerRequest ?? '?'} µs/req  errors ${r.errors} non-2xx ${r.non2xx}`);
    }
    pgbenchTps.push(pgbench(dbUrl(pgbenchDb), DURATION));
    console.log(`round ${round}  pgbench simple-update -c ${PGBENCH_CLIENTS}  ${pgbenchTps.at(-1)} tps`);
  }
  const loadAfter = os.loadavg();
  for (const t of targets) { t.child!.kill(); await new Promise((r) => t.child!.once('exit', r)); }
  const tps = median(pgbenchTps);
  const results = [];
  for (const t of targets) {
    const rps = median(t.runs.map((r) => r.requestsPerSec));
    const p99 = median(t.runs.map((r) => r.p99));
    const cpu = t.runs.map((r) => r.cpuMicrosPerRequest).filter((c): c is number => c !== null);
    const goal = t.dialect === 'sqlite'
      ? { text: '≥ 2,000/s and p99 ≤ 50 ms', met: rps >= 2000 && p99 <= 50 }
      : { text: `≥ 50 % of pgbench (${tps} tps)`, met: rps >= 0.5 * tps, ofPgbench: Number((rps / tps).toFixed(3)) };
    results.push({
      key: t.key, code: t.tree, dialect: t.dialect, requestsPerSec: rps, p50: median(t.runs.map((r) => r.p50)), p99,
      min: { requestsPerSec: Math.min(...t.runs.map((r) => r.requestsPerSec)), p99: Math.min(...t.runs.map((r) => r.p99)) },
      max: { requestsPerSec: Math.max(...t.runs.map((r) => r.requestsPerSec)), p99: Math.max(...t.runs.map((r) => r.p99)) },
      cpuMicrosPerRequest: cpu.length ? median(cpu) : null,
      errors: t.runs.reduce((s, r) => s + r.errors, 0), non2xx: t.runs.reduce((s, r) => s + r.non2xx, 0),
      statementsPerSubmission: queries[t.tree]![t.dialect], goal, check: await check(t), runs: t.runs,
    });
  }
  const report = {
    benchmark: 'cases-http', machine: { ...machine(), loadAverageBefore: loadBefore.map((l) => Number(l.toFixed(2))), loadAverageAfter: loadAfter.map((l) => Number(l.toFixed(2))) },
    sharedMachine: 'the machine is shared with other agents; the lead may rerun on a quiet machine',
    connections: CONNECTIONS, pgServerProcesses: PG_WORKERS, durationSeconds: DURATION, runs: RUNS, warmupSeconds: WARMUP, request: { method: 'POST', path: '/api/v1/cases', body: BODY, applicant: APPLICANT },
    baseline: BASELINE ? { tree: BASELINE, label: BASELINE_LABEL } : null, pgbench: { args: `-b simple-update -c ${PGBENCH_CLIENTS} -j 2 -T ${DURATION}`, scale: 1, tps, runs: pgbenchTps },
    method: 'median of interleaved runs (each round visits every server, then pgbench); cpu is the server process utime+stime per request',
    results,
  };
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  const stamp = new Date().toISOString().slice(0, 10);
  fs.writeFileSync(path.join(ROOT, `bench/results/cases-http-${LABEL}${stamp}.json`), JSON.stringify(report, null, 2) + '\n');
  const m = report.machine;
  const md = [
    `# Submission benchmark (POST /api/v1/cases) ${stamp}`, '',
    `${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}; load average ${m.loadAverageBefore.join(' / ')} before and ${m.loadAverageAfter.join(' / ')} after ` +
    `(the machine is shared with other agents, so these figures are a floor; the lead may rerun on a quiet machine). autocannon ${CONNECTIONS} connections on loopback, ` +
    `load generator, server and PostgreSQL on the same cores; every request a new 请销假 (leave-request) application with its own Idempotency-Key; ` +
    `this code's PostgreSQL server runs ${PG_WORKERS} process${PG_WORKERS > 1 ? 'es' : ''} (WORKERS), SQLite one. ` +
    `Median of ${RUNS} interleaved ${DURATION}-s runs after a ${WARMUP}-s warm-up, min–max in brackets. ` +
    `pgbench ${report.pgbench.args} (scale 1) on the same PostgreSQL in the same rounds: ${tps} tps (${pgbenchTps.join(', ')}).`, '',
    '| code | database | submissions/s | p50 ms | p99 ms | server CPU µs/req | statements/submit (+ outbox after, alone; batched: 20 at once) | errors | goal | met | check |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.code === 'this' ? 'this code' : BASELINE_LABEL} | ${r.dialect} | ${r.requestsPerSec} (${r.min.requestsPerSec}–${r.max.requestsPerSec}) | ${r.p50} | ${r.p99} (${r.min.p99}–${r.max.p99}) | ${r.cpuMicrosPerRequest ?? '–'} | ${r.statementsPerSubmission.request} (+${r.statementsPerSubmission.outboxAfter}${r.statementsPerSubmission.outboxAfterBatched !== undefined ? `; +${r.statementsPerSubmission.outboxAfterBatched.toFixed(1)} batched` : ''}) | ${r.errors + r.non2xx} | ${r.goal.text}${'ofPgbench' in r.goal ? ` — ${Math.round(r.goal.ofPgbench! * 100)} %` : ''} | ${r.goal.met ? 'met' : 'NOT met'} | ${r.check.ok ? `ok (${r.check.cases} cases)` : 'FAILED ' + JSON.stringify(r.check)} |`),
    '', 'check: after the run the database holds exactly one task, one idempotency key, one `case.submit` audit row and one notify outbox row per case, a case for every 201 answer (plus at most the requests in flight when a run stopped or timed out on the client), and the audit hash chain verifies.',
  ].join('\n');
  fs.writeFileSync(path.join(ROOT, `bench/results/cases-http-${LABEL}${stamp}.md`), md + '\n');
  console.log(`\n${md}`);
} finally {
  for (const t of targets) { t.child?.kill(); fs.rmSync(t.dataDir, { recursive: true, force: true }); }
  for (const t of targets) if (t.databaseUrl) await adminQuery(`drop database if exists ${new URL(t.databaseUrl).pathname.slice(1)} with (force)`).catch(() => {});
  await adminQuery(`drop database if exists ${pgbenchDb} with (force)`).catch(() => {});
}
