// Builds the Fastify application: plugins, error mapping, every module's routes, the web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { Ajv } from 'ajv';
import type { Config } from './config.ts';
import type { DbHandle } from './db/index.ts';
import { AppError, errorHandler, sendProblem } from './http/errors.ts';
import { registerSession } from './http/session.ts';
import { registerMetrics } from './http/metrics.ts';
import { pagePolicy } from './http/csp.ts';
import { CatalogCache } from './modules/catalog/cache.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { catalogAdminRoutes } from './modules/catalog/admin-routes.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { meRoutes } from './modules/me/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { startSearch } from './modules/search/service.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { searchAdminRoutes } from './modules/search/admin-routes.ts';
import { workflowRoutes } from './modules/workflow/routes.ts';
import { workflowAdminRoutes } from './modules/workflow/admin-routes.ts';
import { uploadRoutes } from './modules/workflow/upload-routes.ts';
import { startOutboxWorker } from './modules/workflow/outbox.ts';
import { createChannels } from './modules/notify/channels.ts';
import { notifyRoutes } from './modules/notify/routes.ts';
import { messageDelivery } from './modules/notify/service.ts';
import { enqueue } from './modules/workflow/repo.ts';
import { kbRoutes } from './modules/kb/routes.ts';
import { kbAdminRoutes } from './modules/kb/admin-routes.ts';
import { assistantRoutes } from './modules/assistant/routes.ts';
import { navigatorRoutes } from './modules/navigator/routes.ts';
import { CalendarCache } from './modules/calendar/cache.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.resolve(here, '../web/dist');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSONL = 'application/jsonl';

export interface App { app: FastifyInstance; catalog: CatalogCache }

// Bodies are checked strictly (no type coercion, unknown fields refused); query strings and
// path parameters arrive as text, so there numbers and booleans are coerced.
const ajvBody = new Ajv({ allErrors: true, strict: false, coerceTypes: false, removeAdditional: false, useDefaults: true });
const ajvQuery = new Ajv({ allErrors: true, strict: false, coerceTypes: 'array', removeAdditional: false, useDefaults: true });

export async function buildApp(config: Config, handle: DbHandle, opts: { logger?: boolean; pollMs?: number } = {}): Promise<App> {
  const { db } = handle;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    // Per-request access logs cost a third of the throughput; operators turn them on with LOG_REQUESTS.
    logController: new LogController({ disableRequestLogging: process.env.LOG_REQUESTS !== 'on' }),
    bodyLimit: 1024 * 1024,
    // Plugins register in well under a second, but on a loaded machine (CI, two cores) avvio's default
    // 10 s could expire while the first catalog load waits for the database.
    pluginTimeout: 60_000,
    trustProxy: process.env.TRUST_PROXY === 'true',
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajvBody : ajvQuery).compile(schema));
  app.setErrorHandler(errorHandler);
  // JSON only (plus uploads of Excel workbooks and JSON Lines files): a cross-site form can send
  // text/plain but never these types.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser([XLSX, JSONL], { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  // Security headers on every response. A callback-style hook, not an async one: an async hook costs
  // a promise and a microtask turn on every request (perf, bench/results/).
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    done(null, payload);
  });

  const catalog = new CatalogCache(db);
  await catalog.reload();
  catalog.startPolling(opts.pollMs ?? 1000, (err) => app.log.warn({ err }, 'catalog refresh failed'));
  app.addHook('onClose', async () => catalog.stopPolling());
  // Working-day overrides (holidays the package does not know), followed like the catalog: revision + poll.
  const calendar = new CalendarCache(db);
  await calendar.reload();
  calendar.startPolling(opts.pollMs ?? 1000, (err) => app.log.warn({ err }, 'calendar refresh failed'));
  app.addHook('onClose', async () => calendar.stopPolling());
  // The search index builds in the background and follows every catalog reload; queries wait for it.
  const search = startSearch(catalog, db, (err) => app.log.error({ err }, 'search index build failed'), opts.pollMs ?? 1000);
  app.addHook('onReady', async () => search.start());
  app.addHook('onClose', async () => search.stop());
  // Delivers notifications and webhook calls written by committed transactions (durable: the rows are the queue).
  // E-mail through SMTP (or the dev mailbox) and SMS through the configured provider.
  const channels = createChannels(db, config.messages, (line) => app.log.info(line));
  app.addHook('onClose', async () => channels.mail.close());
  const messages = messageDelivery({
    db, channels, publicUrl: config.messages.publicUrl,
    serviceName: (code) => catalog.summary(code)?.name,
  }, enqueue);
  const outbox = startOutboxWorker(db, () => catalog.org, {
    intervalMs: opts.pollMs ?? 1000, onError: (err) => app.log.warn({ err }, 'outbox delivery failed'),
    onNotification: messages.onNotification, handlers: messages.handlers,
  });
  app.addHook('onClose', async () => outbox.stop());

  // gzip/brotli for clients that ask (browsers); load tools that do not ask get plain bytes.
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'OneStop API', version: '1', description: 'OneStop (一站通) university service hall. Errors are RFC 9457 problem+json with a stable `code`.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'onestop_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSession(app, db);
  registerMetrics(app, catalog);
  healthRoutes(app, handle);
  catalogRoutes(app, catalog);
  searchRoutes(app, search.search, db);
  kbRoutes(app, db, catalog, search.search);
  kbAdminRoutes(app, db, catalog, search.kb);
  searchAdminRoutes(app, db, search.kb);
  catalogAdminRoutes(app, db, catalog);
  authRoutes(app, db, config, catalog);
  meRoutes(app, db, catalog);
  workflowRoutes(app, db, catalog, calendar, outbox);
  workflowAdminRoutes(app, db, catalog);
  uploadRoutes(app, db, catalog, config.dataDir);
  assistantRoutes(app, db, catalog, search.search, config.assistant);
  navigatorRoutes(app, db, catalog);
  calendarRoutes(app, { db, calendar, org: () => catalog.org });
  notifyRoutes(app, db, channels);

  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST, wildcard: false, index: false,
      setHeaders: (reply, file) => {
        reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const indexHtml = hasWeb ? fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8') : null;
  const indexPolicy = indexHtml ? pagePolicy(indexHtml) : '';
  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    if (request.method === 'GET' && indexHtml && !url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(url.split('?')[0]!)) {
      // Client-side routes (/, /services/…, /admin …) all get the single-page app.
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache')
        .header('content-security-policy', indexPolicy).send(indexHtml);
    }
    return sendProblem(reply, request, new AppError('not_found'));
  });
  return { app, catalog };
}
