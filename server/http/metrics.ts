// Prometheus metrics: process defaults plus one request histogram by route.
// The request hook runs on every response, so it is kept cheap (see bench/results/ for its cost).
import type { FastifyInstance } from 'fastify';
import { Registry, collectDefaultMetrics, Histogram, Gauge } from 'prom-client';
import type { CatalogCache } from '../modules/catalog/cache.ts';

export function registerMetrics(app: FastifyInstance, catalog: CatalogCache) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'onestop_' });
  const duration = new Histogram({
    name: 'onestop_http_request_duration_seconds', help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'], buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [registry],
  });
  new Gauge({
    name: 'onestop_catalog_published_items', help: 'Published service items in this process\'s catalog cache',
    registers: [registry], collect() { this.set(catalog.size); },
  });
  // One labelled child per method/route/status, made on first use and kept: the hot path is a string
  // key, a Map lookup and the bucket update. The hook is callback-style (not async), so it creates no
  // promise per request. The number of children is bounded by routes × methods × statuses in use.
  const children = new Map<string, Histogram.Internal<'method' | 'route' | 'status'>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${request.method} ${reply.statusCode} ${route}`;
    let child = children.get(key);
    if (child === undefined) {
      child = duration.labels({ method: request.method, route, status: reply.statusCode });
      children.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
