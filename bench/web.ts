// Web benchmark: the portal home's first-load JavaScript (gzipped) and a Lighthouse mobile
// performance score, both in Debian's Chromium against a locally started server.
// Goal (issue 2): <= 300 kB gzipped and a score >= 90. Writes bench/results/web-<date>.{json,md}.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { machine } from './machine.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PORT = 3903;
const base = `http://127.0.0.1:${PORT}`;

// BENCH_WEB_RUNS=n repeats Lighthouse n times and reports the median run (by score); BENCH_WEB_SKIP_BUILD=1
// measures the existing web/dist.
const RUNS = Math.max(1, Number(process.env.BENCH_WEB_RUNS) || 1);
if (process.env.BENCH_WEB_SKIP_BUILD !== '1') {
  const build = spawn('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  await new Promise((resolve, reject) => build.on('exit', (c) => (c === 0 ? resolve(null) : reject(new Error('web build failed')))));
}

type Lhr = { categories: { performance?: { score: number | null } }; audits: Record<string, { displayValue?: string; details?: { items?: Array<Record<string, unknown>> } }> };

/** What to look at when the score is low: the elements that shifted, the LCP element, the costliest scripts. */
function diagnostics(lhr: Lhr): string[] {
  const items = (id: string) => lhr.audits[id]?.details?.items ?? [];
  const node = (n: unknown) => {
    const x = n as { selector?: string; snippet?: string; nodeLabel?: string } | undefined;
    return x ? `${x.selector ?? ''} ${String(x.snippet ?? '').slice(0, 80)}`.trim() : '?';
  };
  const out: string[] = [];
  for (const i of items('layout-shifts').slice(0, 6)) out.push(`layout shift ${Number(i.score).toFixed(3)}: ${node(i.node)}`);
  for (const i of items('layout-shift-elements').slice(0, 6)) out.push(`layout shift ${Number(i.score).toFixed(3)}: ${node(i.node)}`);
  for (const i of items('largest-contentful-paint-element').slice(0, 1)) {
    const sub = (i as { items?: Array<{ node?: unknown }> }).items;
    out.push(`LCP element: ${node(sub?.[0]?.node ?? i.node)}`);
  }
  for (const i of items('bootup-time').slice(0, 5)) out.push(`script ${String(i.url).replace(base, '')}: ${Math.round(Number(i.total))} ms (${Math.round(Number(i.scripting))} ms scripting)`);
  for (const i of items('mainthread-work-breakdown').slice(0, 5)) out.push(`main thread ${String(i.groupLabel ?? i.group)}: ${Math.round(Number(i.duration))} ms`);
  return out;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-webbench-'));
const server = spawn(process.execPath, ['bin/onestop.js', 'serve'], { cwd: ROOT, env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
try {
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* starting */ }
    if (i > 300) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }

  // 1. First-load JavaScript of the portal home, as a phone sees it.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  const scripts = new Map<string, number>();
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script') {
      const body = await res.body().catch(() => Buffer.alloc(0));
      scripts.set(new URL(res.url()).pathname, zlib.gzipSync(body, { level: 9 }).length);
    }
  });
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  await browser.close();
  const jsGzip = [...scripts.values()].reduce((a, b) => a + b, 0);

  // 2. Lighthouse, default (mobile) settings, performance only.
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  let score = NaN;
  let audits: Record<string, string> = {};
  let notes: string[] = [];
  const runs: Array<{ score: number; audits: Record<string, string>; notes: string[] }> = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const result = await lighthouse(`${base}/`, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
      const lhr = result!.lhr as unknown as Lhr;
      runs.push({
        score: Math.round((lhr.categories.performance!.score ?? 0) * 100),
        audits: Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
          .map((k) => [k, lhr.audits[k]?.displayValue ?? ''])),
        notes: diagnostics(lhr),
      });
    }
    const median = [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)]!;
    ({ score, audits, notes } = median);
  } finally {
    await chrome.kill();
  }

  const report = {
    benchmark: 'web', machine: machine(),
    firstLoadJsGzipBytes: jsGzip, scripts: Object.fromEntries(scripts), lighthouseMobilePerformance: score, audits,
    lighthouseRuns: runs.map((r) => r.score), diagnostics: notes,
    goals: { jsGzipMaxBytes: 300 * 1024, lighthouseMin: 90 },
    meetsGoal: jsGzip <= 300 * 1024 && score >= 90,
  };
  const stamp = new Date().toISOString().slice(0, 10);
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, `bench/results/web-${stamp}.json`), JSON.stringify(report, null, 2) + '\n');
  const md = [
    `# Web benchmark ${stamp}`, '',
    `${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, Debian Chromium; server on loopback.`, '',
    '| measure | value | goal |', '|---|---|---|',
    `| portal home first-load JS (gzip -9, ${scripts.size} files) | ${(jsGzip / 1024).toFixed(1)} kB | ≤ 300 kB |`,
    `| Lighthouse mobile performance${runs.length > 1 ? ` (median of ${runs.length}: ${runs.map((r) => r.score).join(', ')})` : ''} | ${score} | ≥ 90 |`,
    ...Object.entries(audits).map(([k, v]) => `| ${k} | ${v} | |`),
  ].join('\n');
  fs.writeFileSync(path.join(ROOT, `bench/results/web-${stamp}.md`), md + '\n');
  console.log(md);
  console.log(['', 'Diagnostics (median run):', ...notes.map((n) => `  ${n}`)].join('\n'));
} finally {
  server.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
