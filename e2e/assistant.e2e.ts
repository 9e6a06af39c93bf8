// The assistant: ask "住院的钱能报多少" in the chat panel and follow its "apply" link, in Chinese and in
// English (on a phone); Escape closes the panel; guided navigation walked to its merged checklist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../server/test/harness.ts';
import { seriousA11yViolations, startHall, shot, type Hall, type ViewportName } from './harness.ts';
import { inTab, shotName } from './pages/session.ts';
import { AssistantPanel, NavigatorPage } from './pages/assistant.ts';
import { expectNoSidewaysScroll } from './pages/layout.ts';
import type { Lang } from './pages/strings.ts';

const APPLY = { 'zh-CN': '去办理', en: 'Apply now' } as const;
const GUIDE_TITLE = { 'zh-CN': '医保报销（教职工）', en: 'Medical expense claim (staff)' } as const;

describe.each(DIALECTS)('assistant and guided navigation on %s', (dialect) => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall(dialect); });
  afterAll(async () => { await hall?.close(); });

  for (const [lang, viewport] of [['zh-CN', 'desktop'], ['en', 'phone']] as [Lang, ViewportName][]) {
    it(`asks "住院的钱能报多少" and follows the apply link (${lang}, ${viewport})`, async () => {
      await inTab(hall, { lang, viewport }, shotName(dialect, { lang, viewport }, 'assistant-ask'), async ({ page, shell }) => {
        await shell.goto('/');
        await shell.useLanguage(lang);
        const chat = new AssistantPanel(shell);
        await chat.open();
        const answer = await chat.ask('住院的钱能报多少');
        await expect.poll(() => answer.textContent()).toMatch(lang === 'en' ? /85% in tertiary hospitals/ : /三级医院约 85%/);
        // the FAQ it used is cited as a link to its answer page
        expect(await answer.getByRole('link').filter({ hasText: lang === 'en' ? 'How much of my hospital costs' : '住院的钱能报多少？' }).getAttribute('href')).toBe('/kb/health-001');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await expectNoSidewaysScroll(page, viewport, 'the chat panel');
        await shot(page, `${dialect}-${lang}-${viewport}-assistant`);
        const apply = chat.action(answer, 'apply');
        expect(await apply.textContent()).toBe(APPLY[lang]);
        await apply.click();
        await page.waitForURL((u) => u.pathname === '/services/medical-reimbursement');
        await shell.heading(GUIDE_TITLE[lang]).waitFor();
        expect(await chat.dialog().isVisible()).toBe(false);
      });
    });
  }

  it('closes on Escape and gives the focus back; asks back when the question is ambiguous', async () => {
    await inTab(hall, { lang: 'zh-CN', viewport: 'desktop' }, `${dialect}-zh-desktop-assistant-escape`, async ({ page, shell }) => {
      await shell.goto('/services');
      const chat = new AssistantPanel(shell);
      await chat.open();
      const answer = await chat.ask('公积金');
      const options = answer.getByRole('button');
      expect(await options.count()).toBeGreaterThanOrEqual(2);
      const label = (await options.first().textContent())!;
      await options.first().click();
      const picked = chat.answers().nth(1);
      await picked.waitFor();
      expect(await chat.dialog().getByRole('log').textContent()).toContain(`我问的是：${label}`);
      expect(await chat.action(picked, 'guide').count()).toBe(1);
      await page.keyboard.press('Escape');
      await chat.dialog().waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.classList.contains('asst-launcher'))).toBe(true);
    });
  });

  for (const [lang, viewport] of [['zh-CN', 'phone'], ['en', 'desktop']] as [Lang, ViewportName][]) {
    it(`walks the onboarding questions to one merged checklist (${lang}, ${viewport})`, async () => {
      await inTab(hall, { lang, viewport }, shotName(dialect, { lang, viewport }, 'navigator'), async ({ page, shell }) => {
        await shell.goto('/navigator');
        await shell.useLanguage(lang);
        const nav = new NavigatorPage(shell);
        await nav.open('onboarding');
        const yes = lang === 'en' ? 'Yes' : '是';
        await nav.answer(lang === 'en' ? 'New staff member (including recruited talent)' : '新入职教职工（含引进人才）');
        await nav.answer(yes);
        await nav.answer(lang === 'en' ? 'Yes' : '需要');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await shell.main().getByRole('button', { name: lang === 'en' ? 'No' : '否', exact: true }).click();
        await nav.result().waitFor();
        const checklist = nav.checklist();
        await checklist.waitFor();
        const idCard = checklist.getByRole('listitem').filter({ hasText: lang === 'en' ? /Resident ID card/ : /身份证/ });
        expect(await idCard.count()).toBe(1);
        expect(await idCard.textContent()).toMatch(lang === 'en' ? /New staff onboarding.*Social insurance transfer/ : /新教工入职、社会保险关系转移接续/);
        expect(await checklist.getByText(shell.s.navigator.system).count()).toBeGreaterThan(0);
        expect(await nav.result().getByRole('link', { name: lang === 'en' ? /apartment/i : '教师公寓入住' }).count()).toBe(1);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await expectNoSidewaysScroll(page, viewport, 'the navigator result');
        await shot(page, `${dialect}-${lang}-${viewport}-navigator`);
      });
    });
  }
});
