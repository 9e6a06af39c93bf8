// FAQ files in /admin/kb: the finance office's admin downloads the FAQs they manage as JSON Lines, uploads a
// file with a bad line (told the line and the field, nothing imported), then the corrected file (the new FAQ
// is a draft in the list). Chinese on a desktop and English on a phone (SQLite; the server suite covers
// PostgreSQL); axe-clean, no sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHall, type Hall, type ViewportName } from './harness.ts';
import { expectAxeClean, expectNoSidewaysScroll } from './pages/layout.ts';
import { inTab, shotName } from './pages/session.ts';
import { buttonName, type Lang } from './pages/strings.ts';

describe('FAQ files on sqlite', () => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall('sqlite'); });
  afterAll(async () => { await hall?.close(); });

  for (const [lang, viewport] of [['zh-CN', 'desktop'], ['en', 'phone']] as [Lang, ViewportName][]) {
    it(`exports the office's FAQs, is told the bad line of an upload, then imports the corrected file (${lang}, ${viewport})`, async () => {
      const pass = { lang, viewport };
      const name = (what: string) => shotName('sqlite', pass, `kb-files-${what}`);
      await inTab(hall, pass, name('journey'), async ({ page, shell }) => {
        await shell.signIn('finadmin');
        await shell.useLanguage(lang);
        const s = shell.s;
        await shell.goto('/admin/kb');
        await shell.heading(s.kbAdmin.title).waitFor();
        await page.locator('.ant-table-row').first().waitFor();

        // export: a JSON Lines file of the finance office's FAQs
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName(s.kbAdmin.exportJsonl) }).click()]);
        expect(download.suggestedFilename()).toBe('onestop-faq.jsonl');
        const lines = (await (await download.createReadStream()).toArray()).join('').trim().split('\n');
        expect(lines.length).toBeGreaterThan(5);
        expect(lines.every((l) => (JSON.parse(l) as { service?: string }).service !== undefined)).toBe(true);

        const id = `e2e-fin-${lang === 'en' ? 'en' : 'zh'}`;
        const good = { id, category: 'finance', question: '报销时经费卡号填错了怎么办？', answer: '在财务系统中撤回单据，改正后重新提交。', service: 'travel-reimbursement' };
        const open = async () => {
          await page.getByRole('button', { name: buttonName(s.kbAdmin.import) }).click();
          return page.getByRole('dialog', { name: s.kbAdmin.importTitle });
        };
        const choose = (dialog: Awaited<ReturnType<typeof open>>, text: string) =>
          dialog.getByLabel(s.kbAdmin.importFile).setInputFiles({ name: 'faq.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(text) });

        // a file whose second line names a category that does not exist: nothing imported, the line is named
        let dialog = await open();
        await choose(dialog, [JSON.stringify(good), JSON.stringify({ ...good, id: `${id}-2`, category: 'no-such-category' })].join('\n'));
        await dialog.getByRole('button', { name: buttonName(s.admin.importStart) }).click();
        const problems = dialog.locator('.import-errors .ant-table-row');
        await problems.first().waitFor();
        expect(await problems.count()).toBe(1);
        expect(await problems.first().textContent()).toContain('no-such-category');
        await expectAxeClean(page, 'FAQ import with a bad line', name('bad'));
        await expectNoSidewaysScroll(page, viewport, 'FAQ import dialog');
        await shot(page, name('bad'));
        await dialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(s.app.cancel) }).click();
        await dialog.waitFor({ state: 'hidden' });

        // the corrected file: one FAQ created, a draft
        dialog = await open();
        await choose(dialog, JSON.stringify(good));
        await dialog.getByRole('button', { name: buttonName(s.admin.importStart) }).click();
        await dialog.getByRole('status').waitFor();
        expect(await dialog.getByRole('status').textContent()).toContain(lang === 'en' ? '1 created' : '新建 1 条');
        await shot(page, name('done'));
        await dialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(s.app.close) }).click();
        const row = page.locator('.ant-table-row', { hasText: id });
        await row.waitFor();
        expect(await row.textContent()).toContain(s.kbAdmin.states.draft);
      });
    });
  }
});
