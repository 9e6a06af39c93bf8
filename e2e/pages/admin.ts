// Catalog administration: the list of items I manage, one item's editor / history / review buttons,
// and the review queue.
import type { Locator } from 'playwright-core';
import type { Shell } from './shell.ts';
import { buttonName, fill } from './strings.ts';

export class AdminListPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(): Promise<void> {
    await this.shell.goto('/admin');
    await this.shell.heading(this.s.admin.title).waitFor();
    await this.settled();
  }

  async settled(): Promise<void> {
    await this.page.waitForFunction(() => !document.querySelector('main .ant-spin-spinning'));
  }

  table(): Locator {
    return this.shell.main().getByRole('table');
  }

  /** Search by code or name; resolves once the table shows the answer. */
  async search(q: string): Promise<void> {
    const box = this.page.getByLabel(this.s.admin.search, { exact: true });
    await box.fill(q);
    const answered = this.page.waitForResponse((r) => {
      const u = new URL(r.url());
      return u.pathname === '/api/v1/admin/services' && u.searchParams.get('q') === q;
    });
    await box.press('Enter');
    await answered;
    await this.settled();
  }

  link(name: string): Locator {
    return this.table().getByRole('link', { name, exact: true });
  }

  emptyText(): Locator {
    return this.table().getByText(this.s.admin.empty, { exact: true });
  }
}

export class AdminItemPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(code: string, name: string): Promise<void> {
    await this.shell.goto(`/admin/services/${encodeURIComponent(code)}`);
    await this.title(name).waitFor();
  }

  title(name: string): Locator {
    return this.shell.heading(fill(this.s.editor.editTitle, { name }));
  }

  /** The notice at the top (draft / in review / retired / read only). */
  notice(text: string): Locator {
    return this.shell.main().getByRole('alert').getByText(text, { exact: true })
      .or(this.shell.main().locator('.ant-alert').getByText(text, { exact: true })).first();
  }

  /** The Chinese or English input of a bilingual field ("事项简介（中文）", "Summary (Chinese)"). */
  localized(label: string, lang: 'zh' | 'en'): Locator {
    const which = lang === 'zh' ? this.s.editor.zh : this.s.editor.en;
    return this.page.getByLabel(`${label}${fill(this.s.app.paren, { text: which })}`, { exact: true });
  }

  button(text: string): Locator {
    return this.shell.main().getByRole('button', { name: buttonName(text) });
  }

  async saveDraft(): Promise<void> {
    await this.button(this.s.editor.save).click();
    await this.shell.toast(this.s.editor.saved);
  }

  async submitForReview(): Promise<void> {
    await this.button(this.s.editor.submit).click();
    await this.shell.toast(this.s.editor.submitted);
    await this.notice(this.s.admin.inReviewNotice).waitFor();
  }

  tab(name: string): Locator {
    return this.shell.main().getByRole('tab', { name, exact: true });
  }

  async showHistory(): Promise<void> {
    await this.tab(this.s.admin.tabHistory).click();
    await this.versions().waitFor();
  }

  /** The version history table. */
  versions(): Locator {
    return this.shell.main().getByRole('region', { name: this.s.admin.history, exact: true }).getByRole('table');
  }

  versionRow(version: number): Locator {
    return this.versions().getByRole('row').filter({ has: this.page.getByRole('cell', { name: `v${version}`, exact: true }) });
  }

  /** The field-by-field comparison under the history. */
  comparison(): Locator {
    return this.shell.main().getByRole('region', { name: this.s.admin.compare, exact: true });
  }

  /** The row of the comparison for one field path (e.g. "summary.zh"), once the diff has loaded. */
  changedField(path: string): Locator {
    return this.comparison().getByRole('row').filter({ has: this.page.locator('code').getByText(path, { exact: true }) });
  }

  /** Retire the item with a reason (hall managers). */
  async retire(reason: string): Promise<void> {
    await this.button(this.s.admin.retire).click();
    const dialog = this.page.getByRole('dialog', { name: this.s.admin.retire, exact: true });
    await dialog.getByText(this.s.admin.retireConfirm, { exact: true }).waitFor();
    await dialog.getByLabel(this.s.admin.retireReason, { exact: true }).fill(reason);
    await dialog.getByRole('button', { name: buttonName(this.s.admin.retire) }).click();
    await this.shell.toast(this.s.admin.retired);
    await this.notice(this.s.admin.retiredNotice).waitFor();
  }
}

export class ReviewQueuePage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(): Promise<void> {
    await this.shell.navigate(this.s.nav.review);
    await this.shell.heading(this.s.admin.reviewTitle).waitFor();
  }

  entry(name: string): Locator {
    return this.shell.main().getByRole('region', { name, exact: true });
  }

  /** Expand "Changes: v1 → v2" of an entry; returns the diff table. */
  async changes(name: string): Promise<Locator> {
    const entry = this.entry(name);
    await entry.getByRole('button', { name: new RegExp(`^${this.s.admin.changes}`) }).click();
    const table = entry.getByRole('table');
    await table.waitFor();
    return table;
  }

  /** Publish an entry; resolves once it has left the queue, telling whether "Published" was announced. */
  async publish(name: string, comment: string): Promise<{ announced: boolean }> {
    await this.entry(name).getByRole('button', { name: buttonName(this.s.admin.publish) }).click();
    const dialog = this.page.getByRole('dialog', { name: this.s.admin.publish, exact: true });
    await dialog.getByLabel(this.s.admin.publishComment, { exact: true }).fill(comment);
    const announced = this.shell.seesToast(this.s.admin.published);
    await dialog.getByRole('button', { name: buttonName(this.s.admin.publish) }).click();
    await this.entry(name).waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'hidden' });
    return { announced: await announced };
  }
}
