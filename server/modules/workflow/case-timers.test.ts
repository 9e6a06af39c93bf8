// Timers of the case's promised limit (case-timers.ts) and the clock paused on applicant steps (promise.ts), on
// both databases: yellow tells the assignees, red tells them, escalates and apologises to the applicant, each once
// however many workers race and after a restart (the marks are columns); moving dates re-arm the timers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../test/harness.ts';
import { newId, nowIso } from '../../clock.ts';
import { addWorkingDays, chinaDate } from './calendar.ts';
import { fireCaseTimers, rearmed } from './case-timers.ts';
import { publishDefinitions } from './definitions.ts';
import { deliverDue } from './outbox.ts';
import { rescheduleOpenPromises } from './promise.ts';
import { loadDefinitions } from './service.ts';

const TRAVEL = { destination: '日本', purpose: 'tourism', period: { start: '2027-02-01', end: '2027-02-03' }, passport: 'held' };

describe('re-arming rule', () => {
  it('clears only the marks whose light is no longer reached', () => {
    expect(rearmed('2026-12-10', '2026-12-08', '2026-12-01')).toEqual({ promised_warned_at: null, promised_escalated_at: null });
    expect(rearmed('2026-12-10', '2026-12-08', '2026-12-09')).toEqual({ promised_escalated_at: null });
    expect(rearmed('2026-12-10', '2026-12-08', '2026-12-10')).toEqual({ promised_escalated_at: null });
    expect(rearmed('2026-12-10', '2026-12-08', '2026-12-11')).toEqual({});
  });
});

