// Public knowledge base: categories, FAQ lists, the answer page's data, "was this helpful?", notices.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { AUDIENCES } from '../../../common/catalog.ts';
import { FaqId } from '../../../common/kb.ts';
import type { Db } from '../../db/index.ts';
import { nowIso } from '../../clock.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import type { SearchService } from '../search/service.ts';
import { presentCategory, presentFaqSummary, presentNotice } from './present.ts';
import * as repo from './repo.ts';
import * as svc from './service.ts';

const PAGE_SIZE = 20;
/** "Was this helpful?" votes per address and FAQ per minute: enough for a shared campus address, not for a script. */
export const FEEDBACK_RATE_LIMIT = 10;

const Lang = Type.Optional(Type.String());
const IdParams = Type.Object({ id: FaqId });
const Localized = Type.Object({ zh: Type.String(), en: Type.String() });
const FaqSummary = Type.Object({ id: Type.String(), category: Type.String(), question: Localized, service: Type.Union([Type.String(), Type.Null()]) });
const Related = Type.Object({ kind: Type.String(), id: Type.String(), title: Type.String(), titleEn: Type.Optional(Type.String()) });

export function kbRoutes(app: FastifyInstance, db: Db, catalog: CatalogCache, search: SearchService) {
  const tags = ['knowledge base'];

  app.get('/api/v1/kb/categories', {
    schema: {
      tags, summary: 'FAQ categories with the number of published FAQs in each',
      querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Localized, count: Type.Integer() })) }) },
    },
  }, async () => {
    const [categories, counts] = await Promise.all([
      repo.listCategories(db),
      db.selectFrom('faq').select(['category_code', (eb) => eb.fn.countAll().as('n')]).where('state', '=', 'published').groupBy('category_code').execute(),
    ]);
    const count = new Map(counts.map((c) => [c.category_code, Number(c.n)]));
    return { items: categories.map((c) => presentCategory(c, count.get(c.code) ?? 0)) };
  });

  const ListQuery = Type.Object({
    category: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' })),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    lang: Lang,
  }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/kb/faqs', {
    schema: {
      tags, summary: `Published FAQs, most viewed first (${PAGE_SIZE} per page)`, querystring: ListQuery,
      response: { 200: Type.Object({ items: Type.Array(FaqSummary), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
    },
  }, async (request) => {
    const { category, page } = request.query;
    const { rows, total } = await repo.listPublishedFaqs(db, { category, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    return { items: rows.map(presentFaqSummary), total, page, pageSize: PAGE_SIZE };
  });

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/kb/faqs/:id', {
    schema: {
      tags, summary: 'One published FAQ: the answer, the linked service, related questions (counts a view)',
      params: IdParams, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
    },
  }, async (request) => {
    const faq = await svc.openFaq(db, request.params.id);
    const category = (await repo.listCategories(db)).find((c) => c.code === faq.category_code);
    const service = faq.service_code ? catalog.summary(faq.service_code) : undefined;
    const related = await search.related('faq', faq.id, faq.question_zh);
    return {
      ...presentFaqSummary(faq),
      category: { code: faq.category_code, name: { zh: category?.name_zh ?? faq.category_code, en: category?.name_en ?? faq.category_code } },
      answer: { zh: faq.answer_zh, en: faq.answer_en ?? '' },
      aliases: JSON.parse(faq.aliases) as string[],
      service: service ? { code: service.code, name: service.name, summary: service.summary, department: service.department, mode: service.mode, visits: service.visits } : null,
      related,
      helpful: { yes: faq.helpful_yes, no: faq.helpful_no },
      updatedAt: faq.updated_at,
    };
  });

  app.post<{ Params: Static<typeof IdParams>; Body: { helpful: boolean } }>('/api/v1/kb/faqs/:id/feedback', {
    config: {
      rateLimit: { max: FEEDBACK_RATE_LIMIT, timeWindow: '1 minute', keyGenerator: (request) => `${request.ip}|faq|${(request.params as { id?: string }).id ?? ''}` },
    },
    schema: {
      tags, summary: '"Was this helpful?" — no sign-in needed, rate-limited; a "no" goes to the editors\' backlog',
      params: IdParams, body: Type.Object({ helpful: Type.Boolean() }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    await svc.recordHelpful(db, request.params.id, request.body.helpful);
    // votes change the popularity only; the index picks it up on its next rebuild
    return reply.code(204).send();
  });

  const NoticeQuery = Type.Object({ audience: Type.Optional(Type.Union(AUDIENCES.map((a) => Type.Literal(a)))), lang: Lang }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof NoticeQuery> }>('/api/v1/notices', {
    schema: { tags, summary: 'Notices shown now (inside their publish window), for an audience or for everyone', querystring: NoticeQuery },
  }, async (request) => {
    const { audience } = request.query;
    const rows = await repo.currentNotices(db, nowIso());
    const items = rows.map(presentNotice).filter((n) => !audience || n.audiences.length === 0 || n.audiences.includes(audience));
    return { items };
  });
}
