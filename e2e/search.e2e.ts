// Suggestions as you type: initials and full pinyin typed letter by letter land on the service.
// One language and width per database: the combobox itself is covered by the journeys' axe runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../server/test/harness.ts';
import { startHall, seriousA11yViolations, shot, type Hall } from './harness.ts';

describe.each(DIALECTS)('search suggestions on %s', (dialect) => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall(dialect); });
  afterAll(async () => { await hall?.close(); });

  for (const [typed, expected, title] of [['zzzm', 'employment-certificate', '在职证明'], ['chailvfei', 'travel-reimbursement', '差旅费报销']] as const) {
    it(`types "${typed}" letter by letter and picks ${title} from the suggestions`, async () => {
      const context = await hall.context('desktop', 'zh-CN');
      try {
        const page = await context.newPage();
        await page.goto('/');
        const box = page.getByRole('combobox').first();
        await box.click();
        await box.pressSequentially(typed, { delay: 80 });
        const option = page.getByRole('option', { name: new RegExp(title) }).first();
        await option.waitFor();
        expect(await seriousA11yViolations(page)).toEqual([]);
        await shot(page, `${dialect}-zh-desktop-suggest-${typed}`);
        await option.click();
        await page.waitForURL((u) => u.pathname === `/services/${expected}`);
        await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
      } finally {
        await context.close();
      }
    });
  }
});
