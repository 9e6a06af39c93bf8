// An escalation seen by the person it goes up to: a case misses the date promised to the applicant, the hall
// manager is told (case_escalated). The manager may not open the case (only its applicant and assignees may), so
// the notice is not a link that ends in "not found": it says who holds the overdue task and since when it was due.
// Chinese on a desktop and English on a phone (SQLite; the server suite covers PostgreSQL); axe-clean, no
// sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../server/db/index.ts';
import { addWorkingDays, chinaDate } from '../server/modules/workflow/calendar.ts';
import { nowIso } from '../server/clock.ts';
import { shot, startHall, type Hall, type ViewportName } from './harness.ts';
import { expectAxeClean, expectNoSidewaysScroll } from './pages/layout.ts';
import { inTab, shotName } from './pages/session.ts';
import { fill, type Lang } from './pages/strings.ts';

const TRAVEL = { destination: '日本', purpose: 'tourism', period: { start: '2027-02-01', end: '2027-02-03' }, passport: 'held' };

describe('escalation notices on sqlite', () => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall('sqlite'); });
  afterAll(async () => { await hall?.close(); });

  for (const [lang, viewport] of [['zh-CN', 'desktop'], ['en', 'phone']] as [Lang, ViewportName][]) {
    it(`tells the hall manager who holds an overdue case, without a link to a page they may not open (${lang}, ${viewport})`, async () => {
      const pass = { lang, viewport };
      const name = (what: string) => shotName('sqlite', pass, `escalation-${what}`);
      await inTab(hall, pass, name('journey'), async ({ page, shell, errors }) => {
        // The teacher applies (through the API); the case then sits past its promised date.
        await shell.signIn('teacher');
        const me = await (await page.request.get('/api/v1/auth/me')).json() as { csrfToken: string };
        const res = await page.request.post('/api/v1/cases', {
          headers: { 'x-csrf-token': me.csrfToken, 'idempotency-key': `e2e-escalation-${lang}-${viewport}` },
          data: { service: 'private-travel-abroad', data: TRAVEL },
        });
        expect(res.status(), await res.text()).toBe(201);
        const kase = await res.json() as { id: string; number: string };
        const today = chinaDate(nowIso());
        const handle = openDb({ databaseUrl: hall.db.config.databaseUrl, dataDir: hall.db.config.dataDir });
        try {
          await handle.db.updateTable('workflow_case').set({ promised_warn: addWorkingDays(today, -5), promised_due: addWorkingDays(today, -1) })
            .where('id', '=', kase.id).execute();
        } finally {
          await handle.close();
        }
        await shell.signOut();

        // The server's timers escalate it within a second or so; the manager reads the notice.
        await shell.signIn('manager');
        await shell.useLanguage(lang);
        const s = shell.s;
        const notice = shell.main().locator('.notification').filter({ hasText: s.notifications.event.case_escalated })
          .filter({ hasText: fill(s.notifications.number, { number: kase.number }) });
        await expect.poll(async () => {
          await shell.goto('/notifications');
          await shell.heading(s.notifications.title).waitFor();
          await shell.main().getByRole('status').waitFor();
          return notice.count();
        }, { timeout: 20_000, interval: 1000 }).toBe(1);
        await expect.poll(() => notice.getByRole('link').count()).toBe(0);
        const text = await notice.innerText();
        expect(text).toContain(s.notifications.notYours);
        expect(text).toContain(addWorkingDays(today, -1));
        await expectAxeClean(page, 'notifications with an escalation', name('notice'));
        await expectNoSidewaysScroll(page, viewport, 'notifications with an escalation');
        await shot(page, name('notice'));
        expect(errors).toEqual([]);
      });
    });
  }
});
