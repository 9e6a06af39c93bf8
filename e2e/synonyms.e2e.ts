// The search's synonym dictionary: a hall manager adds an everyday phrase in /admin/kb, and a search for
// it finds the service among the first results at once; the built-in entries show where their words come from. Chinese on a
// desktop and English on a phone (SQLite); axe-clean, no sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, seriousA11yViolations, shot, startHall, type Hall, type ViewportName } from './harness.ts';
import { SearchResultsPage } from './pages/kb.ts';
import { inTab, shotName } from './pages/session.ts';
import { buttonName, type Lang } from './pages/strings.ts';

describe('synonyms on sqlite', () => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall('sqlite'); });
  afterAll(async () => { await hall?.close(); });

  for (const [lang, viewport, phrase] of [['zh-CN', 'desktop', '饭钱'], ['en', 'phone', '餐卡']] as [Lang, ViewportName, string][]) {
    it(`a hall manager adds "${phrase}" and search finds the campus card service (${lang}, ${viewport})`, async () => {
      const pass = { lang, viewport };
      await inTab(hall, pass, shotName('sqlite', pass, 'synonyms'), async ({ page, shell }) => {
        await shell.signIn('manager');
        await shell.useLanguage(lang);
        const s = shell.s;
        await shell.goto('/admin/kb');
        await shell.heading(s.kbAdmin.title).waitFor();
        await page.getByRole('tab', { name: s.synonyms.tab }).click();
        // the other tabs' tables stay in the page, hidden: look in the synonyms tab only
        const table = page.getByRole('tabpanel', { name: s.synonyms.tab }).locator('.ant-table-row');
        const filter = page.getByLabel(s.synonyms.filter);
        await filter.fill('看病');
        await expect.poll(() => table.count()).toBe(1);
        expect(await table.first().textContent()).toContain(s.synonyms.sources.default);
        await filter.fill('');

        await page.getByRole('button', { name: buttonName(s.synonyms.add) }).click();
        const dialog = page.getByRole('dialog', { name: s.synonyms.add });
        await dialog.getByLabel(s.synonyms.phrase).fill(phrase);
        await dialog.getByLabel(s.synonyms.means).fill('校园卡');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await shot(page, shotName('sqlite', pass, 'synonyms-add'));
        await dialog.getByRole('button', { name: buttonName(s.kbAdmin.save) }).click();
        await shell.toast(s.synonyms.saved);
        const added = table.filter({ hasText: phrase });
        await added.waitFor();
        expect(await added.textContent()).toContain(s.synonyms.sources.added);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);
        await shot(page, shotName('sqlite', pass, 'synonyms'));

        const results = new SearchResultsPage(shell);
        await results.searchFromHome(phrase);
        const top3 = () => results.hits().evaluateAll((links) => links.slice(0, 3).map((a) => a.getAttribute('href')));
        await expect.poll(top3).toContain('/services/campus-card-replacement');
      });
    });
  }
});
