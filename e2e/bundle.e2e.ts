// Life-event bundles (一件事一次办): a newly recruited teacher applies for 新教工入职 once — one merged form,
// the records already filled — and sees five parts (child cases) start at once; the five offices approve
// their parts (through the API, for speed), and the bundle shows completed, every part ticked; each part
// opens on its own page and links back; "my cases" lists the bundle once with its parts.
//
// Matrix: SQLite walks Chinese at 1280 px and English at 375 px (the server suite covers PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHall, type Hall } from './harness.ts';
import { expectAxeClean, expectNoSidewaysScroll } from './pages/layout.ts';
import { ApplyPage, CasePage } from './pages/cases.ts';
import { inTab, shotName, type Pass } from './pages/session.ts';
import { DEMO_PASSWORD } from './pages/shell.ts';
import { fill, pick, ui, type Lang } from './pages/strings.ts';
import { onboardingBundle } from '../demo/processes/index.ts';

const PASSES: Pass[] = [{ lang: 'zh-CN', viewport: 'desktop' }, { lang: 'en', viewport: 'phone' }];
const FIELDS = onboardingBundle.definition.form.fields;
const MEMBERS = onboardingBundle.definition.members;
const REVIEWER: Record<string, string> = { hr: 'reviewer', salary: 'finreviewer', card: 'cardreviewer', network: 'itreviewer', office: 'csdean' };

const label = (key: string, lang: Lang) => pick(FIELDS.find((f) => f.key === key)!.label, lang);
const option = (key: string, value: string, lang: Lang) => pick(FIELDS.find((f) => f.key === key)!.options!.find((o) => o.value === value)!.label, lang);

/** A reviewer approves the open task of a case over the API, as the staff inbox would. */
async function approveAs(baseUrl: string, username: string, caseId: string): Promise<void> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const c = (await (await fetch(`${baseUrl}/api/v1/cases/${caseId}`, { headers: { cookie } })).json()) as { tasks: Array<{ id: string; state: string; version: number }> };
  const task = c.tasks.find((t) => t.state === 'open')!;
  const res = await fetch(`${baseUrl}/api/v1/tasks/${task.id}/actions`, {
    method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'approve', version: task.version }),
  });
  expect(res.status, await res.text()).toBe(200);
}

