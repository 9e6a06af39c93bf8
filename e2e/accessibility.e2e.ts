// Accessibility (C): axe-core finds no serious or critical violation on the portal home, a guide page
// and the catalog editor, in Chinese and in English. Each check is its own test, so one page's
// problems never hide another's; a failure prints the violations (rule, help, nodes, first targets).
//
// Matrix: SQLite checks both languages at desktop width and the Chinese pages at phone width;
// PostgreSQL checks the Chinese desktop pages (the markup does not depend on the database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../server/test/harness.ts';
import { seriousA11yViolations, shot, startHall, type Hall } from './harness.ts';
import { AdminItemPage } from './pages/admin.ts';
import { GuidePage } from './pages/guide.ts';
import { HomePage } from './pages/portal.ts';
import { inTab, shotName, type Pass } from './pages/session.ts';
import type { Shell } from './pages/shell.ts';
import { demoItem } from './pages/demo.ts';
import { pick } from './pages/strings.ts';

const PASSES: Record<string, Pass[]> = {
  sqlite: [
    { lang: 'zh-CN', viewport: 'desktop' },
    { lang: 'en', viewport: 'desktop' },
    { lang: 'zh-CN', viewport: 'phone' },
  ],
  postgres: [{ lang: 'zh-CN', viewport: 'desktop' }],
};

const GUIDE = 'teacher-apartment';
const EDITED = 'contract-renewal';

interface Check { what: string; visit: (shell: Shell, pass: Pass) => Promise<void> }

const CHECKS: Check[] = [
  {
    what: 'portal home',
    visit: async (shell, pass) => {
      const home = new HomePage(shell);
      await home.open();
      await shell.useLanguage(pass.lang);
      await home.popularNames();
    },
  },
  {
    what: 'guide page',
    visit: async (shell, pass) => {
      const guide = new GuidePage(shell);
      await guide.open(GUIDE);
      await shell.useLanguage(pass.lang);
      await shell.heading(pick(demoItem(GUIDE).name, pass.lang)).waitFor();
    },
  },
  {
    what: 'catalog editor',
    visit: async (shell, pass) => {
      await shell.goto('/');
      await shell.useLanguage(pass.lang);
      await shell.signIn('hradmin');
      await shell.useLanguage(pass.lang);
      await new AdminItemPage(shell).open(EDITED, pick(demoItem(EDITED).name, pass.lang));
    },
  },
];

describe.each(DIALECTS)('accessibility on %s', (dialect) => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall(dialect); });
  afterAll(async () => { await hall?.close(); });

  describe.each(PASSES[dialect]!.map((p) => [`${p.lang} ${p.viewport}`, p] as const))('%s', (_, pass) => {
    it.each(CHECKS.map((c) => [c.what, c] as const))('%s has no serious or critical axe violation', async (what, check) => {
      const slug = what.replace(/\s+/g, '-');
      await inTab(hall, pass, shotName(dialect, pass, `a11y-${slug}`), async ({ page, shell }) => {
        await check.visit(shell, pass);
        expect(await shell.htmlLang()).toBe(pass.lang);
        const violations = await seriousA11yViolations(page);
        if (violations.length > 0) {
          await shot(page, shotName(dialect, pass, `a11y-${slug}-violations`));
          console.log(`axe on ${what} (${dialect}, ${pass.lang}, ${pass.viewport}):\n${JSON.stringify(violations, null, 2)}`);
        }
        expect(violations, `serious/critical axe violations on ${what}`).toEqual([]);
      });
    });
  });
});
