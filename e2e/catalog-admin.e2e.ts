// Catalog administration journeys (B): a department admin edits one of 人事处's items and submits it,
// the hall manager publishes it, the portal shows the change, the history keeps both versions with a
// field-by-field diff; the manager retires an item (gone from the portal, history kept); a department
// admin never sees another department's items.
//
// Matrix: SQLite walks zh × desktop and en × phone (each pass edits and retires its own items);
// PostgreSQL walks zh × desktop, which covers the workflow's guarded updates on that database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../server/test/harness.ts';
import { shot, startHall, type Hall } from './harness.ts';
import { AdminItemPage, AdminListPage, ReviewQueuePage } from './pages/admin.ts';
import { GuidePage } from './pages/guide.ts';
import { ServicesPage } from './pages/portal.ts';
import { inTab, shotName, type Pass } from './pages/session.ts';
import { expectNoSidewaysScroll } from './pages/layout.ts';
import { demoItem } from './pages/demo.ts';
import { pick, ui } from './pages/strings.ts';

interface AdminPass extends Pass { edit: string; retire: string }

const PASSES: Record<string, AdminPass[]> = {
  sqlite: [
    { lang: 'zh-CN', viewport: 'desktop', edit: 'leave-request', retire: 'staff-transfer-internal' },
    { lang: 'en', viewport: 'phone', edit: 'annual-leave', retire: 'outside-part-time' },
  ],
  postgres: [{ lang: 'zh-CN', viewport: 'desktop', edit: 'leave-request', retire: 'staff-transfer-internal' }],
};

/** A finance item: outside hradmin's scope. */
const FINANCE_ITEM = 'travel-reimbursement';

