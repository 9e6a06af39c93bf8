// The applicant's portal: the home page (search, audiences, life events, popular, categories) and the
// service list with its filters.
import type { Locator } from 'playwright-core';
import type { Shell } from './shell.ts';
import { buttonName, fill, plural } from './strings.ts';

export class HomePage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(): Promise<void> {
    await this.shell.goto('/');
    await this.shell.heading(this.s.home.title).waitFor();
  }

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  audienceTabs(): Locator {
    return this.page.getByRole('tablist', { name: this.s.home.byAudience, exact: true });
  }

  /** Show the services of one audience. */
  async showAudience(audienceName: string): Promise<Locator> {
    const tab = this.audienceTabs().getByRole('tab', { name: audienceName, exact: true });
    await tab.click();
    const panel = this.page.getByRole('tabpanel', { name: audienceName, exact: true });
    await panel.getByRole('article').first().waitFor();
    return panel;
  }

  /** Names of the services shown in a panel or section (may still be the previous list while loading). */
  names(scope: Locator): Promise<string[]> {
    return cardNames(scope);
  }

  async popularNames(): Promise<string[]> {
    const section = this.section(this.s.home.popular);
    await section.getByRole('article').first().waitFor();
    return cardNames(section);
  }

  async openLifeEvent(name: string): Promise<void> {
    await this.section(this.s.home.byLifeEvent).getByRole('link', { name, exact: true }).click();
    await this.shell.heading(this.s.services.title).waitFor();
  }

  async openCategory(name: string): Promise<void> {
    await this.section(this.s.home.categories).getByRole('link', { name, exact: true }).click();
    await this.shell.heading(this.s.services.title).waitFor();
  }

  async search(q: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: this.s.home.searchLabel }).or(this.page.getByLabel(this.s.home.searchLabel, { exact: true })).first().fill(q);
    await this.page.getByRole('search').getByRole('button', { name: buttonName(this.s.home.search) }).click();
    // The home page's search leads to the full results (services, FAQs, notices).
    await this.page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === q);
    await this.shell.heading(this.s.search.title).waitFor();
  }
}

export class ServicesPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(query = ''): Promise<void> {
    await this.shell.goto(`/services${query}`);
    await this.shell.heading(this.s.services.title).waitFor();
  }

  filter(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Choose an option of a filter by its visible label and wait for the list to follow. */
  async choose(filterLabel: string, optionLabel: string): Promise<void> {
    const before = await this.page.url();
    await this.filter(filterLabel).selectOption({ label: optionLabel });
    await this.page.waitForURL((u) => u.toString() !== before);
    await this.settled();
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: buttonName(this.s.services.clear) }).click();
    await this.settled();
  }

  /** Wait until the list shows results or says there are none. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => !document.querySelector('main .ant-spin, main [aria-busy="true"]'));
    await this.shell.main().getByRole('article').first().or(this.page.getByText(this.s.services.empty, { exact: true })).waitFor();
  }

  /** The "N services" status line. */
  total(): Locator {
    return this.shell.main().getByRole('status');
  }

  /** Wait until the list says it holds `count` services (the list below follows the same response). */
  async expectTotal(count: number): Promise<void> {
    const text = fill(this.s.services[`total${plural(this.shell.lang, count)}`], { count });
    await this.total().getByText(text, { exact: true }).waitFor();
    await this.page.getByRole('heading', { level: 2, name: text, exact: true }).or(this.page.getByText(this.s.services.empty, { exact: true })).first().waitFor();
  }

  /** Names of the services on this page of results. */
  async names(): Promise<string[]> {
    await this.settled();
    return cardNames(this.shell.main());
  }

  card(name: string): Locator {
    return this.shell.main().getByRole('article').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  async openGuide(name: string): Promise<void> {
    await this.card(name).getByRole('link', { name, exact: true }).click();
    await this.shell.heading(name).waitFor();
  }

  async searchFor(q: string): Promise<void> {
    const box = this.page.getByLabel(this.s.services.keyword, { exact: true });
    await box.fill(q);
    await box.press('Enter');
    await this.page.waitForURL((u) => u.searchParams.get('q') === q);
    await this.settled();
  }
}

async function cardNames(scope: Locator): Promise<string[]> {
  return scope.getByRole('article').getByRole('heading').allInnerTexts();
}
