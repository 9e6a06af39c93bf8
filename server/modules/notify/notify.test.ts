// Messages: real SMTP (nodemailer talking to a local smtp-server), the dev mailbox and its route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestApp, DIALECTS, expectProblem, type Session, type TestApp } from '../../test/harness.ts';
import { DevMailbox, SmtpMailer } from './channels.ts';
import { composeMessage } from './messages.ts';

interface Received { from: string; to: string[]; data: string }

async function startSmtp(opts: { refuse?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(address, _session, cb) {
      if (opts.refuse) return cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('composeMessage', () => {
  const ctx = { recipientName: '李老师', caseNumber: '2026-000042', service: { zh: '离职', en: 'Leaving the university' }, link: 'https://hall.example.edu/cases/x' };
  it('writes each event in the recipient\'s language, with the number, the service and the link', () => {
    const zh = composeMessage({ ...ctx, event: 'case_returned' }, 'zh');
    expect(zh.subject).toBe('请补正：离职（2026-000042）');
    expect(zh.text).toContain('李老师，您好');
    expect(zh.text).toContain('https://hall.example.edu/cases/x');
    expect(zh.sms.startsWith('【一站通】')).toBe(true);
    const en = composeMessage({ ...ctx, event: 'task_assigned' }, 'en');
    expect(en.subject).toBe('To do: Leaving the university (2026-000042)');
    expect(en.text).toContain('Dear 李老师,');
  });
});

describe('SmtpMailer', () => {
  it('delivers a UTF-8 message to a real SMTP server', async () => {
    const smtp = await startSmtp();
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'OneStop 一站通 <hall@demo.edu.cn>');
    try {
      const id = await mailer.send({ personId: null, to: 'teacher@demo.edu.cn', subject: '已办结：在职证明（2026-000001）', text: '您申请的“在职证明”已办结。' });
      expect(id).toMatch(/@/);
      expect(smtp.received).toHaveLength(1);
      const m = smtp.received[0]!;
      expect(m.from).toBe('hall@demo.edu.cn');
      expect(m.to).toEqual(['teacher@demo.edu.cn']);
      expect(m.data).toMatch(/^Subject: =\?UTF-8\?/m); // the Chinese subject is encoded, not mangled
      expect(m.data).toMatch(/charset=utf-8/i);
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  it('rejects when the server refuses the recipient or cannot be reached', async () => {
    const smtp = await startSmtp({ refuse: true });
    const refusing = new SmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'hall@demo.edu.cn');
    await expect(refusing.send({ personId: null, to: 'nobody@demo.edu.cn', subject: 's', text: 't' })).rejects.toThrow();
    refusing.close();
    await smtp.close();
    const down = new SmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'hall@demo.edu.cn');
    await expect(down.send({ personId: null, to: 'teacher@demo.edu.cn', subject: 's', text: 't' })).rejects.toThrow();
    down.close();
  });
});

describe.each(DIALECTS)('the dev mailbox on %s', (dialect) => {
  let t: TestApp;
  let teacher: Session; let student: Session; let admin: Session;
  let teacherId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    [teacher, student, admin] = await Promise.all([t.login('teacher'), t.login('student'), t.login('admin')]);
    teacherId = (await t.db.handle.db.selectFrom('person').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await t?.close(); });

  it('shows each person the messages sent to them, newest first; an administrator may list all', async () => {
    const box = new DevMailbox(t.db.handle.db);
    await box.send({ personId: teacherId, to: 'teacher@demo.edu.cn', subject: '第一封', text: '正文一' });
    await new Promise((r) => setTimeout(r, 5));
    await box.send({ personId: teacherId, to: 'teacher@demo.edu.cn', subject: '<b>第二封</b>', text: '正文二' });
    const mine = await t.request({ method: 'GET', url: '/api/v1/mailbox', as: teacher });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().mailer).toBe('dev');
    expect(mine.json().items.map((m: { subject: string }) => m.subject)).toEqual(['<b>第二封</b>', '第一封']);
    const theirs = await t.request({ method: 'GET', url: '/api/v1/mailbox', as: student });
    expect(theirs.json().items).toEqual([]);
    const notAllowed = await t.request({ method: 'GET', url: '/api/v1/mailbox?all=true', as: student });
    expect(notAllowed.json().items).toEqual([]);
    const all = await t.request({ method: 'GET', url: '/api/v1/mailbox?all=true', as: admin });
    expect(all.json().items.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses anonymous readers and bad queries', async () => {
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/mailbox' }), 401, 'unauthenticated');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/mailbox?limit=0', as: teacher }), 400, 'validation_failed');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/mailbox?color=red', as: teacher }), 400, 'validation_failed');
  });
});
