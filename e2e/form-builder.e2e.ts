// The form builder (A1–A3): 人事处's department admin adds a required field with a condition to 请销假; publishing
// a malformed condition is refused with the finding beside the field and nothing lost (not even by a reload),
// then the admin sees the preview (the apply page's own renderer) show and hide the field as the condition
// changes, moves it with the keyboard, publishes, and compares the versions; a publish over another admin's newer
// version is refused with their changes shown. The apply page then asks for the new field; a new case gets the new form version
// while a case filed before keeps its own. SQLite: Chinese at 1280 px, English at 375 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext } from 'playwright-core';
import { seriousA11yViolations, shot, startHall, type Hall } from './harness.ts';
import { expectNoSidewaysScroll } from './pages/layout.ts';
import { ApplyPage } from './pages/cases.ts';
import { FormBuilderPage } from './pages/form-builder.ts';
import { inTab, shotName, type Pass } from './pages/session.ts';
import { DEMO_PASSWORD } from './pages/shell.ts';
import { fill, pick } from './pages/strings.ts';
import { serviceItems } from '../demo/services/index.ts';

const PASSES: Pass[] = [{ lang: 'zh-CN', viewport: 'desktop' }, { lang: 'en', viewport: 'phone' }];
const SERVICE = 'leave-request';
const NAME = serviceItems.find((s) => s.code === SERVICE)!.content.name;
const LEAVE = { leaveType: 'personal', period: { start: '2027-03-01', end: '2027-03-02' }, days: 2, reason: '家中有事' };

async function apiLogin(api: APIRequestContext, username: string): Promise<string> {
  expect((await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } })).ok()).toBe(true);
  return (await (await api.get('/api/v1/auth/me')).json()).csrfToken as string;
}

