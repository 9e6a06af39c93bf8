// Notices: the home page lists the newest; each leads to its place on the notices page, in view and focused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../server/test/harness.ts';
import { horizontalOverflow, seriousA11yViolations, shot, startHall, type Hall } from './harness.ts';
import { ui, pick, type Lang } from './pages/strings.ts';
import { demoNotices } from '../demo/kb/notices.ts';

const PASSES: Array<{ lang: Lang; viewport: 'desktop' | 'phone' }> = [{ lang: 'zh-CN', viewport: 'desktop' }, { lang: 'en', viewport: 'phone' }];

describe.each(DIALECTS)('notices on %s', (dialect) => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall(dialect); });
  afterAll(async () => { await hall?.close(); });

  for (const { lang, viewport } of PASSES) {
    it(`opens a notice from the home page (${lang}, ${viewport})`, async () => {
      const s = ui(lang);
      const context = await hall.context(viewport, lang);
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto('/');
        // the language remembered on this device (what the language switch stores)
        await page.evaluate((l) => localStorage.setItem('onestop.locale', l === 'en' ? 'en' : 'zh-CN'), lang);
        await page.reload();
        const section = page.getByRole('region', { name: s.notices.title, exact: true });
        const links = section.getByRole('link');
        await links.first().waitFor();
        const titles = demoNotices.map((n) => pick(n.title, lang));
        const first = await links.first().innerText();
        expect(titles).toContain(first);
        await links.first().click();
        await page.getByRole('heading', { level: 1, name: s.notices.title, exact: true }).waitFor();
        const article = page.getByRole('article', { name: first, exact: true });
        await article.waitFor();
        await expect.poll(() => article.evaluate((el) => el === document.activeElement)).toBe(true);
        // in view below the sticky header, not hidden behind it
        const box = (await article.boundingBox())!;
        const header = (await page.locator('header').first().boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await shot(page, `${dialect}-${lang}-${viewport}-notices`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
