// The dev mailbox: the e-mails and text messages OneStop would have sent, for the signed-in person
// (a system administrator may list everyone's). With SMTP configured, e-mail goes out instead and only
// the logging SMS provider's messages appear here.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/index.ts';
import { requireActor } from '../../http/session.ts';
import type { Channels } from './channels.ts';

const Query = Type.Object({
  all: Type.Optional(Type.Boolean({ description: 'everyone\'s messages (system administrators only)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

const Message = Type.Object({
  id: Type.String(), channel: Type.Union([Type.Literal('email'), Type.Literal('sms')]), to: Type.String(),
  subject: Type.Union([Type.String(), Type.Null()]), body: Type.String(), at: Type.String(),
});

export function notifyRoutes(app: FastifyInstance, db: Db, channels: Channels) {
  app.get<{ Querystring: Static<typeof Query> }>('/api/v1/mailbox', {
    schema: {
      tags: ['notifications'], summary: 'Messages sent to me through the dev mailbox and the logging SMS provider',
      querystring: Query,
      response: { 200: Type.Object({ mailer: Type.Union([Type.Literal('smtp'), Type.Literal('dev')]), items: Type.Array(Message) }) },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const everyone = request.query.all === true && actor.roles.some((r) => r.role === 'system_admin');
    let q = db.selectFrom('dev_message').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(request.query.limit ?? 50);
    if (!everyone) q = q.where('person_id', '=', actor.id);
    const rows = await q.execute();
    return {
      mailer: channels.mail.kind,
      items: rows.map((r) => ({ id: r.id, channel: r.channel === 'sms' ? 'sms' as const : 'email' as const, to: r.address, subject: r.subject, body: r.body, at: r.created_at })),
    };
  });
}
