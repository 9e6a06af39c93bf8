// The working-day calendar admin page (/admin/calendar): year navigation, the "no official data" warning,
// the month grids' day buttons and the dialog that adjusts one day.
import type { Locator } from 'playwright-core';
import type { Shell } from './shell.ts';
import { buttonName, fill } from './strings.ts';

export class CalendarAdminPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(year?: number): Promise<void> {
    await this.shell.goto(year === undefined ? '/admin/calendar' : `/admin/calendar?year=${year}`);
    await this.shell.heading(this.s.calendar.title).waitFor();
    await this.page.locator('.cal-month').first().waitFor();
  }

  yearHeading(year: number): Locator {
    return this.shell.heading(fill(this.s.calendar.yearHeading, { year }), 2);
  }

  /** The warning that the year's official holiday arrangement is not known yet. */
  noDataWarning(year: number): Locator {
    return this.page.locator('.cal-warning').getByText(fill(this.s.calendar.noDataTitle, { year }), { exact: true });
  }

  async nextYear(): Promise<void> {
    await this.page.getByRole('button', { name: buttonName(this.s.calendar.nextYear) }).click();
  }

  day(date: string): Locator {
    return this.page.locator(`button.cal-day[data-date="${date}"]`);
  }

  /** Open a day's dialog. */
  async openDay(date: string): Promise<Locator> {
    await this.day(date).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    return dialog;
  }

  /** In the open day dialog: make the day a day off (or a working day) with a reason; resolves when saved. */
  async adjust(dialog: Locator, working: boolean, reason: string): Promise<void> {
    await dialog.getByRole('radio', { name: working ? this.s.calendar.workingDay : this.s.calendar.dayOff, exact: true }).check();
    await dialog.getByLabel(this.s.calendar.reason, { exact: true }).fill(reason);
    const saved = this.page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/calendar/overrides') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: buttonName(this.s.calendar.save) }).click();
    expect200((await saved).status());
    await dialog.waitFor({ state: 'hidden' });
  }
}

function expect200(status: number): void {
  if (status !== 200) throw new Error(`saving the calendar answered ${status}`);
}
