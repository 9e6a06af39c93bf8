// The guide page (办事指南) of one published service: its sections and facts, print, favourite.
import type { Locator } from 'playwright-core';
import type { Shell } from './shell.ts';
import { buttonName } from './strings.ts';

export class GuidePage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(code: string, name?: string): Promise<void> {
    await this.shell.goto(`/services/${encodeURIComponent(code)}`);
    if (name) await this.shell.heading(name).waitFor();
    else await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  title(): Locator {
    return this.shell.main().getByRole('heading', { level: 1 });
  }

  /** A guide section by its heading (基本信息, 申请材料, 办理流程 …). */
  section(title: string): Locator {
    return this.shell.main().getByRole('region', { name: title, exact: true });
  }

  /** The value of one fact in the overview grid (实施部门, 承诺办结时限 …). */
  fact(label: string): Locator {
    return this.section(this.s.guide.overview).locator('.fact').filter({ has: this.page.getByRole('term').getByText(label, { exact: true }) }).getByRole('definition');
  }

  /** One material of the checklist, by its name. */
  material(name: string): Locator {
    return this.section(this.s.guide.materials).getByRole('listitem').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  flowchart(): Locator {
    return this.section(this.s.guide.process).getByRole('figure', { name: this.s.flow.label, exact: true });
  }

  printButton(): Locator {
    return this.page.getByRole('button', { name: buttonName(this.s.guide.print) });
  }

  /** The favourite toggle when signed in. */
  favoriteButton(): Locator {
    // The star is aria-hidden; while it saves, antd prefixes a "loading" icon to the name.
    return this.shell.main().getByRole('button', { name: new RegExp(`(^|\\s)(${escape(this.s.guide.favorite)}|${escape(this.s.guide.favorited)})$`) });
  }

  /** The "sign in to save" link shown to visitors. */
  signInToFavorite(): Locator {
    return this.page.getByRole('link', { name: this.s.guide.loginToFavorite });
  }

  async star(): Promise<void> {
    const button = this.favoriteButton();
    await button.waitFor();
    await this.page.waitForFunction(() => !document.querySelector('.guide-actions .ant-btn-loading'));
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await this.shell.toast(this.s.guide.favoriteAdded);
    await this.page.waitForFunction(() => {
      const b = document.querySelector('.guide-actions button[aria-pressed]');
      return b?.getAttribute('aria-pressed') === 'true' && !b.classList.contains('ant-btn-loading');
    });
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
