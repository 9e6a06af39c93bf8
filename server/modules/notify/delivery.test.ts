// Notifications leave the hall: each in-app notification of a case becomes an e-mail (and, for what the
// applicant waits on, an SMS), delivered by the outbox worker, logged, and retried when the server refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../test/harness.ts';

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The text of a single-part message as the SMTP server received it (quoted-printable or base64). */
function bodyText(raw: string): string {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at);
  const body = raw.slice(at + 4);
  if (/transfer-encoding: quoted-printable/i.test(head)) {
    return Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  if (/transfer-encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  return body;
}

const submit = (t: TestApp, as: Session, body: unknown) =>
  t.request({ method: 'POST', url: '/api/v1/cases', as, body, headers: { 'idempotency-key': randomUUID() } });
const LEAVING = { kind: 'resign', lastDay: '2026-12-31', reason: '家庭原因', handover: '课程已交接给李老师' };

describe.each(DIALECTS)('notification e-mail and SMS through the dev mailbox on %s', (dialect) => {
  let t: TestApp;
  let teacher: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    teacher = await t.login('teacher');
  });
  afterAll(async () => { await t?.close(); });

  it('tells the applicant of a completed case by e-mail and SMS, with the number and a link', async () => {
    const res = await submit(t, teacher, { service: 'employment-certificate', data: {} });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    const items = await until('the completion messages', async () => {
      const box = (await t.request({ method: 'GET', url: '/api/v1/mailbox', as: teacher })).json().items as Array<{ channel: string; subject: string | null; body: string; to: string }>;
      const mine = box.filter((m) => m.body.includes(c.number));
      return mine.length >= 2 ? mine : undefined;
    });
    const mail = items.find((m) => m.channel === 'email')!;
    expect(mail.to).toBe('teacher@demo.edu.cn');
    expect(mail.subject).toContain('已办结');
    expect(mail.body).toContain(`/cases/${c.id}`);
    const sms = items.find((m) => m.channel === 'sms')!;
    expect(sms.body.startsWith('【一站通】')).toBe(true);
    const log = await t.db.handle.db.selectFrom('delivery_log').selectAll().where('person_id', 'is not', null).where('status', '=', 'sent').execute();
    expect(log.filter((l) => l.channel === 'email').length).toBeGreaterThanOrEqual(1);
    expect(log.filter((l) => l.channel === 'sms').length).toBeGreaterThanOrEqual(1);
  });

  it('sends the reviewer an e-mail, not an SMS, linking to the task page', async () => {
    const res = await submit(t, teacher, { service: 'staff-leaving', data: LEAVING });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    const task = c.tasks.find((x: { state: string }) => x.state === 'open');
    expect(task).toBeDefined();
    const db = t.db.handle.db;
    const mail = await until('the reviewer\'s e-mail', () =>
      db.selectFrom('dev_message').selectAll().where('channel', '=', 'email').where('body', 'like', `%${c.number}%`)
        .where('address', '!=', 'teacher@demo.edu.cn').executeTakeFirst());
    expect(mail.subject).toContain('待办');
    expect(mail.body).toContain(`/inbox/tasks/${c.id}/`);
    const sms = await db.selectFrom('dev_message').select('id').where('channel', '=', 'sms').where('body', 'like', `%${c.number}%`).execute();
    expect(sms).toEqual([]);
  });
});

describe.each(DIALECTS)('notification e-mail over SMTP on %s', (dialect) => {
  let t: TestApp;
  let teacher: Session;
  let refuse = true;
  const received: string[] = [];
  let smtp: SMTPServer;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onRcptTo(_a, _s, cb) { cb(refuse ? Object.assign(new Error('try again later'), { responseCode: 451 }) : undefined); },
      onData(stream, _s, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (x: Buffer) => chunks.push(x));
        stream.on('end', () => { received.push(Buffer.concat(chunks).toString('utf8')); cb(); });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp(dialect, {
      messages: { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'hall@demo.edu.cn', publicUrl: 'https://hall.demo.edu.cn', smsProvider: 'log' },
    });
    teacher = await t.login('teacher');
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('logs a refused delivery, retries it later, and sends it once the server accepts', async () => {
    const res = await submit(t, teacher, { service: 'employment-certificate', data: {} });
    expect(res.statusCode, res.body).toBe(201);
    const db = t.db.handle.db;
    const failed = await until('a failed attempt', () =>
      db.selectFrom('delivery_log').selectAll().where('channel', '=', 'email').where('status', '=', 'failed').executeTakeFirst());
    expect(failed.error).toMatch(/451|try again/);
    const row = await db.selectFrom('outbox').selectAll().where('id', '=', failed.outbox_id!).executeTakeFirstOrThrow();
    expect(row.done_at).toBeNull();
    expect(row.attempts).toBeGreaterThanOrEqual(1);
    expect(row.next_attempt_at > new Date().toISOString()).toBe(true); // backed off, not hammering

    refuse = false;
    await db.updateTable('outbox').set({ next_attempt_at: new Date().toISOString() }).where('id', '=', row.id).execute();
    await until('the accepted e-mail', async () => (received.length > 0 ? true : undefined));
    expect(received[0]).toMatch(/^To: teacher@demo\.edu\.cn/m);
    expect(bodyText(received[0]!)).toContain('https://hall.demo.edu.cn/cases/');
    expect(bodyText(received[0]!)).toContain('已办结');
    const done = await until('the row marked done', async () =>
      (await db.selectFrom('outbox').select('done_at').where('id', '=', row.id).executeTakeFirstOrThrow()).done_at ?? undefined);
    expect(done).toBeTruthy();
    const sent = await db.selectFrom('delivery_log').select('status').where('outbox_id', '=', row.id).orderBy('at').execute();
    expect(sent.map((s) => s.status)).toEqual([...Array(sent.length - 1).fill('failed'), 'sent']);
    // Nothing goes to the dev mailbox when SMTP is configured (the SMS provider still logs there).
    expect(await db.selectFrom('dev_message').select('id').where('channel', '=', 'email').execute()).toEqual([]);
  });
});