describe.each(DIALECTS)('case timers of the promised limit on %s', (dialect) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const u of ['teacher', 'csdean', 'manager']) s[u] = await t.login(u);
  }, 60_000);
  afterAll(async () => { await t?.close(); });
  const db = () => t.db.handle.db;
  const today = () => chinaDate(nowIso());
  const submit = async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/cases', as: s.teacher, body: { service: 'private-travel-abroad', data: TRAVEL }, headers: { 'idempotency-key': newId() } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const setDates = (id: string, warn: string, due: string) => db().updateTable('workflow_case').set({ promised_warn: warn, promised_due: due }).where('id', '=', id).execute();
  const marks = (id: string) => db().selectFrom('workflow_case').select(['promised_warned_at', 'promised_escalated_at', 'promised_paused_since']).where('id', '=', id).executeTakeFirstOrThrow();
  const deliverAll = async () => {
    for (let i = 0; i < 50; i++) {
      await deliverDue(db(), t.catalog.org);
      const pending = await db().selectFrom('outbox').select('id').where('done_at', 'is', null).where('kind', '=', 'notify').execute();
      if (pending.length === 0) return;
    }
  };
  const events = async (as: Session, caseId: string) => (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=100', as })).json().items
    .filter((n: any) => n.case?.id === caseId && n.event.startsWith('case_')).map((n: any) => n.event).sort();

  it('warns the assignees at yellow and escalates at red, exactly once each, racing workers and a restart alike', async () => {
    const c = await submit();
    const past = addWorkingDays(today(), -3);
    await setDates(c.id, past, addWorkingDays(today(), 5));
    const [a, b] = await Promise.all([fireCaseTimers(db(), today()), fireCaseTimers(db(), today())]);
    expect(a + b).toBeLessThanOrEqual(1); // the app's own worker may have got there first
    expect(await fireCaseTimers(db(), today())).toBe(0); // a restarted worker finds the mark in the row
    await deliverAll();
    expect(await events(s.csdean, c.id)).toEqual(['case_due_soon']);
    expect(await events(s.teacher, c.id)).toEqual([]); // the applicant is not nagged at yellow

    await setDates(c.id, addWorkingDays(today(), -5), addWorkingDays(today(), -1));
    await fireCaseTimers(db(), today());
    expect(await fireCaseTimers(db(), today())).toBe(0);
    await deliverAll();
    expect(await events(s.csdean, c.id)).toEqual(['case_due_soon', 'case_overdue']);
    expect(await events(s.teacher, c.id)).toEqual(['case_delayed']);
    expect(await events(s.manager, c.id)).toEqual(['case_escalated']); // the hall manager above the owning office
    // The manager may not open the case, so the notice says who holds the overdue task and since when it is due.
    const mine = async (as: Session) => (await t.request({ method: 'GET', url: '/api/v1/notifications?limit=100', as })).json().items.filter((n: any) => n.case?.id === c.id);
    const esc = (await mine(s.manager)).find((n: any) => n.event === 'case_escalated');
    expect(esc.escalation).toMatchObject({ open: true, canOpen: false, dueDate: addWorkingDays(today(), -1) });
    expect(esc.escalation.holder.zh).toMatch(/\S/);
    expect((await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: s.manager })).statusCode).toBe(404);
    for (const n of await mine(s.csdean)) expect(n.escalation).toBeUndefined(); // only escalations carry it
    const m = await marks(c.id);
    expect(m.promised_warned_at).not.toBeNull();
    expect(m.promised_escalated_at).not.toBeNull();
  });

  it('goes straight to red with a single warning mark, and fires nothing for paused or finished cases', async () => {
    const red = await submit();
    await setDates(red.id, addWorkingDays(today(), -5), addWorkingDays(today(), -1));
    const paused = await submit();
    await setDates(paused.id, addWorkingDays(today(), -5), addWorkingDays(today(), -1));
    await db().updateTable('workflow_case').set({ promised_paused_since: addWorkingDays(today(), -6) }).where('id', '=', paused.id).execute();
    const done = await submit();
    await setDates(done.id, addWorkingDays(today(), -5), addWorkingDays(today(), -1));
    await db().updateTable('workflow_case').set({ status: 'completed' }).where('id', '=', done.id).execute();
    await fireCaseTimers(db(), today());
    await deliverAll();
    expect(await events(s.csdean, red.id)).toEqual(['case_overdue']);
    expect((await marks(red.id)).promised_warned_at).not.toBeNull();
    expect(await marks(paused.id)).toMatchObject({ promised_warned_at: null, promised_escalated_at: null });
    expect(await marks(done.id)).toMatchObject({ promised_warned_at: null, promised_escalated_at: null });
  });

  it('re-arms both timers when the calendar moves the dates past today, and fires again when reached', async () => {
    const c = await submit();
    await setDates(c.id, addWorkingDays(today(), -5), addWorkingDays(today(), -1));
    await fireCaseTimers(db(), today());
    // Days waited on the applicant push the dates out; an override change counts them again from the start.
    await db().updateTable('workflow_case').set({ promised_paused: 30 }).where('id', '=', c.id).execute();
    await db().transaction().execute((trx) => rescheduleOpenPromises(trx, {}, [addWorkingDays(today(), -2)]));
    expect(await marks(c.id)).toMatchObject({ promised_warned_at: null, promised_escalated_at: null });
    await fireCaseTimers(db(), today());
    expect(await marks(c.id)).toMatchObject({ promised_warned_at: null, promised_escalated_at: null });
    await setDates(c.id, addWorkingDays(today(), -1), addWorkingDays(today(), 3));
    await fireCaseTimers(db(), today());
    expect((await marks(c.id)).promised_warned_at).not.toBeNull();
    await deliverAll();
    expect(await events(s.csdean, c.id)).toEqual(['case_due_soon', 'case_overdue']);
  });

  it('pauses the promised clock while only applicant steps are open, and resumes it when the applicant acts', async () => {
    const defs = (await loadDefinitions(db(), 'private-travel-abroad'))!;
    const p = defs.process.definition as any;
    const steps = [{ ...p.steps[0], next: 'sign' }, { id: 'sign', name: { zh: '签署承诺书', en: 'Sign the pledge' }, kind: 'applicant', next: 'hr' }, ...p.steps.slice(1)];
    await publishDefinitions(db(), null, 'private-travel-abroad', defs.form.definition, { ...p, steps });
    try {
      const c = await submit();
      const unit = c.tasks.find((x: any) => x.state === 'open');
      const act = (as: Session, id: string, body: unknown) => t.request({ method: 'POST', url: `/api/v1/tasks/${id}/actions`, as, body });
      const after = await act(s.csdean, unit.id, { action: 'approve', version: unit.version });
      expect(after.statusCode, after.body).toBe(200);
      expect(after.json().status).toBe('running');
      expect((await marks(c.id)).promised_paused_since).toBe(today());
      expect(after.json().promise.pausedSince).toBe(today());
      // While the applicant signs, no timer fires however late the dates are.
      await setDates(c.id, addWorkingDays(today(), -5), addWorkingDays(today(), -1));
      await fireCaseTimers(db(), today());
      expect(await marks(c.id)).toMatchObject({ promised_warned_at: null, promised_escalated_at: null });
      const sign = after.json().tasks.find((x: any) => x.state === 'open');
      const signed = await act(s.teacher, sign.id, { action: 'approve', version: sign.version });
      expect(signed.statusCode, signed.body).toBe(200);
      expect((await marks(c.id)).promised_paused_since).toBeNull();
      expect(signed.json().promise).toMatchObject({ pausedSince: null, pausedDays: 0 });
    } finally {
      await publishDefinitions(db(), null, 'private-travel-abroad', defs.form.definition, p);
    }
  });

  it('starts with the clock paused when the process opens with the applicant\'s own step', async () => {
    const defs = (await loadDefinitions(db(), 'private-travel-abroad'))!;
    const p = defs.process.definition as any;
    const steps = [{ id: 'sign', name: { zh: '签署承诺书', en: 'Sign the pledge' }, kind: 'applicant', next: p.steps[0].id }, ...p.steps];
    await publishDefinitions(db(), null, 'private-travel-abroad', defs.form.definition, { ...p, start: 'sign', steps });
    try {
      const c = await submit();
      expect(c.promise.pausedSince).toBe(today());
      expect((await marks(c.id)).promised_paused_since).toBe(today());
      expect((await t.request({ method: 'GET', url: `/api/v1/cases/${c.id}`, as: s.teacher })).json().promise.pausedSince).toBe(today());
      const sign = c.tasks.find((x: any) => x.state === 'open');
      const signed = await t.request({ method: 'POST', url: `/api/v1/tasks/${sign.id}/actions`, as: s.teacher, body: { action: 'approve', version: sign.version } });
      expect(signed.statusCode, signed.body).toBe(200);
      expect((await marks(c.id)).promised_paused_since).toBeNull();
    } finally {
      await publishDefinitions(db(), null, 'private-travel-abroad', defs.form.definition, p);
    }
  });
});
