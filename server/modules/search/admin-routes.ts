// The search's synonym dictionary over HTTP: hall managers see every phrase with where its words come from
// (default, changed, added, switched off), set what a phrase stands for, and drop their change again.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/index.ts';
import { AppError, requestLang } from '../../http/errors.ts';
import { requireActor } from '../../http/session.ts';
import { canEditSynonyms, listEntries, resetEntry, saveEntry } from './dictionary.ts';
import type { KbSearchFeed } from './service.ts';

const Lang = Type.Optional(Type.String());
const Phrase = Type.String({ minLength: 1, maxLength: 20, description: 'the colloquial word or phrase people type, e.g. 看病' });
const Params = Type.Object({ phrase: Phrase });
const Body = Type.Object({
  means: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
    maxItems: 10, description: 'the catalog words it stands for, e.g. ["医保", "就医"]; empty switches a default entry off',
  }),
}, { additionalProperties: false });
const Entry = Type.Object({
  phrase: Type.String(), means: Type.Array(Type.String()),
  source: Type.Union(['default', 'changed', 'added', 'off'].map((s) => Type.Literal(s))),
  defaultMeans: Type.Optional(Type.Array(Type.String())), updatedAt: Type.Optional(Type.String()),
});

export function searchAdminRoutes(app: FastifyInstance, db: Db, kb: KbSearchFeed) {
  const tags = ['search admin'];

  app.get('/api/v1/admin/search/synonyms', {
    schema: {
      tags, summary: 'The synonym dictionary: every phrase, what it stands for and where that comes from (hall managers)',
      querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Entry) }) },
    },
  }, async (request) => {
    if (!canEditSynonyms(requireActor(request))) throw new AppError('forbidden');
    return { items: await listEntries(db) };
  });

  app.put<{ Params: Static<typeof Params>; Body: Static<typeof Body> }>('/api/v1/admin/search/synonyms/:phrase', {
    schema: { tags, summary: 'Set what a phrase stands for; searchable in this process at once, in others within a poll', params: Params, body: Body, response: { 200: Entry } },
  }, async (request) => {
    const entry = await saveEntry(db, requireActor(request), request.params.phrase, request.body.means, requestLang(request));
    await kb.refresh();
    return entry;
  });

  app.delete<{ Params: Static<typeof Params> }>('/api/v1/admin/search/synonyms/:phrase', {
    schema: { tags, summary: 'Drop the change to a phrase: a default comes back as shipped, an added phrase is removed', params: Params },
  }, async (request, reply) => {
    await resetEntry(db, requireActor(request), request.params.phrase);
    await kb.refresh();
    return reply.code(204).send();
  });
}
