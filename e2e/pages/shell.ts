// The frame every page shares: header (navigation, language and elder-mode switches, account) and
// the phone menu drawer. Keeps track of the interface language the person has chosen.
import type { Locator, Page } from 'playwright-core';
import type { ViewportName } from '../harness.ts';
import { buttonName, ui, type Lang } from './strings.ts';

export const DEMO_PASSWORD = 'onestop-demo';

export class Shell {
  constructor(readonly page: Page, readonly viewport: ViewportName, public lang: Lang = 'zh-CN') {}

  /** The catalogue of the language currently shown. */
  get s() { return ui(this.lang); }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await this.main().waitFor();
    // The app shows the language remembered on this device (Chinese on a first visit).
    this.lang = (await this.htmlLang()) === 'en' ? 'en' : 'zh-CN';
  }

  main(): Locator {
    return this.page.locator('main#main');
  }

  heading(name: string, level = 1): Locator {
    return this.page.getByRole('heading', { name, level, exact: true });
  }

  /** The page's <html lang>. */
  htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  /** Switch the interface to the other language with the header button. */
  async switchLanguage(): Promise<void> {
    await this.page.getByTitle(this.s.header.switchLanguageLabel, { exact: true }).click();
    this.lang = this.lang === 'en' ? 'zh-CN' : 'en';
    await this.page.waitForFunction((l) => document.documentElement.lang === l, this.lang);
  }

  async useLanguage(lang: Lang): Promise<void> {
    if (this.lang !== lang) await this.switchLanguage();
  }

  elderModeButton(): Locator {
    return this.page.getByRole('button', { name: buttonName(this.s.header.elderMode) });
  }

  async elderModeOn(): Promise<boolean> {
    return (await this.elderModeButton().getAttribute('aria-pressed')) === 'true';
  }

  async setElderMode(on: boolean): Promise<void> {
    if ((await this.elderModeOn()) !== on) await this.elderModeButton().click();
    await this.page.waitForFunction((want) => document.body.classList.contains('elder-mode') === want, on);
  }

  /** The computed base font size of the page body, in px. */
  baseFontSize(): Promise<number> {
    return this.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  }

  /** Where the main navigation and the account control are: the header on a desktop, the menu drawer on a phone. */
  async navArea(): Promise<Locator> {
    if (this.viewport === 'phone') {
      const drawer = this.page.getByRole('dialog', { name: this.s.app.title });
      if (!(await drawer.isVisible())) await this.page.getByRole('button', { name: buttonName(this.s.nav.menu) }).click();
      await drawer.waitFor();
      return drawer;
    }
    return this.page.locator('header');
  }

  async navigate(label: string): Promise<void> {
    const area = await this.navArea();
    await area.getByRole('navigation', { name: this.s.nav.label }).getByRole('link', { name: label, exact: true }).click();
    // On a phone the drawer closes itself after a choice.
    if (this.viewport === 'phone') await area.waitFor({ state: 'hidden' });
  }

  /** Sign in on the login page (the current page or /login) and wait until the app is back. */
  async signIn(username: string, opts: { from?: 'here' | 'direct' } = {}): Promise<void> {
    if (opts.from !== 'here') await this.goto('/login');
    const s = this.s;
    await this.heading(s.login.title).waitFor();
    await this.page.getByLabel(s.login.username, { exact: true }).fill(username);
    await this.page.getByLabel(s.login.password, { exact: true }).fill(DEMO_PASSWORD);
    await this.main().getByRole('button', { name: buttonName(s.login.submit) }).click();
    await this.page.waitForURL((u) => u.pathname !== '/login');
    await this.main().waitFor();
    // Signing in applies the language the person saved last time, which may differ from this tab's,
    // and arrives asynchronously (session refresh, then the catalogue): wait until <html lang> holds
    // still for a while before trusting it.
    let last = await this.htmlLang();
    for (let stable = 0, i = 0; stable < 4 && i < 40; i++) {
      await this.page.waitForTimeout(150);
      const now = await this.htmlLang();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
    this.lang = last === 'en' ? 'en' : 'zh-CN';
  }

  /** Sign out with the header (or drawer) button. */
  async signOut(): Promise<void> {
    const area = await this.navArea();
    await area.getByRole('button', { name: buttonName(this.s.header.logout) }).click();
    await this.page.getByText(this.s.header.loggedOut, { exact: true }).waitFor();
    if (this.viewport === 'phone') await area.waitFor({ state: 'hidden' });
  }

  /** Wait for an antd toast with this text. */
  async toast(text: string): Promise<void> {
    await this.page.locator('.ant-message').getByText(text, { exact: true }).waitFor();
  }

  /** Whether a toast with this text shows within a few seconds (start waiting before the action). */
  seesToast(text: string, timeout = 5000): Promise<boolean> {
    return this.page.locator('.ant-message').getByText(text, { exact: true }).waitFor({ timeout }).then(() => true, () => false);
  }
}
