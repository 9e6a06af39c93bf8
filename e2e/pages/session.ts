// One browser tab for one journey: a fresh context (own cookies and storage) at a viewport and
// language, uncaught page errors collected, and the shell page object around it.
import type { BrowserContext, Page } from 'playwright-core';
import { shot, type Hall, type ViewportName } from '../harness.ts';
import { Shell } from './shell.ts';
import type { Lang } from './strings.ts';

export interface Pass { lang: Lang; viewport: ViewportName }

export interface Tab { page: Page; shell: Shell; context: BrowserContext; errors: string[] }

/** Run `fn` in a fresh tab; the tab is closed afterwards whatever happens (screenshot FAILED-<failShot> on failure). */
export async function inTab(hall: Hall, pass: Pass, failShot: string, fn: (tab: Tab) => Promise<void>): Promise<void> {
  const context = await hall.context(pass.viewport, pass.lang);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await fn({ page, context, errors, shell: new Shell(page, pass.viewport) });
  } catch (err) {
    // What the page looked like when the journey stopped, for the person reading the failure.
    await shot(page, `FAILED-${failShot}`).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
}

/** A short name for screenshots: sqlite-zh-desktop-guide. */
export function shotName(dialect: string, pass: Pass, what: string): string {
  return `${dialect}-${pass.lang === 'en' ? 'en' : 'zh'}-${pass.viewport}-${what}`;
}