describe('life-event bundles on sqlite', () => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall('sqlite'); });
  afterAll(async () => { await hall?.close(); });

  describe.each(PASSES.map((p) => [`${p.lang} ${p.viewport}`, p] as const))('%s', (_, pass) => {
    const L = pass.lang;
    const s = ui(L);
    const name = (what: string) => shotName('sqlite', pass, `bundle-${what}`);

    it('applies for 新教工入职 once, sees five parts start, and the bundle completes when the five offices approve', async () => {
      await inTab(hall, pass, name('journey'), async ({ page, shell, errors }) => {
        await shell.page.context().clearCookies();
        await shell.signIn('newteacher');
        await shell.useLanguage(L);
        const apply = new ApplyPage(shell);
        await apply.open('new-staff-onboarding');

        // One form, the records filled in, and the five services it starts listed.
        await apply.recordMark(label('name', L)).waitFor();
        expect(await apply.field(label('name', L)).inputValue()).toBe('林晓');
        expect(await apply.field(label('staffNo', L)).inputValue()).toBe('T202612');
        const note = apply.form().getByText(fill(s.bundle.applyNote, { count: MEMBERS.length }), { exact: true });
        await note.waitFor();
        for (const m of MEMBERS) await apply.form().getByText(pick(m.name, L), { exact: true }).waitFor();
        expect(await apply.process().locator('[data-branch]').allTextContents()).toEqual(MEMBERS.map((m) => `○ ${pick(m.name, L)}`));

        // Every missing answer at once: the bank card is not on record yet, so it is asked for too.
        await apply.submit();
        await apply.errorSummary().waitFor();
        expect(await apply.errorSummary().getByRole('listitem').count()).toBe(7);
        await expectAxeClean(shell.page, 'bundle apply page with mistakes', name('apply'));
        await expectNoSidewaysScroll(page, pass.viewport, 'bundle apply page');
        await shot(page, name('apply-mistakes'));

        await apply.field(label('idNumber', L)).fill('42010619900101123X');
        await apply.field(label('education', L)).selectOption({ label: option('education', 'phd', L) });
        await apply.field(label('bankName', L)).fill('中国工商银行武汉洪山支行');
        await apply.field(label('bankCard', L)).fill('6222023200012345');
        await apply.field(label('campus', L)).selectOption({ label: option('campus', 'east', L) });
        await apply.field(label('account', L)).fill(L === 'en' ? 'linxiao.en' : 'linxiao');
        await apply.field(label('officeNeed', L)).selectOption({ label: option('officeNeed', 'shared', L) });
        await apply.submit();

        // The bundle: five parts, each running in its office.
        const kase = new CasePage(shell);
        await page.waitForURL(/\/cases\/[^/]+$/);
        await kase.number().waitFor();
        const bundleId = kase.id();
        expect(await kase.status().textContent()).toBe(s.cases.status.running);
        const parts = shell.main().getByRole('region', { name: s.bundle.childrenTitle, exact: true });
        const children = parts.locator('.bundle-child');
        await children.first().waitFor();
        expect(await children.count()).toBe(5);
        expect(await children.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.member))).toEqual(MEMBERS.map((m) => m.key));
        await parts.getByText(fill(s.bundle.progress, { done: 0, total: 5 }), { exact: true }).waitFor();
        await expectAxeClean(shell.page, 'new bundle case page', name('case'));
        await expectNoSidewaysScroll(page, pass.viewport, 'bundle case page');
        await shot(page, name('case-running'));

        // Each office approves its part.
        const ids: Record<string, string> = {};
        for (const m of MEMBERS) {
          const href = await parts.locator(`.bundle-child[data-member="${m.key}"]`).getByRole('link').getAttribute('href');
          ids[m.key] = href!.split('/').pop()!;
        }
        for (const m of MEMBERS.slice(0, 4)) await approveAs(hall.baseUrl, REVIEWER[m.key]!, ids[m.key]!);
        await page.reload();
        await parts.getByText(fill(s.bundle.progress, { done: 4, total: 5 }), { exact: true }).waitFor();
        expect(await kase.status().textContent()).toBe(s.cases.status.running);
        await approveAs(hall.baseUrl, REVIEWER.office!, ids.office!);
        await page.reload();
        await parts.getByText(fill(s.bundle.progress, { done: 5, total: 5 }), { exact: true }).waitFor();
        expect(await kase.status().textContent()).toBe(s.cases.status.completed);
        expect(await children.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.status))).toEqual(Array(5).fill('completed'));
        await expectAxeClean(shell.page, 'completed bundle', name('done'));
        await shot(page, name('case-completed'));

        // A part opens as an ordinary case and links back to its bundle.
        await parts.locator('[data-member="network"]').getByRole('link').click();
        await page.waitForURL(new RegExp(`/cases/${ids.network}$`));
        await shell.main().getByRole('link', { name: s.bundle.backToBundle, exact: true }).waitFor();
        expect(await kase.status().textContent()).toBe(s.cases.status.completed);
        await expectAxeClean(shell.page, 'a part of a bundle', name('part'));
        await expectNoSidewaysScroll(page, pass.viewport, 'part of a bundle');
        await shot(page, name('part'));
        await shell.main().getByRole('link', { name: s.bundle.backToBundle, exact: true }).click();
        await page.waitForURL(new RegExp(`/cases/${bundleId}$`));

        // My cases: the bundle once, with its five parts.
        await shell.goto('/cases');
        const card = shell.main().locator('.case-card').filter({ has: page.locator(`a[href="/cases/${bundleId}"]`) });
        await card.waitFor();
        expect(await card.locator('.bundle-mini li').count()).toBe(5);
        expect(await shell.main().locator(`.case-card-title a[href="/cases/${ids.hr}"]`).count()).toBe(0);
        await expectAxeClean(shell.page, 'my cases with a bundle', name('list'));
        await expectNoSidewaysScroll(page, pass.viewport, 'my cases');
        await shot(page, name('list'));
        expect(errors).toEqual([]);
      });
    }, 180_000);
  });
});
