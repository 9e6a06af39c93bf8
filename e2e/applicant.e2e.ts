// Applicant journeys (A): browse by audience, life event, department and category, popular services,
// search, a complete guide (print view), favourites, language switch and elder-friendly mode.
//
// Matrix: SQLite walks every language × width (zh/en × 1280/375 px); PostgreSQL walks one pass
// (zh × desktop). The pages are the same on both databases; the PostgreSQL pass proves the portal's
// queries, favourites and stored preferences work there, and keeps the whole e2e run within minutes
// on a two-core machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../server/test/harness.ts';
import { shot, startHall, type Hall } from './harness.ts';
import { expectNoSidewaysScroll } from './pages/layout.ts';
import { GuidePage } from './pages/guide.ts';
import { HomePage, ServicesPage } from './pages/portal.ts';
import { SearchResultsPage } from './pages/kb.ts';
import { inTab, shotName, type Pass } from './pages/session.ts';
import { demoCategory, demoItem, demoMatches, demoUnit, mostPopular } from './pages/demo.ts';
import { fill, pick, plural, ui } from './pages/strings.ts';
import { AUDIENCE_NAMES, LIFE_EVENT_NAMES } from '../common/vocabulary.ts';

// Each pass signs in as its own applicant, so favourites and preferences never cross passes.
// `newcomer` has never saved a preference (for the sign-in test below).
const PASSES: Record<string, Array<Pass & { user: string; newcomer: string }>> = {
  sqlite: [
    { lang: 'zh-CN', viewport: 'desktop', user: 'teacher', newcomer: 'alumnus' },
    { lang: 'zh-CN', viewport: 'phone', user: 'student', newcomer: 'visitor' },
    { lang: 'en', viewport: 'desktop', user: 'retiree', newcomer: 'retiree2' },
    { lang: 'en', viewport: 'phone', user: 'zhangwei', newcomer: 'lina' },
  ],
  postgres: [{ lang: 'zh-CN', viewport: 'desktop', user: 'teacher', newcomer: 'alumnus' }],
};

/** A guide with every element: conditions, system-provided material, fees, one visit with a reason, FAQ. */
const FULL_GUIDE = 'teacher-apartment';
/** A guide whose promised limit counts natural (calendar) days. */
const NATURAL_DAYS = 'housing-fund-loan';
const LIFE_EVENTS = ['onboarding', 'leaving', 'travel_abroad', 'retirement'] as const;

