// Applying again while an application of the same service is still open: the form says so first, with a link to
// the open one (a second identical application would be work for the office and a visit for nobody). Chinese on a
// desktop and English on a phone (SQLite; the server suite covers PostgreSQL); axe-clean, no sideways scrolling.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { shot, startHall, type Hall, type ViewportName } from './harness.ts';
import { expectAxeClean, expectNoSidewaysScroll } from './pages/layout.ts';
import { inTab, shotName } from './pages/session.ts';
import type { Lang } from './pages/strings.ts';

const LEAVE = { leaveType: 'personal', period: { start: '2027-03-01', end: '2027-03-02' }, days: 2, reason: '家中有事', handover: '课程已与同事调换' };

describe('open applications on the apply page on sqlite', () => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall('sqlite'); });
  afterAll(async () => { await hall?.close(); });

  for (const [lang, viewport] of [['zh-CN', 'desktop'], ['en', 'phone']] as [Lang, ViewportName][]) {
    it(`names the open application of the same service before the form, with a link to it (${lang}, ${viewport})`, async () => {
      const pass = { lang, viewport };
      const name = (what: string) => shotName('sqlite', pass, `open-cases-${what}`);
      await inTab(hall, pass, name('journey'), async ({ page, shell, errors }) => {
        await shell.signIn('teacher');
        await shell.useLanguage(lang);
        const s = shell.s;
        const me = await (await page.request.get('/api/v1/auth/me')).json() as { csrfToken: string };
        const res = await page.request.post('/api/v1/cases', {
          headers: { 'x-csrf-token': me.csrfToken, 'idempotency-key': `e2e-open-cases-${lang}-${viewport}` },
          data: { service: 'leave-request', data: LEAVE },
        });
        expect(res.status(), await res.text()).toBe(201);
        const kase = await res.json() as { id: string; number: string };

        await shell.goto('/services/leave-request/apply');
        const note = shell.main().locator('.open-cases-note');
        await note.waitFor();
        const link = note.getByRole('link').filter({ hasText: kase.number });
        await expect.poll(() => link.count()).toBe(1);
        expect(await note.innerText()).toContain(s.apply.openCasesHint);
        await expectAxeClean(page, 'apply page with an open application', name('apply'));
        await expectNoSidewaysScroll(page, viewport, 'apply page with an open application');
        await shot(page, name('apply'));

        // The link opens that case.
        await link.click();
        await expect.poll(() => page.url()).toContain(`/cases/${kase.id}`);
        expect(errors).toEqual([]);
      });
    });
  }
});
