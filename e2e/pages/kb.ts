// Full search results and the knowledge base's answer pages.
import type { Locator } from 'playwright-core';
import type { Shell } from './shell.ts';
import { fill } from './strings.ts';

export class SearchResultsPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  /** Type a query into the home page's search box and submit it with Enter. */
  async searchFromHome(q: string): Promise<void> {
    await this.shell.goto('/');
    const box = this.page.getByRole('combobox').first();
    await box.fill(q);
    await box.press('Enter');
    await this.page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === q);
    await this.shell.heading(this.s.search.title).waitFor();
    await this.status().waitFor();
  }

  status(): Locator {
    return this.page.locator('.search-status');
  }

  /** The hit links in order (their accessible names). */
  hits(): Locator {
    return this.page.locator('.search-hit-title a');
  }

  /** The highlighted parts of the results (rendered as <mark>). */
  marks(): Locator {
    return this.page.locator('.search-hits mark');
  }

  async openKind(kindName: string): Promise<void> {
    await this.page.getByRole('navigation', { name: this.s.search.kinds }).getByRole('link', { name: kindName, exact: true }).click();
  }

  totalText(count: number): string {
    return fill(count === 1 && this.shell.lang === 'en' ? this.s.search.total_one : this.s.search.total_other, { count });
  }
}

export class AnswerPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  /** The question, once the answer has loaded. */
  question(): Locator {
    return this.page.locator('article.kb-answer h1');
  }

  applyLink(): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^${this.s.kb.apply}`) });
  }

  related(): Locator {
    return this.page.getByRole('region', { name: this.s.kb.related }).getByRole('link');
  }

  async vote(helpful: boolean): Promise<void> {
    await this.page.getByRole('button', { name: helpful ? this.s.kb.helpfulYes : this.s.kb.helpfulNo, exact: true }).click();
    await this.page.getByText(helpful ? this.s.kb.thanksYes : this.s.kb.thanksNo).waitFor();
  }
}
