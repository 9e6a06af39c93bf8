// Fallback target of the 10k HTTP benchmark, used only when the real app cannot serve the scaled knowledge
// base yet: the pure SearchIndex with the generated FAQs (and the demo catalog) behind a minimal Fastify
// route that has the app's suggest contract (same path, query schema and response shape).
//   PORT=3999 node --import tsx bench/search-10k/server.ts
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { DEFAULT_N, DEFAULT_SEED, documents, generate } from './corpus.ts';
import type { SearchIndex as SearchIndexType } from '../../server/modules/search/search-index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const modulePath = process.env.BENCH_INDEX ?? path.join(ROOT, 'server/modules/search/search-index.ts');
const { SearchIndex } = (await import(pathToFileURL(modulePath).href)) as { SearchIndex: new () => SearchIndexType };

const index = new SearchIndex();
index.warmUp();
for (const d of documents(generate(Number(process.env.BENCH_FAQS ?? DEFAULT_N), DEFAULT_SEED))) index.add(d);

const app = Fastify({ logger: false });
const Kind = Type.Union([Type.Literal('service'), Type.Literal('faq'), Type.Literal('notice')]);
app.get('/healthz', async () => ({ ok: true }));
app.get('/api/v1/search/suggest', {
  schema: {
    querystring: Type.Object({
      q: Type.Optional(Type.String()),
      limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }),
      lang: Type.Optional(Type.String()),
    }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(Type.Object({ kind: Kind, id: Type.String(), title: Type.String() })) }) },
  },
}, async (request) => {
  const { q, limit } = request.query as { q?: string; limit: number };
  return { items: index.suggest(q ?? '', limit) };
});
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
