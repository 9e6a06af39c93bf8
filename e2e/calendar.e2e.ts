// The working-day calendar (W3): a hall manager sees that 2027 has no official holidays yet, declares the due
// date of a running application a day off, and the reviewer's task page shows the deadline moved to the next
// working day. Axe-clean, no sideways scrolling. SQLite: Chinese at 1280 px, English at 375 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations, shot, startHall, type Hall } from './harness.ts';
import { expectNoSidewaysScroll } from './pages/layout.ts';
import { CalendarAdminPage } from './pages/calendar.ts';
import { inTab, shotName, type Pass } from './pages/session.ts';
import { DEMO_PASSWORD } from './pages/shell.ts';
import { buttonName, exactly } from './pages/strings.ts';
import { addWorkingDays } from '../server/modules/workflow/calendar.ts';

const PASSES: Pass[] = [{ lang: 'zh-CN', viewport: 'desktop' }, { lang: 'en', viewport: 'phone' }];
const TRAVEL = { destination: '日本', purpose: 'tourism', period: { start: '2027-02-01', end: '2027-02-03' }, passport: 'held' };

describe('working-day calendar on sqlite', () => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall('sqlite'); });
  afterAll(async () => { await hall?.close(); });

  for (const pass of PASSES) {
    const name = (what: string) => shotName('sqlite', pass, `calendar-${what}`);
    it(`a manager declares a day off and the reviewer's deadline moves (${pass.lang}, ${pass.viewport})`, async () => {
      await inTab(hall, pass, name('journey'), async ({ page, context, shell, errors }) => {
        // The teacher applies (因私出国: two working days for the unit's approval).
        const api = context.request;
        expect((await api.post('/api/v1/auth/login', { data: { username: 'teacher', password: DEMO_PASSWORD } })).ok()).toBe(true);
        const csrf = (await (await api.get('/api/v1/auth/me')).json()).csrfToken as string;
        const created = await api.post('/api/v1/cases', { data: { service: 'private-travel-abroad', data: TRAVEL }, headers: { 'idempotency-key': `cal-${pass.lang}`, 'x-csrf-token': csrf } });
        expect(created.status()).toBe(201);
        const kase = await created.json();
        const due: string = kase.tasks[0].dueDate;
        const moved = addWorkingDays(due, 1, { [due]: false });
        await context.clearCookies();

        await shell.signIn('manager');
        await shell.useLanguage(pass.lang);
        const s = shell.s;
        const cal = new CalendarAdminPage(shell);
        // 2027: the package has no data — the page says so plainly.
        await cal.open(2027);
        await cal.noDataWarning(2027).waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await expectNoSidewaysScroll(page, pass.viewport, 'the calendar');
        await shot(page, name('2027-no-data'));

        // The due date's year, reached from the catalog admin page; National Day shows as days off.
        const year = Number(due.slice(0, 4));
        await shell.goto('/admin');
        await page.getByRole('button', { name: buttonName(s.calendar.title) }).click();
        await page.locator('.cal-month').first().waitFor();
        if (year !== Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4))) await cal.open(year);
        await cal.yearHeading(year).waitFor();
        if (year === 2026) expect(await cal.day('2026-10-01').getAttribute('class')).toContain('cal-off');
        const dialog = await cal.openDay(due);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await shot(page, name('day-dialog'));
        await cal.adjust(dialog, false, pass.lang === 'en' ? 'University anniversary (test)' : '校庆（测试）');
        await expect.poll(async () => (await cal.day(due).getAttribute('class')) ?? '').toContain('cal-override');
        expect(await cal.day(due).textContent()).toContain(s.calendar.dayOff);
        await page.locator('.cal-list li').filter({ hasText: pass.lang === 'en' ? 'University anniversary (test)' : '校庆（测试）' }).waitFor();
        // the "saved" toast goes after 3 s; axe, run while it sits over the page, sometimes misreads its background
        // (white, text 88 % black) and reports low contrast, so the page is checked once it has gone
        await expect.poll(() => page.locator('.toast').count(), { timeout: 10_000 }).toBe(0);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await expectNoSidewaysScroll(page, pass.viewport, 'the calendar');
        await shot(page, name('adjusted'));

        // The reviewer of the unit (csdean, the teacher's dean) sees the new deadline on the task.
        await context.clearCookies();
        await shell.signIn('csdean');
        await shell.useLanguage(pass.lang);
        const taskId: string = kase.tasks[0].id;
        await shell.goto(`/inbox/tasks/${taskId.split('/').map(encodeURIComponent).join('/')}`);
        const dueShown = shell.main().locator('dt').filter({ hasText: exactly(shell.s.inbox.due) }).locator('xpath=following-sibling::dd[1]');
        await expect.poll(() => dueShown.textContent()).toBe(moved);
        await shot(page, name('case-due-moved'));
        expect(errors).toEqual([]);
      });
    });
  }
});