describe.each(DIALECTS)('catalog admin on %s', (dialect) => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall(dialect); });
  afterAll(async () => { await hall?.close(); });

  describe.each(PASSES[dialect]!.map((p) => [`${p.lang} ${p.viewport}`, p] as const))('%s', (_, pass) => {
    const L = pass.lang;
    const s = ui(L);
    const name = (code: string) => pick(demoItem(code).name, L);

    it('shows hradmin the items of 人事处 and none of 财务处', async () => {
      await inTab(hall, pass, shotName(dialect, pass, 'admin-scope'), async ({ page, shell, errors }) => {
        await shell.goto('/');
        await shell.useLanguage(L);
        await shell.signIn('hradmin');
        await shell.useLanguage(L);
        const list = new AdminListPage(shell);
        await list.open();
        await list.link(name(pass.edit)).waitFor();
        await shot(page, shotName(dialect, pass, 'admin-list'));
        await expectNoSidewaysScroll(page, pass.viewport, 'admin list');

        await list.search(name(FINANCE_ITEM));
        await list.emptyText().waitFor();
        expect(await list.link(name(FINANCE_ITEM)).count()).toBe(0);
        await list.search(FINANCE_ITEM);
        await list.emptyText().waitFor();

        // Nor can the editor be opened by its address.
        await shell.goto(`/admin/services/${FINANCE_ITEM}`);
        await shell.main().getByText(s.error.title, { exact: true }).waitFor();
        expect(await new AdminItemPage(shell).title(name(FINANCE_ITEM)).count()).toBe(0);
        expect(errors).toEqual([]);
      });
    });

    it('hradmin edits a draft and submits it; the manager publishes it; the guide and the history show the change', async () => {
      const before = demoItem(pass.edit).summary;
      const after = { zh: `【已更新】${before.zh}`, en: `(Updated) ${before.en}` };
      await inTab(hall, pass, shotName(dialect, pass, 'admin-publish'), async ({ page, shell, errors }) => {
        await shell.goto('/');
        await shell.useLanguage(L);
        await shell.signIn('hradmin');
        await shell.useLanguage(L);

        const list = new AdminListPage(shell);
        await list.open();
        await list.search(name(pass.edit));
        await list.link(name(pass.edit)).click();
        const item = new AdminItemPage(shell);
        await item.title(name(pass.edit)).waitFor();
        await item.notice(s.admin.fromPublishedNotice.replace('{{version}}', '1')).waitFor();

        const zh = item.localized(s.editor.summary, 'zh');
        const en = item.localized(s.editor.summary, 'en');
        expect(await zh.inputValue()).toBe(before.zh);
        await zh.fill(after.zh);
        await en.fill(after.en);
        await item.saveDraft();
        await item.notice(s.admin.draftNotice.replace('{{version}}', '2')).waitFor();
        await shot(page, shotName(dialect, pass, 'admin-editor'));
        await expectNoSidewaysScroll(page, pass.viewport, 'admin editor');
        await item.submitForReview();
        // Nothing public changes before the review.
        const guide = new GuidePage(shell);
        await guide.open(pass.edit, name(pass.edit));
        await shell.main().getByText(pick(before, L), { exact: true }).waitFor();
        await shell.signOut();

        // The hall manager reviews the change and publishes it.
        await shell.signIn('manager');
        await shell.useLanguage(L);
        const queue = new ReviewQueuePage(shell);
        await queue.open();
        const diff = await queue.changes(name(pass.edit));
        await diff.getByText('summary.zh', { exact: true }).waitFor();
        await shot(page, shotName(dialect, pass, 'review-queue'));
        await expectNoSidewaysScroll(page, pass.viewport, 'review queue');
        const { announced } = await queue.publish(name(pass.edit), 'OK');
        expect.soft(announced, `"${s.admin.published}" message after publishing from the review queue`).toBe(true);

        // The public guide shows the new text.
        await guide.open(pass.edit, name(pass.edit));
        await shell.main().getByText(pick(after, L), { exact: true }).waitFor();

        // History: v1 superseded, v2 published; the comparison names exactly the fields edited.
        await item.open(pass.edit, name(pass.edit));
        await item.showHistory();
        await item.versionRow(1).getByText(s.admin.state_superseded, { exact: true }).waitFor();
        await item.versionRow(2).getByText(s.admin.state_published, { exact: true }).waitFor();
        const zhRow = item.changedField('summary.zh');
        await zhRow.waitFor();
        expect(await zhRow.getByText(before.zh, { exact: true }).count()).toBe(1);
        expect(await zhRow.getByText(after.zh, { exact: true }).count()).toBe(1);
        await item.changedField('summary.en').getByText(after.en, { exact: true }).waitFor();
        const paths = await item.comparison().getByRole('row').locator('code').allInnerTexts();
        expect(paths, 'fields listed in the v1 → v2 comparison').toEqual(['summary.zh', 'summary.en']);
        await shot(page, shotName(dialect, pass, 'admin-history'));
        await expectNoSidewaysScroll(page, pass.viewport, 'admin history');
        expect(errors).toEqual([]);
      });
    });

    it('the manager retires an item: it leaves the portal and its history stays', async () => {
      await inTab(hall, pass, shotName(dialect, pass, 'admin-retire'), async ({ page, shell, errors }) => {
        const services = new ServicesPage(shell);
        await services.open();
        await shell.useLanguage(L);
        await services.searchFor(name(pass.retire));
        await services.card(name(pass.retire)).waitFor();

        await shell.signIn('manager');
        await shell.useLanguage(L);
        const item = new AdminItemPage(shell);
        await item.open(pass.retire, name(pass.retire));
        await item.retire('E2E: merged into another service');
        await shot(page, shotName(dialect, pass, 'admin-retired'));

        await services.open(`?q=${encodeURIComponent(name(pass.retire))}`);
        await page.getByText(s.services.empty, { exact: true }).waitFor();
        await services.open('?department=hr');
        expect(await services.names()).not.toContain(name(pass.retire));
        const guide = new GuidePage(shell);
        await guide.open(pass.retire);
        await shell.main().getByText(s.guide.notFound, { exact: true }).waitFor();

        await item.open(pass.retire, name(pass.retire));
        await item.showHistory();
        await item.versionRow(1).waitFor();
        expect(await item.versions().getByText(s.admin.state_retired, { exact: true }).count()
          + await item.versions().getByText(s.admin.state_published, { exact: true }).count(),
          'the retired item still lists its version').toBeGreaterThan(0);
        expect(errors).toEqual([]);
      });
    });
  });
});
