// Online applications (issue 3), the journey of the issue: a teacher applies to leave (离职) → the unit's
// reviewer returns it with two problems at once → the teacher corrects both and resubmits → parallel
// clearance by the five departments (each reviewer signs in and approves) → HR approves → the automatic
// transfer step runs → completed, and the timeline and flowchart show every step. Plus: fields from the
// university's records, live visibleIf, inline mistakes, a draft surviving a reload, a stale decision
// answered "someone else already handled this task", and axe on the apply, case, inbox and task pages.
//
// Matrix: SQLite walks Chinese at 1280 px and English at 375 px; PostgreSQL walks English at 1280 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../server/test/harness.ts';
import { shot, startHall, type Hall } from './harness.ts';
import { expectAxeClean, expectNoSidewaysScroll } from './pages/layout.ts';
import { ApplyPage, CasePage, InboxPage } from './pages/cases.ts';
import { inTab, shotName, type Pass } from './pages/session.ts';
import type { Shell } from './pages/shell.ts';
import { buttonName, pick, ui, type Lang } from './pages/strings.ts';
import { demoProcesses } from '../demo/processes/index.ts';
import { GuidePage } from './pages/guide.ts';

const PASSES: Record<string, Pass[]> = {
  sqlite: [{ lang: 'zh-CN', viewport: 'desktop' }, { lang: 'en', viewport: 'phone' }],
  postgres: [{ lang: 'en', viewport: 'desktop' }],
};

const LEAVING = demoProcesses.find((p) => p.service === 'staff-leaving')!;
const CLEARANCE = ['finreviewer', 'assetreviewer', 'libreviewer', 'cardreviewer', 'fundreviewer'];

function label(key: string, lang: Lang): string {
  return pick(LEAVING.form.fields.find((f) => f.key === key)!.label, lang);
}
function option(key: string, value: string, lang: Lang): string {
  return pick(LEAVING.form.fields.find((f) => f.key === key)!.options!.find((o) => o.value === value)!.label, lang);
}

/** Sign in as `user` in this tab (dropping any earlier session), in the pass's language. */
async function signInAs(shell: Shell, user: string, lang: Lang): Promise<void> {
  await shell.page.context().clearCookies();
  await shell.signIn(user);
  await shell.useLanguage(lang);
}

