// Online applications as a person meets them: the apply page (form + process), my cases and one case,
// the staff inbox and a task page with its decisions.
import type { Locator } from 'playwright-core';
import type { Shell } from './shell.ts';
import { buttonName, exactly } from './strings.ts';

/** A form field's control by its label (the label also carries a required mark). */
function labelled(scope: Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\*\\s*)?(（必填）|\\(required\\))?$`));
}

export class ApplyPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(code: string): Promise<void> {
    await this.shell.goto(`/services/${encodeURIComponent(code)}/apply`);
    await this.form().waitFor();
  }

  form(): Locator {
    return this.shell.main().getByRole('region', { name: this.s.apply.formHeading, exact: true });
  }

  process(): Locator {
    return this.shell.main().getByRole('region', { name: this.s.apply.processHeading, exact: true }).getByRole('figure');
  }

  field(label: string): Locator {
    return labelled(this.form(), label);
  }

  /** The "from the university's records" mark next to a read-only field. */
  recordMark(label: string): Locator {
    return this.form().locator('.form-field-record').filter({ has: this.page.getByText(label, { exact: true }) }).getByText(this.s.form.fromRecords, { exact: true });
  }

  errorSummary(): Locator {
    return this.form().locator('#form-error-summary');
  }

  async submit(): Promise<void> {
    await this.form().getByRole('button', { name: buttonName(this.s.apply.submit) }).click();
  }

  draftSaved(): Locator {
    return this.form().getByText(new RegExp(this.s.form.draftSaved.replace(/\(|\)|（|）/g, '.').replace('{{time}}', '.+')));
  }
}

export class CasePage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(id: string): Promise<void> {
    await this.shell.goto(`/cases/${id}`);
    await this.number().waitFor();
  }

  /** The case id from the address. */
  id(): string {
    return new URL(this.page.url()).pathname.split('/').pop()!;
  }

  number(): Locator {
    return this.shell.main().locator('.case-header .case-number');
  }

  status(): Locator {
    return this.shell.main().locator('.case-header .case-status');
  }

  /** The promised limit in the header: date, limit, light or pause. */
  promise(): Locator {
    return this.shell.main().locator('.case-header .case-promise');
  }

  problems(): Locator {
    return this.shell.main().getByRole('region', { name: /./ }).filter({ has: this.page.locator('.problem-list') }).locator('.problem-list > li');
  }

  async startFixing(): Promise<Locator> {
    await this.shell.main().getByRole('button', { name: buttonName(this.s.cases.fix) }).click();
    const form = this.shell.main().getByRole('region', { name: this.s.cases.fixTitle, exact: true });
    await form.waitFor();
    return form;
  }

  fixField(form: Locator, label: string): Locator {
    return labelled(form, label);
  }

  async resubmit(form: Locator): Promise<void> {
    await form.getByRole('button', { name: buttonName(this.s.cases.resubmit) }).click();
    await this.page.getByText(this.s.cases.resubmitted, { exact: true }).waitFor();
  }

  /** Withdraw with a reason, and wait until the case says so. */
  async withdraw(reason: string): Promise<void> {
    await this.shell.main().getByRole('button', { name: buttonName(this.s.cases.withdraw) }).click();
    await this.shell.main().getByLabel(this.s.cases.withdrawReason, { exact: true }).fill(reason);
    await this.shell.main().getByRole('button', { name: buttonName(this.s.cases.withdrawDo) }).click();
    await this.timeline().locator('[data-event="withdraw"]').waitFor();
  }

  flowchart(): Locator {
    return this.shell.main().getByRole('region', { name: this.s.cases.progress, exact: true }).getByRole('figure');
  }

  /** The event types of the timeline, in order. */
  async timelineTypes(): Promise<string[]> {
    return this.shell.main().locator('.timeline > li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.event ?? ''));
  }

  timeline(): Locator {
    return this.shell.main().getByRole('region', { name: this.s.cases.timeline, exact: true });
  }
}

export class InboxPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(): Promise<void> {
    await this.shell.goto('/inbox');
    await this.shell.heading(this.s.inbox.title).waitFor();
  }

  /** The inbox card of a case (by its number). */
  card(caseNumber: string): Locator {
    return this.shell.main().locator('.inbox-card').filter({ hasText: caseNumber });
  }

  async openTask(caseNumber: string): Promise<TaskPage> {
    const card = this.card(caseNumber);
    await card.waitFor();
    await card.getByRole('link').click();
    const task = new TaskPage(this.shell);
    await task.decision().waitFor();
    return task;
  }
}

export class TaskPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  decision(): Locator {
    return this.shell.main().getByRole('region', { name: this.s.inbox.decide, exact: true });
  }

  applicantData(): Locator {
    return this.shell.main().getByRole('region', { name: this.s.inbox.applicantData, exact: true });
  }

  private button(text: string): Locator {
    return this.decision().getByRole('button', { name: buttonName(text) });
  }

  private dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  async approve(): Promise<void> {
    await this.button(this.s.inbox.approve).click();
    const d = this.dialog(this.s.inbox.approve);
    await d.waitFor();
    await d.getByRole('button', { name: buttonName(this.s.inbox.approve) }).click();
    await this.shell.toast(this.s.inbox.approved);
  }

  /** Open the return dialog and leave it open (for checks); `cancel` closes it unchanged. */
  async openReturn(): Promise<{ dialog: Locator; field: (n: number) => Locator; message: (n: number) => Locator; submit: () => Promise<void>; cancel: () => Promise<void> }> {
    await this.button(this.s.inbox.return).click();
    const d = this.dialog(this.s.inbox.return);
    await d.waitFor();
    return {
      dialog: d,
      field: (n) => d.getByLabel(this.s.inbox.problemField.replace('{{n}}', String(n)), { exact: true }),
      message: (n) => d.getByLabel(this.s.inbox.problemMessage.replace('{{n}}', String(n)), { exact: true }),
      submit: () => d.getByRole('button', { name: buttonName(this.s.inbox.returnDo) }).click(),
      cancel: async () => { await d.getByRole('button', { name: buttonName(this.s.app.cancel) }).click(); await d.waitFor({ state: 'hidden' }); },
    };
  }

  /** Return to the applicant with these problems (field label → message), all in one go. */
  async returnWith(problems: Array<[field: string, message: string]>): Promise<void> {
    await this.button(this.s.inbox.return).click();
    const d = this.dialog(this.s.inbox.return);
    await d.waitFor();
    for (let i = 0; i < problems.length; i++) {
      if (i > 0) await d.getByRole('button', { name: buttonName(`+ ${this.s.inbox.addProblem}`) }).click();
      const [field, message] = problems[i]!;
      await d.getByLabel(this.s.inbox.problemField.replace('{{n}}', String(i + 1)), { exact: true }).selectOption({ label: field });
      await d.getByLabel(this.s.inbox.problemMessage.replace('{{n}}', String(i + 1)), { exact: true }).fill(message);
    }
    await d.getByRole('button', { name: buttonName(this.s.inbox.returnDo) }).click();
    await this.shell.toast(this.s.inbox.returned);
  }

  /** Send the case back to a step it already passed (by the step's name), with a reason. */
  async returnToStep(stepName: string, reason: string): Promise<void> {
    await this.button(this.s.inbox.returnToStep).click();
    const d = this.dialog(this.s.inbox.returnToStep);
    await d.waitFor();
    await d.getByLabel(this.s.inbox.returnToStepWhich, { exact: true }).selectOption({ label: stepName });
    await d.getByLabel(this.s.inbox.returnToStepReason, { exact: true }).fill(reason);
    await d.getByRole('button', { name: buttonName(this.s.inbox.returnToStep) }).click();
    await this.shell.toast(this.s.inbox.returnedToStep);
  }

  /** Ask one more person to approve this step (加签); the dialog is returned open for checks before `confirm`. */
  async addSigner(who: string): Promise<{ dialog: Locator; confirm: () => Promise<void> }> {
    await this.button(this.s.inbox.addSigner).click();
    const d = this.dialog(this.s.inbox.addSigner);
    await d.waitFor();
    await d.getByLabel(this.s.inbox.addSignerWho, { exact: true }).fill(who);
    return {
      dialog: d,
      confirm: async () => {
        await d.getByRole('button', { name: buttonName(this.s.inbox.addSigner) }).click();
        await this.shell.toast(this.s.inbox.signerAdded);
      },
    };
  }

  /** The decision buttons are gone once the task is closed. */
  closedNote(): Locator {
    return this.decision().getByText(exactly(this.s.inbox.closed.replace('{{outcome}}', this.s.inbox.outcome.approved)));
  }

  conflict(): Locator {
    return this.decision().getByText(this.s.inbox.conflict, { exact: true });
  }
}
