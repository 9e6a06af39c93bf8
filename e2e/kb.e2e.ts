// Search results and the knowledge base's answer pages, in Chinese on a desktop and in English on a phone:
// a typo is corrected and said so, highlights are marks (never injected markup), a FAQ opens its answer
// page, "helpful?" is answered, and "apply" leads to the service's guide. Axe-clean, no sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../server/test/harness.ts';
import { horizontalOverflow, seriousA11yViolations, shot, startHall, type Hall, type ViewportName } from './harness.ts';
import { inTab, shotName } from './pages/session.ts';
import { AnswerPage, SearchResultsPage } from './pages/kb.ts';
import type { Lang } from './pages/strings.ts';

describe.each(DIALECTS)('search results and answers on %s', (dialect) => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall(dialect); });
  afterAll(async () => { await hall?.close(); });

  for (const [lang, viewport] of [['zh-CN', 'desktop'], ['en', 'phone']] as [Lang, ViewportName][]) {
    it(`searches with a typo, reads an answer and follows "apply" (${lang}, ${viewport})`, async () => {
      await inTab(hall, { lang, viewport }, shotName(dialect, { lang, viewport }, 'kb-search'), async ({ page, shell }) => {
        await shell.goto('/');
        await shell.useLanguage(lang);
        const results = new SearchResultsPage(shell);

        // 医保包销: a pinyin-IME slip for 医保报销
        await results.searchFromHome('医保包销');
        await expect.poll(() => results.status().textContent()).toContain(`${shell.s.search.corrected}医保报销`);
        expect(await results.hits().count()).toBeGreaterThan(0);
        if (lang === 'zh-CN') expect(await results.marks().count()).toBeGreaterThan(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);
        await shot(page, `${dialect}-${lang}-${viewport}-search-corrected`);

        // markup typed into the box stays text
        await results.searchFromHome('<img src=x onerror=alert(1)>医保');
        expect(await page.locator('.search-hits img').count()).toBe(0);

        // a FAQ of the knowledge base opens its answer page
        await results.searchFromHome('住院的钱能报多少');
        await results.openKind(shell.s.search.kind.faq);
        await page.waitForURL((u) => u.searchParams.get('kind') === 'faq');
        const first = page.locator('.search-hit-title a[href^="/kb/"]').first();
        await first.waitFor();
        const href = await first.getAttribute('href');
        await first.click();
        await page.waitForURL((u) => u.pathname === href);
        const answer = new AnswerPage(shell);
        await answer.question().waitFor();
        await answer.related().first().waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);
        await answer.vote(true);
        await shot(page, `${dialect}-${lang}-${viewport}-answer`);
        await answer.applyLink().click();
        await page.waitForURL((u) => u.pathname.startsWith('/services/'));
        await page.getByRole('heading', { level: 1 }).waitFor();
      });
    });
  }

  for (const [lang, viewport] of [['zh-CN', 'desktop'], ['en', 'phone']] as [Lang, ViewportName][]) {
    it(`a hall manager finds a failed search in the backlog and closes it (${lang}, ${viewport})`, async () => {
      await inTab(hall, { lang, viewport }, shotName(dialect, { lang, viewport }, 'kb-backlog'), async ({ page, shell, context }) => {
        const query = `qqzzkk${lang === 'en' ? 'en' : 'zh'}`;
        // a full search without a result lands in the backlog
        expect((await context.request.get(`/api/v1/search?q=${query}`)).ok()).toBe(true);
        expect((await context.request.post('/api/v1/auth/login', { data: { username: 'manager', password: 'onestop-demo' } })).ok()).toBe(true);
        await shell.goto('/admin/kb');
        await shell.useLanguage(lang);
        const s = shell.s;
        await shell.heading(s.kbAdmin.title).waitFor();
        await page.locator('.ant-table-row').first().waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await shot(page, `${dialect}-${lang}-${viewport}-kb-admin-faqs`);
        await page.getByRole('tab', { name: s.kbAdmin.backlog }).click();
        const row = page.locator('.ant-table-row', { hasText: query });
        await row.waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);
        await shot(page, `${dialect}-${lang}-${viewport}-kb-admin-backlog`);
        await row.getByRole('button', { name: s.kbAdmin.resolve }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText(s.kbAdmin.newFaq).click();
        await page.locator('.ant-select-item-option', { hasText: s.kbAdmin.dismiss }).click();
        await dialog.getByRole('button', { name: s.kbAdmin.resolve }).click();
        await row.waitFor({ state: 'detached' });

        // write a new FAQ, send it through review and publish it: it has its answer page
        const id = `e2e-${lang === 'en' ? 'en' : 'zh'}-${viewport}`;
        await page.getByRole('tab', { name: s.kbAdmin.faqs }).click();
        await page.getByRole('button', { name: s.kbAdmin.create }).click();
        const editor = page.getByRole('dialog');
        await editor.getByLabel(s.kbAdmin.id).fill(id);
        // the dialog as it opens (not while a dropdown animates)
        expect(await seriousA11yViolations(page)).toEqual([]);
        await editor.getByLabel(s.kbAdmin.category).click();
        await page.locator('.ant-select-item-option').first().click();
        await editor.getByLabel(s.kbAdmin.question, { exact: true }).fill('大厅里可以打印材料吗？');
        await editor.getByLabel(s.kbAdmin.answer, { exact: true }).fill('一楼自助区有打印机，刷校园卡打印，黑白每页 0.1 元。');
        await shot(page, `${dialect}-${lang}-${viewport}-kb-admin-new`);
        await editor.getByRole('button', { name: s.kbAdmin.save }).click();
        await editor.waitFor({ state: 'detached' }).catch(async (err) => {
          await shot(page, `FAILED-${dialect}-${lang}-${viewport}-kb-admin-new`);
          throw err;
        });
        await page.getByRole('combobox', { name: s.kbAdmin.state }).click();
        await page.locator('.ant-select-item-option', { hasText: s.kbAdmin.states.draft }).click();
        const mine = page.locator('.ant-table-row', { hasText: id });
        await mine.getByRole('button', { name: s.kbAdmin.submit }).click();
        await page.getByRole('combobox', { name: s.kbAdmin.state }).click();
        await page.locator('.ant-select-item-option', { hasText: s.kbAdmin.states.in_review }).click();
        await mine.getByRole('button', { name: s.kbAdmin.publish }).click();
        await mine.waitFor({ state: 'detached' });
        // Among several hundred FAQs, its id (or the words of its question) finds it.
        await page.getByRole('combobox', { name: s.kbAdmin.state }).click();
        await page.locator('.ant-select-item-option', { hasText: s.kbAdmin.states.published }).click();
        await page.getByLabel(s.kbAdmin.find).fill(id);
        await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
        await mine.waitFor();
        await shell.goto(`/kb/${id}`);
        await page.locator('article.kb-answer h1', { hasText: '大厅里可以打印材料吗？' }).waitFor();
      });
    });
  }
});
