// Public search: suggestions on each keystroke and full results. A query longer than the core's limit
// (MAX_QUERY_CHARS) is cut, not refused, and an empty one gives an empty list: the search box never
// shows an error page for what a person typed.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/index.ts';
import { recordSearchMiss } from '../kb/service.ts';
import { requestLang } from '../../http/errors.ts';
import type { SearchService } from './service.ts';

const Kind = Type.Union([Type.Literal('service'), Type.Literal('faq'), Type.Literal('notice')]);
const Ranges = Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), { description: '[start, end) UTF-16 offsets' });

const SuggestQuery = Type.Object({
  q: Type.Optional(Type.String()),
  limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }),
  lang: Type.Optional(Type.String()),
}, { additionalProperties: false });

const SearchQuery = Type.Object({
  q: Type.Optional(Type.String()),
  kind: Type.Optional(Kind),
  page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
  lang: Type.Optional(Type.String()),
}, { additionalProperties: false });

const SuggestResponse = Type.Object({
  items: Type.Array(Type.Object({
    kind: Kind, id: Type.String(), title: Type.String(), titleEn: Type.Optional(Type.String()),
  })),
});

const SearchResponse = Type.Object({
  items: Type.Array(Type.Object({
    kind: Kind,
    id: Type.String(),
    title: Type.String(),
    titleEn: Type.Optional(Type.String()),
    titleEnHighlights: Type.Optional(Ranges),
    highlights: Ranges,
    snippet: Type.String(),
    snippetHighlights: Ranges,
    snippetLang: Type.Optional(Type.Literal('en', { description: 'the snippet is English text (an English request, a record with English text)' })),
    service: Type.Optional(Type.String({ description: 'the linked service item' })),
    category: Type.Optional(Type.String({ description: 'the knowledge-base category of a FAQ' })),
  })),
  total: Type.Integer(),
  page: Type.Integer(),
  corrected: Type.Optional(Type.String({ description: 'the query searched instead, when a typo was corrected' })),
});

/** Search-feedback reports per address per minute (one per results page a person leaves). */
export const SEARCH_FEEDBACK_RATE_LIMIT = 60;

const FeedbackBody = Type.Object({
  query: Type.String({ maxLength: 1000 }),
  opened: Type.Boolean({ description: 'whether the person opened any result' }),
}, { additionalProperties: false });

export function searchRoutes(app: FastifyInstance, search: SearchService, db: Db) {
  const tags = ['search'];

  app.get<{ Querystring: Static<typeof SuggestQuery> }>('/api/v1/search/suggest', {
    schema: {
      tags, summary: 'Suggestions as the user types: titles matched by prefix, pinyin, initials and synonyms',
      querystring: SuggestQuery, response: { 200: SuggestResponse },
    },
  }, async (request) => ({ items: await search.suggest(request.query.q, request.query.limit) }));

  app.get<{ Querystring: Static<typeof SearchQuery> }>('/api/v1/search', {
    schema: {
      tags, summary: 'Full search over services, FAQ and notices, with highlight offsets and typo correction (10 per page); a query without results is counted in the editors\' backlog',
      querystring: SearchQuery, response: { 200: SearchResponse },
    },
  }, async (request) => {
    const { q, kind, page } = request.query;
    const result = await search.search(q, { kind, page, lang: requestLang(request) });
    // A full search (never a suggestion) that finds nothing is counted once per query in the editors' backlog.
    if (result.total === 0 && page === 1 && !kind) await recordSearchMiss(db, q, 'no_result');
    return result;
  });

  app.post<{ Body: Static<typeof FeedbackBody> }>('/api/v1/search/feedback', {
    config: { rateLimit: { max: SEARCH_FEEDBACK_RATE_LIMIT, timeWindow: '1 minute' } },
    schema: {
      tags, summary: 'Report a results page the person left: a query whose results nobody opened goes to the editors\' backlog',
      body: FeedbackBody,
    },
  }, async (request, reply) => {
    if (!request.body.opened) await recordSearchMiss(db, request.body.query, 'no_click');
    return reply.code(204).send();
  });
}
