// The form builder (/admin/services/:code/form) as a department admin meets it: the field list with its
// buttons, the editor of the chosen field, the live preview, the status line and the version history.
import type { Locator } from 'playwright-core';
import type { Shell } from './shell.ts';
import { buttonName, fill } from './strings.ts';

export class FormBuilderPage {
  constructor(readonly shell: Shell) {}
  get s() { return this.shell.s; }
  get t() { return this.shell.s.formBuilder; }
  get page() { return this.shell.page; }

  heading(name: string): Locator {
    return this.shell.heading(fill(this.t.title, { name }));
  }

  fieldList(): Locator {
    return this.shell.main().getByRole('list', { name: this.t.fields, exact: true });
  }

  /** The names of the fields, in order. */
  async fieldNames(): Promise<string[]> {
    return this.fieldList().locator(':scope > li > .fb-item-pick .fb-item-name').allTextContents();
  }

  /** The button that opens (or closes) the editor of the field with this key. */
  pick(key: string): Locator {
    return this.fieldList().locator(':scope > li').filter({ has: this.page.locator('.fb-key', { hasText: key }) }).locator(':scope > .fb-item-pick');
  }

  moveUp(name: string): Locator {
    return this.fieldList().getByRole('button', { name: fill(this.t.moveUp, { name }), exact: true });
  }

  async addField(): Promise<void> {
    await this.shell.main().getByRole('button', { name: `+ ${this.t.addField}`, exact: true }).click();
  }

  /** A property of the chosen field by its label ("字段名（英文标识）", "Show only if"). */
  prop(label: string): Locator {
    return this.page.locator('#fb-field').getByLabel(label, { exact: true });
  }

  /** The findings written under the field's visibleIf input. */
  visibleIfFindings(): Locator {
    return this.page.locator('#fb-field-visibleIf-findings li');
  }

  preview(): Locator {
    return this.shell.main().getByRole('region', { name: this.t.preview, exact: true });
  }

  status(): Locator {
    return this.page.locator('#fb-status');
  }

  button(text: string): Locator {
    return this.shell.main().getByRole('button', { name: buttonName(text) });
  }

  tab(name: string): Locator {
    return this.shell.main().getByRole('tab', { name, exact: true });
  }
}
