// Sends one notification to one person over one channel, and logs the attempt. Called by the outbox
// worker for its `email` and `sms` rows, so a failure is retried with back-off and a restart loses
// nothing; a retry after a successful send (the process died before marking the row done) is skipped
// because the log already holds a `sent` entry for that outbox row and channel.
import type { Db } from '../../db/index.ts';
import { newId, nowIso } from '../../clock.ts';
import type { Channels } from './channels.ts';
import { composeMessage, type Lang, type MessageEvent } from './messages.ts';

export type MessageChannel = 'email' | 'sms';

export interface MessagePayload {
  channel: MessageChannel;
  personId: string;
  event: MessageEvent;
  caseId: string;
  taskId: string | null;
}

/** Which channels a person hears an event on: e-mail always (when they have an address); SMS only
 *  for what the applicant must act on or wait for (returned, completed, rejected) — never for staff to-dos. */
export function channelsFor(event: MessageEvent): MessageChannel[] {
  return event === 'case_returned' || event === 'case_completed' || event === 'case_rejected' ? ['email', 'sms'] : ['email'];
}

export interface DeliverDeps {
  db: Db;
  channels: Channels;
  publicUrl: string;
  serviceName(code: string): { zh: string; en: string } | undefined;
}

/** Returns 'sent', 'skipped' (already sent, or nowhere to send) — or throws, for the outbox to retry. */
export async function deliverMessage(deps: DeliverDeps, outboxId: string, p: MessagePayload): Promise<'sent' | 'skipped'> {
  const { db, channels } = deps;
  const already = await db.selectFrom('delivery_log').select('id')
    .where('outbox_id', '=', outboxId).where('channel', '=', p.channel).where('status', '=', 'sent').executeTakeFirst();
  if (already) return 'skipped';
  const person = await db.selectFrom('person').select(['display_name', 'email', 'phone', 'locale', 'active'])
    .where('id', '=', p.personId).executeTakeFirst();
  const address = p.channel === 'email' ? person?.email?.trim() : person?.phone?.trim();
  if (!person || person.active !== 1 || !address) return 'skipped';
  const kase = await db.selectFrom('workflow_case').select(['number', 'service_code', 'applicant_id'])
    .where('id', '=', p.caseId).executeTakeFirst();
  if (!kase) return 'skipped';
  const lang: Lang = person.locale === 'en' ? 'en' : 'zh';
  const toStaff = kase.applicant_id !== p.personId;
  // Task ids are `<case id>/<n>`, and the inbox's task page has exactly that shape: /inbox/tasks/<case id>/<n>.
  const link = toStaff && p.taskId
    ? `${deps.publicUrl}/inbox/tasks/${p.taskId.split('/').map(encodeURIComponent).join('/')}`
    : `${deps.publicUrl}/cases/${encodeURIComponent(p.caseId)}`;
  const message = composeMessage({
    event: p.event, recipientName: person.display_name, caseNumber: kase.number,
    service: deps.serviceName(kase.service_code) ?? { zh: kase.service_code, en: kase.service_code }, link,
  }, lang);
  const log = (status: 'sent' | 'failed', extra: { error?: string; messageId?: string }) =>
    db.insertInto('delivery_log').values({
      id: newId(), outbox_id: outboxId, channel: p.channel, person_id: p.personId, address,
      subject: p.channel === 'email' ? message.subject : null, status,
      error: extra.error ?? null, message_id: extra.messageId ?? null, at: nowIso(),
    }).execute();
  try {
    const messageId = p.channel === 'email'
      ? await channels.mail.send({ personId: p.personId, to: address, subject: message.subject, text: message.text })
      : await channels.sms.send({ personId: p.personId, to: address, text: message.sms });
    await log('sent', { messageId });
    return 'sent';
  } catch (err) {
    await log('failed', { error: String((err as Error)?.message ?? err).slice(0, 1000) });
    throw err;
  }
}

/** The outbox worker's hooks: enqueue one row per channel with each in-app notification, and deliver them. */
export function messageDelivery(deps: DeliverDeps, enqueue: (trx: Db, kind: string, payload: unknown, now: string) => Promise<void>) {
  const handler = (payload: unknown, outboxId: string) => deliverMessage(deps, outboxId, payload as MessagePayload);
  return {
    async onNotification(trx: Db, n: { personId: string; event: string; caseId: string; taskId: string | null }) {
      const now = nowIso();
      for (const channel of channelsFor(n.event as MessageEvent)) {
        const payload: MessagePayload = { channel, personId: n.personId, event: n.event as MessageEvent, caseId: n.caseId, taskId: n.taskId };
        await enqueue(trx, channel, payload, now);
      }
    },
    handlers: { email: handler, sms: handler },
  };
}