describe.each(DIALECTS)('online applications on %s', (dialect) => {
  let hall: Hall;
  beforeAll(async () => { hall = await startHall(dialect); });
  afterAll(async () => { await hall?.close(); });

  describe.each(PASSES[dialect]!.map((p) => [`${p.lang} ${p.viewport}`, p] as const))('%s', (_, pass) => {
    const L = pass.lang;
    const s = ui(L);
    const name = (what: string) => shotName(dialect, pass, `cases-${what}`);

    it('applies to leave, is returned with two problems, corrects both, clears five departments and completes', async () => {
      await inTab(hall, pass, name('journey'), async ({ page, shell, errors }) => {
        // The applicant: guide → 在线办理 → the form with the records filled in.
        await signInAs(shell, 'teacher', L);
        const guide = new GuidePage(shell);
        await guide.open('staff-leaving');
        await shell.main().getByRole('link', { name: s.apply.online, exact: true }).click();
        const apply = new ApplyPage(shell);
        await apply.form().waitFor();
        await apply.recordMark(label('name', L)).waitFor();
        expect(await apply.field(label('name', L)).inputValue()).toBe('王明远');
        expect(await apply.field(label('name', L)).getAttribute('readonly')).not.toBeNull();
        await apply.process().getByText(pick(LEAVING.process.steps[1]!.name, L), { exact: true }).waitFor();

        // Every mistake at once, each under its field; the conditional field appears with its condition.
        const employer = label('newEmployer', L);
        expect(await apply.field(employer).count()).toBe(0);
        await apply.field(label('kind', L)).selectOption({ label: option('kind', 'transfer', L) });
        await apply.field(employer).waitFor();
        await apply.submit();
        await apply.errorSummary().waitFor();
        expect(await apply.errorSummary().getByRole('listitem').count()).toBe(4);
        expect(await apply.field(employer).getAttribute('aria-invalid')).toBe('true');
        await expectAxeClean(shell.page, 'apply page with mistakes', name('apply'));
        await expectNoSidewaysScroll(page, pass.viewport, 'apply page');
        await shot(page, name('apply-mistakes'));

        // Files: the type is sniffed from the content, so a text file named .pdf is refused with the reason.
        const letter = apply.field(label('letter', L));
        await letter.setInputFiles({ name: 'not-really.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text, not a PDF') });
        await apply.form().getByRole('alert').filter({ hasText: 'not-really.pdf' }).waitFor();
        await letter.setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
        await apply.form().getByRole('link', { name: 'letter.pdf', exact: true }).waitFor();

        // A draft survives a reload.
        await apply.field(employer).fill(L === 'en' ? 'Peking University' : '北京大学');
        await apply.field(label('lastDay', L)).fill('2026-12-31');
        await apply.field(label('reason', L)).fill(L === 'en' ? 'Moving on' : '个人发展');
        await apply.field(label('handover', L)).fill(L === 'en' ? 'Done' : '已交接');
        await apply.draftSaved().waitFor();
        // The draft is written half a second after the last keystroke.
        await page.waitForFunction((text) => Object.keys(localStorage).some((k) => k.startsWith('onestop.draft.') && (localStorage.getItem(k) ?? '').includes(text)), L === 'en' ? 'Done' : '已交接');
        await page.reload();
        await apply.form().waitFor();
        expect(await apply.field(label('reason', L)).inputValue()).toBe(L === 'en' ? 'Moving on' : '个人发展');
        expect(await apply.field(employer).inputValue()).toBe(L === 'en' ? 'Peking University' : '北京大学');
        await apply.submit();

        const kase = new CasePage(shell);
        await page.waitForURL(/\/cases\/[^/]+$/);
        await kase.number().waitFor();
        const number = (await kase.number().textContent())!.trim();
        const caseId = kase.id();
        // The draft went with the submission.
        expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('onestop.draft.')))).toEqual([]);
        expect(await kase.status().textContent()).toBe(s.cases.status.running);
        // The promised date of the whole case, from the API, with its light in words.
        const promised = (await (await page.request.get(`/api/v1/cases/${caseId}`)).json() as { promise: { dueDate: string } }).promise;
        expect(await kase.promise().textContent()).toContain(promised.dueDate);
        await kase.promise().getByText(s.promise.status.normal, { exact: true }).waitFor();
        await expectAxeClean(shell.page, 'new case page', name('case'));
        await expectNoSidewaysScroll(page, pass.viewport, 'case page');

        // The unit's reviewer (计算机学院) returns it with two problems at once.
        await signInAs(shell, 'csdean', L);
        const inbox = new InboxPage(shell);
        await inbox.open();
        await inbox.card(number).waitFor();
        await inbox.card(number).getByText(s.promise.inbox.replace('{{date}}', promised.dueDate)).waitFor();
        await expectAxeClean(shell.page, 'inbox', name('inbox'));
        await expectNoSidewaysScroll(page, pass.viewport, 'inbox');
        await shot(page, name('inbox'));
        let task = await inbox.openTask(number);
        await task.applicantData().getByText(L === 'en' ? 'Peking University' : '北京大学', { exact: true }).waitFor();
        // The reviewer previews the uploaded letter through the case.
        const file = task.applicantData().getByRole('link', { name: s.form.fileN.replace('{{n}}', '1'), exact: true });
        const preview = await page.request.get(new URL((await file.getAttribute('href'))!, page.url()).toString());
        expect(preview.status()).toBe(200);
        expect(preview.headers()['content-type']).toContain('application/pdf');
        await expectAxeClean(shell.page, 'task page', name('task'));
        await expectNoSidewaysScroll(page, pass.viewport, 'task page');
        const problems: Array<[string, string]> = [
          [label('reason', L), L === 'en' ? 'Say more about why you leave' : '请写明离职的具体原因'],
          [label('handover', L), L === 'en' ? 'Name who takes over your courses' : '请写明课程由谁接手'],
        ];
        // Fields from the university's records are not offered (the applicant cannot change them); an empty
        // submission marks both the field and the description.
        const draft = await task.openReturn();
        const offered = await draft.field(1).locator('option').allTextContents();
        expect(offered).toEqual(expect.arrayContaining([label('reason', L), label('handover', L)]));
        for (const bound of ['name', 'staffNo', 'department']) expect(offered).not.toContain(label(bound, L));
        await draft.dialog.getByText(s.inbox.returnRecordsNote, { exact: true }).waitFor();
        await draft.submit();
        await draft.dialog.getByText(s.inbox.problemIncomplete, { exact: true }).waitFor();
        expect(await draft.field(1).getAttribute('aria-invalid')).toBe('true');
        expect(await draft.message(1).getAttribute('aria-invalid')).toBe('true');
        await expectAxeClean(shell.page, 'return dialog, empty', name('return-empty'));
        await shot(page, name('return-empty'));
        await draft.cancel();
        await task.returnWith(problems);

        // The applicant sees both problems, each tied to its field, and corrects both.
        await signInAs(shell, 'teacher', L);
        await kase.open(caseId);
        expect(await kase.status().textContent()).toBe(s.cases.status.waiting_applicant);
        // The clock is paused while the case waits on the applicant.
        await kase.promise().getByText(s.promise.paused, { exact: true }).waitFor();
        await shot(page, name('paused'));
        expect(await kase.problems().allTextContents()).toEqual(problems.map(([f, m]) => `${f}${s.app.colon}${m}`));
        const fix = await kase.startFixing();
        expect(await fix.locator('.form-flagged').count()).toBe(2);
        // What the records fill stays read-only while correcting.
        expect(await kase.fixField(fix, label('name', L)).getAttribute('readonly')).not.toBeNull();
        await expectAxeClean(shell.page, 'case page, correcting', name('fix'));
        await shot(page, name('fix'));
        await kase.fixField(fix, label('reason', L)).fill(L === 'en' ? 'Moving on to a post at Peking University' : '调入北京大学任教');
        await kase.fixField(fix, label('handover', L)).fill(L === 'en' ? 'Courses go to Dr Li' : '课程由李老师接手');
        await kase.resubmit(fix);
        expect(await kase.status().textContent()).toBe(s.cases.status.running);

        // The resubmission goes straight back to the unit's reviewer, who approves.
        await signInAs(shell, 'csdean', L);
        await inbox.open();
        task = await inbox.openTask(number);
        await task.approve();

        // Parallel clearance: each of the five departments approves in its own inbox.
        for (const reviewer of CLEARANCE) {
          await signInAs(shell, reviewer, L);
          await inbox.open();
          task = await inbox.openTask(number);
          await task.approve();
        }

        // HR approves; the automatic transfer step (档案、社保、公积金转出) then finishes the case.
        await signInAs(shell, 'reviewer', L);
        await inbox.open();
        task = await inbox.openTask(number);
        await task.approve();

        // Completed: the applicant sees every step done, and the whole story in the timeline.
        await signInAs(shell, 'teacher', L);
        await kase.open(caseId);
        await expect.poll(async () => {
          await page.reload();
          await kase.number().waitFor();
          return kase.status().textContent();
        }, { timeout: 15_000, interval: 1000 }).toBe(s.cases.status.completed);
        const types = await kase.timelineTypes();
        for (const type of ['start', 'return_to_applicant', 'resubmit', 'approve', 'completed']) expect(types).toContain(type);
        expect(types.filter((x) => x === 'approve').length).toBe(1 + CLEARANCE.length + 1);
        const returned = kase.timeline().locator('[data-event="return_to_applicant"]');
        for (const [, m] of problems) await returned.getByText(m, { exact: false }).waitFor();
        const chart = kase.flowchart();
        expect(await chart.locator('[aria-current="step"]').count()).toBe(0);
        expect(await chart.locator('.flow-node.flow-done').count()).toBe(LEAVING.process.steps.length);
        expect(await chart.locator('.flow-branch.flow-done').count()).toBe(CLEARANCE.length);
        await expectAxeClean(shell.page, 'completed case page', name('done'));
        await expectNoSidewaysScroll(page, pass.viewport, 'completed case');
        await shot(page, name('done'));

        // The applicant was told: the notifications list the return and the completion, and each leads to the case.
        const notes = shell.main().locator('.notification');
        // (the outbox worker delivers them within a second or so of the commit)
        await expect.poll(async () => {
          await shell.goto('/notifications');
          await shell.heading(s.notifications.title).waitFor();
          await shell.main().getByRole('status').waitFor();
          return notes.getByRole('link', { name: s.notifications.event.case_completed, exact: true }).count();
        }, { timeout: 15_000, interval: 1000 }).toBeGreaterThan(0);
        await notes.getByRole('link', { name: s.notifications.event.case_returned, exact: true }).first().waitFor();
        await expectAxeClean(shell.page, 'notifications page', name('notifications'));
        await expectNoSidewaysScroll(page, pass.viewport, 'notifications');
        await notes.getByRole('link', { name: s.notifications.event.case_completed, exact: true }).first().click();
        await kase.number().waitFor();
        expect(page.url()).toContain(`/cases/${caseId}`);
        expect(errors).toEqual([]);
      });
    });

    it('sends a case back to an earlier step, and the reviewer there adds an approver', async () => {
      await inTab(hall, pass, name('to-step'), async ({ page, shell }) => {
        const post = async (url: string, data: unknown, key?: string) => {
          const me = await (await page.request.get('/api/v1/auth/me')).json() as { csrfToken: string };
          const res = await page.request.post(url, { headers: { 'x-csrf-token': me.csrfToken, ...(key ? { 'idempotency-key': key } : {}) }, data });
          expect(res.status(), await res.text()).toBeLessThan(300);
          return res.json() as Promise<{ id: string; number: string; tasks: Array<{ id: string; version: number; state: string; stepId: string }> }>;
        };
        // The teacher applies and the unit agrees (through the API): the case is at the parallel clearance.
        await signInAs(shell, 'teacher', L);
        const c = await post('/api/v1/cases', { service: 'staff-leaving', data: { kind: 'resign', lastDay: '2026-12-29', reason: 'x', handover: 'y' } },
          `e2e-${dialect}-${L}-${pass.viewport}-to-step`);
        await signInAs(shell, 'csdean', L);
        const unitTask = c.tasks.find((x) => x.state === 'open')!;
        await post(`/api/v1/tasks/${unitTask.id}/actions`, { action: 'approve', version: unitTask.version });

        // Finance finds something the unit must look at again and sends the case back to the unit's step.
        await signInAs(shell, 'finreviewer', L);
        const inbox = new InboxPage(shell);
        await inbox.open();
        const task = await inbox.openTask(c.number);
        const unitStep = pick(LEAVING.process.steps.find((x) => x.id === 'unit')!.name, L);
        await task.returnToStep(unitStep, L === 'en' ? 'The handover list is missing the lab keys' : '交接清单缺实验室钥匙');

        // The unit's reviewer has the case again, asks the vice-president to approve too, and the timeline shows both.
        await signInAs(shell, 'csdean', L);
        await inbox.open();
        const again = await inbox.openTask(c.number);
        const signer = await again.addSigner('vp');
        await expectAxeClean(shell.page, 'add-approver dialog', name('add-signer'));
        await shot(page, name('add-signer'));
        await signer.confirm();
        const timeline = shell.main().locator('.timeline');
        await timeline.locator('[data-event="add_signer"]').waitFor();
        await expect.poll(() => timeline.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))).toEqual(
          expect.arrayContaining(['return_to_step', 'add_signer']));
        await expectNoSidewaysScroll(page, pass.viewport, 'task page after add signer');

        await signInAs(shell, 'vp', L);
        const vpBox = await (await page.request.get('/api/v1/tasks?box=todo')).json() as { items: Array<{ case: { number: string } }> };
        expect(vpBox.items.map((x) => x.case.number)).toContain(c.number);
      });
    });

    it('withdraws a case, and answers a decision on a task someone else already handled with a 409 and a refresh', async () => {
      await inTab(hall, pass, name('conflict'), async ({ page, shell }) => {
        // A fresh case, straight through the API as the teacher.
        await signInAs(shell, 'teacher', L);
        const session = await (await page.request.get('/api/v1/auth/me')).json() as { csrfToken: string };
        const res = await page.request.post('/api/v1/cases', {
          headers: { 'x-csrf-token': session.csrfToken, 'idempotency-key': `e2e-${dialect}-${L}-${pass.viewport}-conflict` },
          data: { service: 'staff-leaving', data: { kind: 'resign', lastDay: '2026-12-31', reason: 'x', handover: 'y' } },
        });
        expect(res.status()).toBe(201);
        const { number } = await res.json() as { number: string };

        // Another one the teacher withdraws before anyone decides it.
        const second = await page.request.post('/api/v1/cases', {
          headers: { 'x-csrf-token': session.csrfToken, 'idempotency-key': `e2e-${dialect}-${L}-${pass.viewport}-withdraw` },
          data: { service: 'staff-leaving', data: { kind: 'resign', lastDay: '2026-12-30', reason: 'x', handover: 'y' } },
        });
        const kase = new CasePage(shell);
        await kase.open((await second.json() as { id: string }).id);
        await kase.withdraw(L === 'en' ? 'Changed my mind' : '不走了');
        expect(await kase.status().textContent()).toBe(s.cases.status.withdrawn);

        await signInAs(shell, 'csdean', L);
        const inbox = new InboxPage(shell);
        await inbox.open();
        const task = await inbox.openTask(number);
        // Meanwhile the task is decided elsewhere (same account, another device).
        const me = await (await page.request.get('/api/v1/auth/me')).json() as { csrfToken: string };
        const taskId = new URL(page.url()).pathname.replace('/inbox/tasks/', '');
        const c = await (await page.request.get(`/api/v1/cases/${taskId.split('/')[0]}`)).json() as { tasks: Array<{ id: string; version: number }> };
        const version = c.tasks.find((x) => x.id === taskId)!.version;
        const other = await page.request.post(`/api/v1/tasks/${taskId}/actions`, { headers: { 'x-csrf-token': me.csrfToken }, data: { action: 'approve', version } });
        expect(other.status()).toBe(200);

        await task.decision().getByRole('button', { name: buttonName(s.inbox.approve) }).click();
        const d = page.getByRole('dialog', { name: s.inbox.approve });
        await d.waitFor();
        await d.getByRole('button', { name: buttonName(s.inbox.approve) }).click();
        await task.conflict().waitFor();
        await shot(page, name('conflict'));
        await task.decision().getByRole('button', { name: buttonName(s.inbox.refresh) }).click();
        await task.closedNote().waitFor();
      });
    });
  });
});