describe.each(DIALECTS)('applicant on %s', (dialect) => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall(dialect); });
  afterAll(async () => { await hall?.close(); });

  describe.each(PASSES[dialect]!.map((p) => [`${p.lang} ${p.viewport}`, p] as const))('%s', (_, pass) => {
    const L = pass.lang;
    const s = ui(L);
    const name = (code: string) => pick(demoItem(code).name, L);

    it('switches language, browses by audience, life event, department and category, sees popular services and searches', async () => {
      await inTab(hall, pass, shotName(dialect, pass, 'browse'), async ({ page, shell, errors }) => {
        const home = new HomePage(shell);
        await home.open();
        expect(await shell.htmlLang()).toBe('zh-CN');
        await shell.switchLanguage();
        expect(await shell.htmlLang()).toBe('en');
        await shell.heading(ui('en').home.title).waitFor();
        expect(await page.title()).toContain(ui('en').nav.home);
        if (L === 'zh-CN') {
          await shell.switchLanguage();
          expect(await shell.htmlLang()).toBe('zh-CN');
          await shell.heading(s.home.title).waitFor();
        }

        // By audience: each tab lists that audience's most popular services first.
        for (const audience of Object.keys(AUDIENCE_NAMES) as Array<keyof typeof AUDIENCE_NAMES>) {
          const panel = await home.showAudience(pick(AUDIENCE_NAMES[audience], L));
          // The panel may show the previous audience's list until this one arrives.
          await expect.poll(async () => (await home.names(panel))[0], { message: `first service for ${audience}`, timeout: 10_000 })
            .toBe(pick(demoMatches({ audience })[0]!.content.name, L));
        }
        expect(await home.popularNames()).toEqual(mostPopular().slice(0, 8).map((i) => pick(i.content.name, L)));
        await shot(page, shotName(dialect, pass, 'home'));
        await expectNoSidewaysScroll(page, pass.viewport, 'home');

        // By life event (入职, 离职, 出国(境), 退休): the tile opens the filtered list.
        const list = new ServicesPage(shell);
        for (const event of LIFE_EVENTS) {
          await home.open();
          await home.openLifeEvent(pick(LIFE_EVENT_NAMES[event], L));
          const expected = demoMatches({ lifeEvent: event });
          await list.expectTotal(expected.length);
          expect((await list.names())[0], `first service for ${event}`).toBe(pick(expected[0]!.content.name, L));
        }

        // By department and category with the list's filters, then by category from the home page.
        await list.open();
        await list.choose(s.services.department, pick(demoUnit('hr'), L));
        const hr = demoMatches({ department: 'hr' });
        await list.expectTotal(hr.length);
        await list.choose(s.services.category, pick(demoCategory('certificates'), L));
        const hrCertificates = demoMatches({ department: 'hr', category: 'certificates' });
        await list.expectTotal(hrCertificates.length);
        expect(await list.names()).toEqual(hrCertificates.map((i) => pick(i.content.name, L)));
        await expectNoSidewaysScroll(page, pass.viewport, 'service list');
        await shot(page, shotName(dialect, pass, 'services-filtered'));
        await list.clearFilters();
        await home.open();
        await home.openCategory(pick(demoCategory('housing'), L));
        expect(page.url()).toContain('category=housing');
        await list.expectTotal(demoMatches({ category: 'housing' }).length);
        expect(await list.names()).toContain(name(FULL_GUIDE));

        // Search from the home page: the service comes first among all results.
        await home.open();
        const certificate = demoItem('employment-certificate');
        await home.search(pick(certificate.name, L));
        const results = new SearchResultsPage(shell);
        await results.status().waitFor();
        expect(await results.hits().first().innerText()).toBe(pick(certificate.name, L));
        // In the service list the zero-visit mark shows on it.
        await list.open();
        await list.searchFor(pick(certificate.name, L));
        const names = await list.names();
        expect(names[0]).toBe(pick(certificate.name, L));
        await list.card(names[0]!).getByText(s.badge.visits0, { exact: true }).waitFor();
        await list.searchFor(L === 'en' ? 'zzz-no-such-service' : '查无此项服务');
        await page.getByText(s.services.empty, { exact: true }).waitFor();
        expect(errors).toEqual([]);
      });
    });

    it('reads a guide with every standard element and prints it without the navigation', async () => {
      await inTab(hall, pass, shotName(dialect, pass, 'guide'), async ({ page, shell, errors }) => {
        const c = demoItem(FULL_GUIDE);
        const guide = new GuidePage(shell);
        const list = new ServicesPage(shell);
        await list.open();
        await shell.useLanguage(L);
        await list.searchFor(name(FULL_GUIDE));
        await list.openGuide(name(FULL_GUIDE));
        expect(await page.title()).toContain(name(FULL_GUIDE));

        // Overview facts: office, promised limit with its unit, visits with the reason, fees.
        expect(await guide.fact(s.guide.department).innerText()).toBe(pick(demoUnit(c.department), L));
        expect(await guide.fact(s.guide.promisedLimit).innerText())
          .toBe(fill(s.limit[`working_day${plural(L, c.promisedLimit.value)}`], { count: c.promisedLimit.value }));
        const visits = await guide.fact(s.guide.visits).innerText();
        expect(c.visits).toBe(1);
        expect(visits).toContain(fill(s.guide.visitsCount_one, { count: 1 }));
        expect(visits).toContain(s.badge.visits1);
        expect(visits).toContain(pick(c.visitsReason, L));
        for (const f of c.fees) expect(await guide.fact(s.guide.fees).innerText()).toContain(pick(f.name, L));

        // Conditions, materials (the system-provided one marked so), process with its flowchart.
        const conditions = await guide.section(s.guide.conditionsSection).innerText();
        expect(conditions).toContain(pick(c.eligibility, L));
        for (const cond of c.conditions) expect(conditions).toContain(pick(cond, L));
        for (const m of c.materials) {
          const row = guide.material(pick(m.name, L));
          await row.waitFor();
          expect(await row.getByText(s.material.system, { exact: true }).count(), pick(m.name, L)).toBe(m.source === 'system' ? 1 : 0);
        }
        expect(c.materials.some((m) => m.source === 'system')).toBe(true);
        await guide.flowchart().waitFor();
        const flow = await guide.flowchart().innerText();
        for (const st of c.steps) expect(flow).toContain(pick(st.name, L));
        expect(flow).toContain(s.flow.start);
        expect(flow).toContain(s.flow.end);

        // Fees, windows with hours, contacts, cautions, FAQ.
        const fees = await guide.section(s.guide.fees).innerText();
        for (const f of c.fees) expect(fees).toContain(fill(s.guide.feeAmount, { amount: f.amount }));
        const windows = await guide.section(s.guide.windows).innerText();
        for (const w of c.windows) {
          expect(windows).toContain(pick(w.address, L));
          expect(windows).toContain(pick(w.hours, L));
        }
        const contacts = await guide.section(s.guide.contacts).innerText();
        expect(contacts).toContain(c.contacts.enquiryPhone);
        expect(contacts).toContain(c.contacts.complaintPhone);
        const cautions = await guide.section(s.guide.cautions).innerText();
        for (const x of c.cautions) expect(cautions).toContain(pick(x, L));
        const faq = await guide.section(s.guide.faq).innerText();
        for (const x of c.faq) expect(faq).toContain(pick(x.q, L));
        await shot(page, shotName(dialect, pass, 'guide'));
        await expectNoSidewaysScroll(page, pass.viewport, 'guide');

        // Print: a print button, and the print view drops header, navigation and footer.
        await guide.printButton().waitFor();
        await page.emulateMedia({ media: 'print' });
        expect(await page.getByRole('banner', { includeHidden: true }).isVisible(), 'page header in print').toBe(false);
        expect(await page.getByRole('navigation', { name: s.nav.label, includeHidden: true }).first().isVisible(), 'main navigation in print').toBe(false);
        expect(await page.getByRole('contentinfo', { includeHidden: true }).isVisible(), 'page footer in print').toBe(false);
        expect(await guide.printButton().isVisible(), 'print button in print').toBe(false);
        expect(await guide.title().isVisible()).toBe(true);
        expect(await guide.section(s.guide.materials).isVisible()).toBe(true);
        await shot(page, shotName(dialect, pass, 'guide-print'));
        await page.emulateMedia({ media: 'screen' });

        // A guide counted in natural (calendar) days says so.
        const natural = demoItem(NATURAL_DAYS);
        expect(natural.promisedLimit.unit).toBe('natural_day');
        await guide.open(NATURAL_DAYS, name(NATURAL_DAYS));
        expect(await guide.fact(s.guide.promisedLimit).innerText())
          .toBe(fill(s.limit[`natural_day${plural(L, natural.promisedLimit.value)}`], { count: natural.promisedLimit.value }));
        expect(errors).toEqual([]);
      });
    });

    it('stars a guide after signing in, finds it in my favourites, and keeps elder-friendly mode across sign-out and sign-in', async () => {
      await inTab(hall, pass, shotName(dialect, pass, 'favorites'), async ({ page, shell, errors }) => {
        const guide = new GuidePage(shell);
        const code = 'new-staff-onboarding';
        await guide.open(code);
        await shell.useLanguage(L);
        await guide.title().getByText(name(code), { exact: true }).waitFor();

        // A visitor is asked to sign in, and comes back to the guide afterwards.
        await guide.signInToFavorite().click();
        await shell.signIn(pass.user, { from: 'here' });
        await page.waitForURL((u) => u.pathname === `/services/${code}`);
        await shell.useLanguage(L);
        await guide.star();
        expect(await guide.favoriteButton().getAttribute('aria-pressed')).toBe('true');
        expect(await guide.favoriteButton().innerText()).toContain(s.guide.favorited);

        await shell.navigate(s.nav.favorites);
        await shell.heading(s.favorites.title).waitFor();
        await shell.main().getByRole('link', { name: name(code), exact: true }).waitFor();
        await shot(page, shotName(dialect, pass, 'favorites'));
        await expectNoSidewaysScroll(page, pass.viewport, 'favourites');

        // Elder-friendly mode: a larger base font, remembered for this person.
        const standard = await shell.baseFontSize();
        await shell.setElderMode(true);
        expect(await shell.elderModeOn()).toBe(true);
        const large = await shell.baseFontSize();
        expect(large).toBeGreaterThan(standard);
        await guide.open(code, name(code));
        await shot(page, shotName(dialect, pass, 'guide-elder'));
        await expectNoSidewaysScroll(page, pass.viewport, 'elder-mode guide');

        // Signed out, someone else turns it off on this device; signing in again brings it back.
        await shell.signOut();
        await shell.setElderMode(false);
        expect(await shell.baseFontSize()).toBe(standard);
        await shell.signIn(pass.user);
        await shell.useLanguage(L);
        await page.waitForFunction(() => document.body.classList.contains('elder-mode'), undefined, { timeout: 5000 })
          .catch(() => undefined);
        expect(await shell.elderModeOn(), 'elder mode after signing in again on the same tab').toBe(true);
        expect(await shell.baseFontSize()).toBe(large);
        expect(errors).toEqual([]);
      });
    });

    it('finds elder-friendly mode again on a new device after signing in', async () => {
      // The previous journey switched elder mode on for this person; a fresh browser knows nothing of it.
      await inTab(hall, pass, shotName(dialect, pass, 'new-device'), async ({ shell, errors }) => {
        await shell.goto('/');
        expect(await shell.elderModeOn()).toBe(false);
        await shell.signIn(pass.user);
        await shell.page.waitForFunction(() => document.body.classList.contains('elder-mode'), undefined, { timeout: 5000 })
          .catch(() => undefined);
        expect(await shell.elderModeOn(), 'elder mode after signing in on a new device').toBe(true);
        // Leave the account as found for any later run against the same database.
        await shell.setElderMode(false);
        expect(errors).toEqual([]);
      });
    });

    it('keeps the language and elder-friendly mode chosen on the sign-in page when someone signs in for the first time', async () => {
      await inTab(hall, pass, shotName(dialect, pass, 'first-sign-in'), async ({ page, shell, errors }) => {
        await shell.goto('/login');
        await shell.useLanguage(L);
        await shell.setElderMode(true);
        await shell.signIn(pass.newcomer, { from: 'here' });
        await page.waitForTimeout(500); // let the account's stored preferences arrive, if they are going to override
        await shot(page, shotName(dialect, pass, 'first-sign-in'));
        expect.soft(await shell.htmlLang(), 'language chosen before signing in, after signing in').toBe(L);
        expect.soft(await page.evaluate(() => document.body.classList.contains('elder-mode')), 'elder-friendly mode chosen before signing in, after signing in').toBe(true);
        expect(errors).toEqual([]);
      });
    });
  });
});
