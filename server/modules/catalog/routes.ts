// Public catalog: browse, search, guide pages, and the filter vocabulary.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AUDIENCES, LIFE_EVENTS } from '../../../common/catalog.ts';
import { AUDIENCE_NAMES, LIFE_EVENT_NAMES } from '../../../common/vocabulary.ts';
import { AppError } from '../../http/errors.ts';
import { sendCachedJson } from '../../http/precompressed.ts';
import type { CatalogCache } from './cache.ts';

const Code = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' });

const ListQuery = Type.Object({
  audience: Type.Optional(Type.Union(AUDIENCES.map((a) => Type.Literal(a)))),
  department: Type.Optional(Code),
  category: Type.Optional(Code),
  lifeEvent: Type.Optional(Type.Union(LIFE_EVENTS.map((a) => Type.Literal(a)))),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  sort: Type.Union([Type.Literal('popular'), Type.Literal('name')], { default: 'popular' }),
  lang: Type.Optional(Type.String()),
}, { additionalProperties: false });

export function catalogRoutes(app: FastifyInstance, catalog: CatalogCache) {
  app.get('/api/v1/meta', {
    schema: { tags: ['catalog'], summary: 'Filter vocabulary: campuses, org units, categories, life events, audiences' },
  }, async () => {
    const org = catalog.org;
    return {
      campuses: [...org.campuses.values()].map(({ code, name }) => ({ code, name })),
      departments: [...org.units.values()].map(({ code, name, kind, parent }) => ({ code, name, kind, parent })),
      categories: [...org.categories.values()].map(({ code, name }) => ({ code, name })),
      lifeEvents: LIFE_EVENTS.map((code) => ({ code, name: LIFE_EVENT_NAMES[code] })),
      audiences: AUDIENCES.map((code) => ({ code, name: AUDIENCE_NAMES[code] })),
    };
  });

  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/services', {
    schema: {
      tags: ['catalog'], summary: 'Published service items, filtered and paged (most popular first)',
      querystring: ListQuery,
    },
  }, (request, reply) => {
    // Synchronous handlers that send the cached bytes directly: no promise per request.
    return sendCachedJson(request, reply, catalog.listJson(request.query));
  });

  app.get<{ Params: { code: string } }>('/api/v1/services/:code', {
    schema: { tags: ['catalog'], summary: 'One published service item with every guide element', params: Type.Object({ code: Code }) },
  }, (request, reply) => {
    const json = catalog.guideJson(request.params.code);
    if (json === undefined) throw new AppError('service_not_found', { code: request.params.code });
    return sendCachedJson(request, reply, json);
  });
}