describe('form builder on sqlite', () => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall('sqlite'); });
  afterAll(async () => { await hall?.close(); });

  for (const pass of PASSES) {
    const name = (what: string) => shotName('sqlite', pass, `form-builder-${what}`);
    const key = pass.lang === 'en' ? 'coverEn' : 'coverZh';
    const label = pass.lang === 'en' ? { zh: '代课教师（英）', en: 'Covering teacher' } : { zh: '代课教师', en: 'Covering teacher (zh)' };
    const shown = pick(label, pass.lang);

    it(`a department admin adds a conditional required field and publishes it (${pass.lang}, ${pass.viewport})`, async () => {
      await inTab(hall, pass, name('journey'), async ({ page, context, shell, errors }) => {
        // A teacher's case filed before the change keeps the form version it was filed with.
        const api = context.request;
        // A field an earlier pass added (required for personal leave) is filled in too.
        const fieldsNow = (await (await api.get(`/api/v1/services/${SERVICE}/form`)).json()).form.definition.fields as Array<{ key: string }>;
        const earlier = Object.fromEntries(fieldsNow.filter((f) => f.key.startsWith('cover')).map((f) => [f.key, '李老师']));
        let csrf = await apiLogin(api, 'teacher');
        const older = await api.post('/api/v1/cases', { data: { service: SERVICE, data: { ...LEAVE, ...earlier } }, headers: { 'idempotency-key': `fb-old-${pass.lang}`, 'x-csrf-token': csrf } });
        expect(older.status(), await older.text()).toBe(201);
        const old = await older.json();
        await context.clearCookies();

        await shell.signIn('hradmin');
        await shell.useLanguage(pass.lang);
        const t = shell.s.formBuilder;
        const fb = new FormBuilderPage(shell);
        // Reached from the item's admin page.
        await shell.goto(`/admin/services/${SERVICE}`);
        await shell.main().getByRole('link', { name: t.link, exact: true }).click();
        await fb.heading(pick(NAME, pass.lang)).waitFor();
        await expect.poll(() => fb.status().textContent(), { timeout: 15_000 }).toBe(t.clean);
        const before = await fb.fieldNames();
        expect(await seriousA11yViolations(page), 'axe').toEqual([]);
        await expectNoSidewaysScroll(page, pass.viewport, 'the form builder');
        await shot(page, name('start'));

        // A new field: key, labels, required, and a condition the server's check finds malformed.
        await fb.addField();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('fb-field-key');
        await fb.prop(t.key).fill(key);
        const p = (text: string, which: string) => `${text}${fill(shell.s.app.paren, { text: which })}`;
        await fb.prop(p(t.label, shell.s.editor.zh)).fill(label.zh);
        await fb.prop(p(t.label, shell.s.editor.en)).fill(label.en);
        await fb.prop(t.required).check();
        await fb.prop(t.visibleIf).fill("leaveType == 'personal' and (");
        // Published at once, before the check has run: refused, the finding beside the field, nothing lost.
        await fb.button(t.publish).click();
        await shell.toast(t.publishRefused);
        await fb.visibleIfFindings().first().waitFor();
        // Nor is anything lost when the page is closed: the edits come back on this device.
        page.once('dialog', (d) => void d.accept());
        await page.reload();
        await shell.main().getByText(t.restored, { exact: true }).waitFor();
        expect((await fb.fieldNames()).at(-1)).toBe(shown);
        await fb.pick(key).click();
        expect(await fb.pick(key).getAttribute('aria-expanded')).toBe('true');
        expect(await fb.prop(t.visibleIf).inputValue()).toBe("leaveType == 'personal' and (");
        await fb.visibleIfFindings().first().waitFor();
        expect(await fb.visibleIfFindings().first().textContent()).toContain(pass.lang === 'en' ? `field '${key}': the condition` : `字段 ${key}：显示条件`);
        await expect.poll(() => fb.status().textContent(), { timeout: 15_000 }).toBe(fill(t.errorsFound_one, { count: 1 }));
        expect(await fb.button(t.publish).isDisabled()).toBe(true);
        expect(await seriousA11yViolations(page), 'axe').toEqual([]);
        await shot(page, name('finding'));

        // Fixed: the finding goes; the preview shows the field only for personal leave.
        await fb.prop(t.visibleIf).fill("leaveType == 'personal'");
        await expect.poll(() => fb.status().textContent(), { timeout: 15_000 }).toBe(t.clean);
        expect(await fb.visibleIfFindings().count()).toBe(0);
        const preview = fb.preview();
        const newInPreview = preview.locator(`#f-${key}-field`);
        expect(await newInPreview.count()).toBe(0);
        const kind = preview.getByLabel(new RegExp(`^${pass.lang === 'en' ? 'Kind of leave' : '请假类型'}`));
        await kind.selectOption('personal');
        await newInPreview.waitFor();
        expect(await newInPreview.textContent()).toContain(shown);
        await shot(page, name('preview'));
        await kind.selectOption('sick');
        await newInPreview.waitFor({ state: 'detached' });
        await kind.selectOption('personal');
        await newInPreview.waitFor();

        // Moved one place up with the keyboard; focus stays on the moved field's button.
        const up = fb.moveUp(shown);
        await up.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => fb.fieldNames()).toEqual([...before.slice(0, -1), shown, before.at(-1)]);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(fill(t.moveUp, { name: shown }));
        await expect.poll(() => fb.status().textContent(), { timeout: 15_000 }).toBe(t.clean);

        // Published as the next version.
        const versionsBefore = (await (await api.get(`/api/v1/admin/services/${SERVICE}/process`)).json()).formVersions.length as number;
        await fb.button(t.publish).click();
        await shell.toast(fill(t.published, { version: versionsBefore + 1 }));
        await expectNoSidewaysScroll(page, pass.viewport, 'the form builder');
        expect(await seriousA11yViolations(page), 'axe').toEqual([]);
        await shot(page, name('published'));

        // The history compares the new version with the one before, field by field.
        await fb.tab(t.tabVersions).click();
        const compare = shell.main().getByRole('region', { name: shell.s.admin.compare, exact: true });
        // Field by field, by key: the new field and the new order, nothing else.
        await compare.getByText(`fields.${key}`, { exact: true }).waitFor();
        expect(await compare.locator('tbody tr code').allTextContents()).toEqual(['order', `fields.${key}`]);
        expect(await seriousA11yViolations(page), 'axe').toEqual([]);
        await shot(page, name('versions'));
        expect(errors).toEqual([]);

        // Meanwhile another admin publishes a newer version (a help text on the new field). Publishing over it
        // is refused: the edit is kept, their change is shown, and loading their version starts from it.
        await fb.tab(t.tabDesign).click();
        const adminCsrf = (await (await api.get('/api/v1/auth/me')).json()).csrfToken as string;
        const cur = (await (await api.get(`/api/v1/admin/services/${SERVICE}/process`)).json()).current;
        const theirs = { ...cur.form.definition, fields: cur.form.definition.fields.map((f: { key: string }) => f.key === key ? { ...f, help: { zh: '请填写代课教师姓名', en: 'Who covers your classes' } } : f) };
        const other = await api.put(`/api/v1/admin/services/${SERVICE}/process`, {
          data: { form: theirs, process: cur.process.definition, expectedVersions: { form: cur.form.version, process: cur.process.version } },
          headers: { 'x-csrf-token': adminCsrf },
        });
        expect(other.status(), await other.text()).toBe(200);
        if ((await fb.pick(key).getAttribute('aria-expanded')) !== 'true') await fb.pick(key).click();
        await fb.prop(t.required).uncheck();
        await expect.poll(() => fb.status().textContent(), { timeout: 15_000 }).toBe(t.clean);
        await fb.button(t.publish).click();
        const conflict = shell.main().getByRole('region', { name: t.conflictTitle, exact: true });
        await conflict.getByText(`fields.${key}.help`, { exact: true }).waitFor();
        expect(await fb.prop(t.required).isChecked()).toBe(false);
        expect(await seriousA11yViolations(page), 'axe').toEqual([]);
        await expectNoSidewaysScroll(page, pass.viewport, 'the form builder');
        await shot(page, name('conflict'));
        page.once('dialog', (d) => void d.accept());
        await conflict.getByRole('button', { name: t.conflictLoad, exact: true }).click();
        await conflict.waitFor({ state: 'detached' });
        await expect.poll(() => fb.status().textContent(), { timeout: 15_000 }).toBe(t.clean);
        expect(await fb.button(t.publish).isDisabled()).toBe(true);
        expect(errors).toEqual([]);

        // The applicant's form asks for the new field when the condition holds.
        await context.clearCookies();
        await shell.signIn('teacher');
        await shell.useLanguage(pass.lang);
        const apply = new ApplyPage(shell);
        await apply.open(SERVICE);
        expect(await apply.form().locator(`#f-${key}-field`).count()).toBe(0);
        await apply.field(pass.lang === 'en' ? 'Kind of leave' : '请假类型').selectOption('personal');
        await apply.field(shown).waitFor();
        await shot(page, name('apply'));

        // A new case needs it and pins the new form version; the older case keeps its own.
        csrf = (await (await api.get('/api/v1/auth/me')).json()).csrfToken as string;
        const post = (data: object, k: string) => api.post('/api/v1/cases', { data: { service: SERVICE, data }, headers: { 'idempotency-key': k, 'x-csrf-token': csrf } });
        const missing = await post({ ...LEAVE, ...earlier }, `fb-missing-${pass.lang}`);
        expect(missing.status()).toBe(400);
        expect(JSON.stringify(await missing.json())).toContain(`/data/${key}`);
        const fresh = await post({ ...LEAVE, ...earlier, [key]: '王老师' }, `fb-new-${pass.lang}`);
        expect(fresh.status(), await fresh.text()).toBe(201);
        expect((await fresh.json()).formVersion).toBe(versionsBefore + 2); // the other admin's version
        expect((await (await api.get(`/api/v1/cases/${old.id}`)).json()).formVersion).toBe(old.formVersion);
        expect(old.formVersion).toBeLessThan(versionsBefore + 2);
        expect(errors).toEqual([]);
      });
    });
  }

  it('tables, their columns and computed sums are edited in place; the preview adds them up (zh-CN, desktop)', async () => {
    const pass: Pass = { lang: 'zh-CN', viewport: 'desktop' };
    await inTab(hall, pass, shotName('sqlite', pass, 'form-builder-table'), async ({ page, shell, errors }) => {
      await shell.signIn('finadmin');
      await shell.useLanguage('zh-CN');
      const t = shell.s.formBuilder;
      const fb = new FormBuilderPage(shell);
      await shell.goto('/admin/services/travel-reimbursement/form');
      await expect.poll(() => fb.status().textContent(), { timeout: 15_000 }).toBe(t.clean);
      // The table of legs: its columns listed under it, one column's choices editable.
      await fb.pick('legs').click();
      const columns = shell.main().getByRole('list', { name: t.columns, exact: true });
      expect(await columns.locator(':scope > li > .fb-item-pick .fb-item-name').allTextContents()).toEqual(['日期', '出发地', '目的地', '交通工具', '金额（元）']);
      await columns.locator(':scope > li').filter({ has: page.locator('.fb-key', { hasText: 'transport' }) }).locator(':scope > .fb-item-pick').click();
      await page.getByLabel(`${fill(t.optionN, { n: 2 })}${shell.s.app.colon}${t.label}${fill(shell.s.app.paren, { text: shell.s.editor.zh })}`, { exact: true }).waitFor();
      expect(await seriousA11yViolations(page), 'axe').toEqual([]);
      await shot(page, shotName('sqlite', pass, 'form-builder-table'));
      // The total: a sum of the legs' amounts, which the preview computes as the applicant types.
      await fb.pick('total').click();
      expect(await page.locator('#fb-field-sum-table').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toContain('行程明细');
      const preview = fb.preview();
      await preview.getByRole('button', { name: `+ ${shell.s.form.addRow}`, exact: true }).click();
      await preview.locator('#f-legs-0-amount').fill('12.5');
      await expect.poll(() => preview.locator('#f-total').textContent()).toBe('¥12.50');
      expect(errors).toEqual([]);
    });
  });
});
