// Sideways scrolling on a phone: how much, and which elements stick out (for the failure message).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { horizontalOverflow, seriousA11yViolations, shot } from '../harness.ts';

/**
 * The elements that stick out past the viewport while their parent does not (where the layout first
 * breaks), then the one reaching furthest right, as short CSS-ish descriptions.
 */
export function overflowingElements(page: Page): Promise<string[]> {
  // Passed as text: transpilers may wrap named inner functions in helpers the page does not have.
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const over = (el) => !!el && el.getBoundingClientRect().right > width + 0.5;
    const describe = (el) => {
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.') : '';
      const r = el.getBoundingClientRect();
      return el.tagName.toLowerCase() + cls + ' "' + (el.textContent || '').trim().slice(0, 40) + '" width=' + Math.round(r.width) + ' right=' + Math.round(r.right);
    };
    const all = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().width > 0 && over(el));
    const out = all.filter((el) => !over(el.parentElement)).slice(0, 5).map(describe);
    const furthest = all.sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)[0];
    if (furthest) out.push('furthest: ' + describe(furthest));
    return out;
  })()`);
}

/** Overflow in px and, when there is some, the elements responsible. */
export async function overflowReport(page: Page): Promise<{ px: number; culprits: string[] }> {
  const px = await horizontalOverflow(page);
  return { px, culprits: px > 0 ? await overflowingElements(page) : [] };
}

/**
 * On a phone, the page must not scroll sideways. A soft assertion: the journey goes on, and the
 * failure names the elements that stick out.
 */
export async function expectNoSidewaysScroll(page: Page, viewport: string, where: string): Promise<void> {
  if (viewport !== 'phone') return;
  expect.soft(await overflowReport(page), `${where} scrolls sideways at 375 px`).toEqual({ px: 0, culprits: [] });
}

/** No serious or critical axe violations on what the page shows; on failure, a screenshot and the list. */
export async function expectAxeClean(page: Page, what: string, name: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0) {
    await shot(page, `${name}-violations`);
    console.log(`axe on ${what}:\n${JSON.stringify(violations, null, 2)}`);
  }
  expect(violations, `serious/critical axe violations on ${what}`).toEqual([]);
}
