// The assistant over HTTP: one public, rate-limited question endpoint.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { AskAnswer, AskBody } from '../../../common/assistant.ts';
import type { Db } from '../../db/index.ts';
import { requestLang } from '../../http/errors.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import type { SearchService } from '../search/service.ts';
import type { LlmConfig } from './llm.ts';
import { ask } from './service.ts';

export function assistantRoutes(app: FastifyInstance, db: Db, catalog: CatalogCache, search: SearchService, opts: { llm: LlmConfig | null; rateLimit: number }) {
  const deps = { db, catalog, search, llm: opts.llm, log: (msg: string, err?: unknown) => app.log.warn({ err }, msg) };
  app.post<{ Body: AskBody }>('/api/v1/assistant/ask', {
    // Each question runs a search (and maybe a model call): per address, like the sign-in limit.
    config: { rateLimit: { max: opts.rateLimit, timeWindow: '1 minute', keyGenerator: (request) => `${request.ip}|assistant` } },
    schema: {
      tags: ['assistant'],
      summary: 'Ask the assistant: an answer from the FAQs and service guides with citations and actions, or a question back',
      description: 'No sign-in needed. Questions are cut at 200 characters. The language follows Accept-Language or ?lang=.',
      querystring: Type.Object({ lang: Type.Optional(Type.String()) }, { additionalProperties: false }),
      body: AskBody,
      response: { 200: AskAnswer },
    },
  }, async (request) => ask(deps, request.body, requestLang(request), request.actor?.kind));
}
