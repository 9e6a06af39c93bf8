// Where messages go. E-mail: an SMTP server through nodemailer when SMTP_URL is set, otherwise the dev
// mailbox (a table shown at /mailbox, so a demo or a test sees exactly what would have been sent). SMS: a
// provider interface; the default provider writes to the log and the dev mailbox. Every attempt, sent or
// failed, is written to delivery_log by the caller.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import type { MessagesConfig } from '../../config.ts';

export interface OutgoingMail { personId: string | null; to: string; subject: string; text: string }
export interface OutgoingSms { personId: string | null; to: string; text: string }

export interface Mailer {
  readonly kind: 'smtp' | 'dev';
  /** Resolves with the message id once accepted; rejects when the server refuses or cannot be reached. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

export interface SmsProvider {
  readonly kind: string;
  send(sms: OutgoingSms): Promise<string>;
}

export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transport: Transporter;
  constructor(url: string, private readonly from: string) {
    // A pool keeps the connection open between messages; timeouts keep a dead server from holding a worker.
    this.transport = nodemailer.createTransport(url, { pool: true, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  }
  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
    return String(info.messageId ?? '');
  }
  close(): void { this.transport.close(); }
}

export class DevMailbox implements Mailer {
  readonly kind = 'dev';
  constructor(private readonly db: Db) {}
  async send(mail: OutgoingMail): Promise<string> {
    const id = newId();
    await this.db.insertInto('dev_message').values({
      id, channel: 'email', person_id: mail.personId, address: mail.to, subject: mail.subject, body: mail.text, created_at: nowIso(),
    }).execute();
    return `dev:${id}`;
  }
  close(): void {}
}

export class LoggingSms implements SmsProvider {
  readonly kind = 'log';
  constructor(private readonly db: Db, private readonly log: (line: string) => void) {}
  async send(sms: OutgoingSms): Promise<string> {
    const id = newId();
    this.log(`SMS to ${sms.to}: ${sms.text}`);
    await this.db.insertInto('dev_message').values({
      id, channel: 'sms', person_id: sms.personId, address: sms.to, subject: null, body: sms.text, created_at: nowIso(),
    }).execute();
    return `log:${id}`;
  }
}

export interface Channels { mail: Mailer; sms: SmsProvider }

export function createChannels(db: Db, config: MessagesConfig, log: (line: string) => void): Channels {
  return {
    mail: config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new DevMailbox(db),
    sms: new LoggingSms(db, log),
  };
}
