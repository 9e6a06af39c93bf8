// Browser-test harness: a real server process on a fresh database (SQLite file or throwaway
// PostgreSQL database) and Debian's Chromium driven by playwright-core; axe-core for accessibility.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestDb, type TestDb } from '../server/test/harness.ts';
import { freePort, ROOT, startServer, stopServer } from '../server/test/spawn.ts';
import type { DialectName } from '../server/db/index.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SHOTS = path.join(ROOT, '.e2e-shots');

export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } } as const;
export type ViewportName = keyof typeof VIEWPORTS;

export interface Hall {
  baseUrl: string;
  browser: Browser;
  db: TestDb;
  /** A fresh browser context (own cookies and storage) at a viewport and language. */
  context(viewport: ViewportName, lang: 'zh-CN' | 'en'): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startHall(dialect: DialectName): Promise<Hall> {
  const db = await createTestDb(dialect);
  await db.handle.close();
  const port = await freePort();
  const server = await startServer(port, {
    DATA_DIR: db.config.dataDir, DATABASE_URL: db.config.databaseUrl ?? '', ONESTOP_DEMO: 'on', LOGIN_RATE_LIMIT: '1000',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  fs.mkdirSync(SHOTS, { recursive: true });
  return {
    baseUrl, browser, db,
    context: (viewport, lang) => browser.newContext({ baseURL: baseUrl, viewport: VIEWPORTS[viewport], locale: lang,
      // no fades or zooms: axe and screenshots see dialogs as they end up, not half-transparent mid-animation
      reducedMotion: 'reduce', extraHTTPHeaders: { 'accept-language': lang } }),
    async close() {
      await browser.close();
      await stopServer(server);
      const { openDb } = await import('../server/db/index.ts');
      db.handle = openDb({ databaseUrl: db.config.databaseUrl, dataDir: db.config.dataDir });
      await db.drop();
    },
  };
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string; help: string; nodes: number; targets: string[] }

/** Run axe-core on the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as a <script> element: the page's CSP rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n: any) => String(n.target)) }));
  });
  return (result as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Save a screenshot under .e2e-shots/ (for people to look at; not compared). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** The page's horizontal overflow in pixels (0 = usable without sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
