// The assistant's chat panel (the "ask us" button on every page) and the guided-navigation pages.
import type { Locator } from 'playwright-core';
import type { Shell } from './shell.ts';
import { exactly } from './strings.ts';

export class AssistantPanel {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  launcher(): Locator {
    return this.page.getByRole('button', { name: exactly(`? ${this.s.assistant.open}`) }).or(this.page.getByRole('button', { name: exactly(this.s.assistant.open) }));
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.s.assistant.title });
  }

  async open(): Promise<void> {
    await this.launcher().click();
    await this.dialog().waitFor();
  }

  /** Types a question, sends it and waits for the answer to appear in the conversation. */
  async ask(question: string): Promise<Locator> {
    const before = await this.answers().count();
    await this.dialog().getByRole('textbox', { name: this.s.assistant.label }).fill(question);
    await this.dialog().getByRole('button', { name: this.s.assistant.send, exact: true }).click();
    const answer = this.answers().nth(before);
    await answer.waitFor();
    return answer;
  }

  /** The assistant's messages, oldest first. */
  answers(): Locator {
    return this.dialog().getByRole('log').locator('.asst-msg-bot:not(.asst-thinking)');
  }

  /** An action button ("去办理", "Apply online" …) of an answer, by its label from the server. */
  action(answer: Locator, kind: 'apply' | 'guide' | 'book'): Locator {
    return answer.locator(`a[data-action="${kind}"]`);
  }
}

export class NavigatorPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get page() { return this.shell.page; }

  async open(lifeEvent: string): Promise<void> {
    await this.shell.goto(`/navigator/${lifeEvent}`);
    await this.page.getByRole('heading', { level: 2 }).first().waitFor();
  }

  question(): Locator {
    return this.page.locator('#navi-q');
  }

  /** Answers the current question with the option of this label. */
  async answer(label: string): Promise<void> {
    const before = await this.question().textContent();
    await this.shell.main().getByRole('button', { name: label, exact: true }).click();
    await this.page.waitForFunction((b) => document.querySelector('#navi-q')?.textContent !== b, before);
  }

  result(): Locator {
    return this.page.getByRole('region', { name: this.s.navigator.result });
  }

  checklist(): Locator {
    return this.page.getByRole('list', { name: this.s.navigator.checklist });
  }
}
