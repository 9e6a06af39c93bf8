// Knowledge-base administration: FAQs (draft → review → published → retired), the search backlog, notices.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { BacklogResolution, FAQ_STATES, FaqContent, FaqId, NoticeContent } from '../../../common/kb.ts';
import type { Db } from '../../db/index.ts';
import { AppError, requestLang } from '../../http/errors.ts';
import { requireActor } from '../../http/session.ts';
import type { Actor } from '../auth/actor.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import type { KbSearchFeed } from '../search/service.ts';
import { canEditFaq, canManageNotices, canPublishFaq, canSeeAdminKb } from './policy.ts';
import { presentAdminFaq, presentAdminNotice, presentBacklog, presentFaqContent } from './present.ts';
import * as repo from './repo.ts';
import * as svc from './service.ts';
import { exportFaqFile, importFaqFile } from './files.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSONL = 'application/jsonl';

const Lang = Type.Optional(Type.String());
const IdParams = Type.Object({ id: FaqId });
const UuidParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });
const Comment = Type.Object({ comment: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, { additionalProperties: false });

/** The comment is optional, and so is the body that carries it. */
function emptyBodyAsObject(request: FastifyRequest, _reply: unknown, done: () => void) {
  if (request.body === undefined) request.body = {};
  done();
}

function requireKbAdmin(actor: Actor) {
  if (!canSeeAdminKb(actor)) throw new AppError('forbidden');
}

export function kbAdminRoutes(app: FastifyInstance, db: Db, catalog: CatalogCache, kb: KbSearchFeed) {
  const tags = ['knowledge base admin'];
  // a change that the public sees is searchable in this process at once, in others within a poll
  const afterChange = async <T>(out: T): Promise<T> => { await kb.refresh(); return out; };

  /** Whose FAQs the person manages: those they may edit or publish. */
  const scopeOf = (actor: Actor): repo.FaqScope => {
    const org = catalog.org;
    const seesAll = actor.roles.some((g) => (g.role === 'hall_manager' || g.role === 'system_admin') && g.scope === 'school');
    return {
      departments: seesAll ? null : [...org.units.keys()].filter((u) => canEditFaq(actor, u, org) || canPublishFaq(actor, u, org)),
      withUnowned: canEditFaq(actor, null, org) || canPublishFaq(actor, null, org),
    };
  };

  const ListQuery = Type.Object({
    state: Type.Optional(Type.Union(FAQ_STATES.map((s) => Type.Literal(s)))),
    category: Type.Optional(Type.String({ maxLength: 40 })),
    lang: Lang,
  }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof ListQuery> }>('/api/v1/admin/kb/faqs', {
    schema: { tags, summary: 'FAQs the signed-in person may manage (newest change first, at most 1000)', querystring: ListQuery },
  }, async (request) => {
    const actor = requireActor(request);
    requireKbAdmin(actor);
    const rows = await repo.listFaqsForAdmin(db, { ...scopeOf(actor), state: request.query.state, category: request.query.category });
    return { items: rows.map(presentAdminFaq), total: rows.length };
  });

  app.post<{ Body: { id: string; content: Static<typeof FaqContent> } }>('/api/v1/admin/kb/faqs', {
    schema: { tags, summary: 'Create a FAQ (a draft)', body: Type.Object({ id: FaqId, content: FaqContent }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const out = await svc.createFaq(db, catalog.org, requireActor(request), request.body.id, request.body.content, requestLang(request));
    return reply.code(201).send(out);
  });

  const ExportQuery = Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('jsonl')], { default: 'xlsx' }), lang: Lang }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof ExportQuery> }>('/api/v1/admin/kb/faqs/export', {
    schema: { tags, summary: 'The FAQs one manages (not retired) as an Excel workbook or JSON Lines: the import format', querystring: ExportQuery },
  }, async (request, reply) => {
    const actor = requireActor(request);
    requireKbAdmin(actor);
    const name = `onestop-faq.${request.query.format}`;
    const bytes = await exportFaqFile(db, name, scopeOf(actor));
    return reply.type(request.query.format === 'xlsx' ? XLSX : `${JSONL}; charset=utf-8`).header('content-disposition', `attachment; filename="${name}"`).send(bytes);
  });

  const ImportQuery = Type.Object({ publish: Type.Optional(Type.Boolean()), lang: Lang }, { additionalProperties: false });
  app.post<{ Body: Buffer; Querystring: Static<typeof ImportQuery> }>('/api/v1/admin/kb/faqs/import', {
    bodyLimit: 20 * 1024 * 1024,
    schema: { tags, summary: 'Import FAQs from a workbook or JSON Lines (same ids update); all records or none', querystring: ImportQuery, consumes: [XLSX, JSONL] },
  }, async (request) => {
    const actor = requireActor(request);
    requireKbAdmin(actor);
    const publish = request.query.publish === true;
    const org = catalog.org;
    // publishing at once is for those who publish (hall managers, system admins); the rows then say whose FAQs
    if (publish && !actor.roles.some((g) => g.role === 'hall_manager' || g.role === 'system_admin')) throw new AppError('forbidden');
    const xlsx = (request.headers['content-type'] ?? '').startsWith(XLSX);
    const result = await importFaqFile(db, xlsx ? 'upload.xlsx' : 'upload.jsonl', request.body, {
      publish, actorId: actor.id, source: 'upload', lang: requestLang(request), reviewChanges: !publish,
      // publishing at once: whoever may publish a department's FAQs vouches for the file's content, audited
      mayManage: (owner) => (publish ? canPublishFaq(actor, owner, org) : canEditFaq(actor, owner, org)),
    });
    return afterChange(result);
  });

  app.get<{ Params: Static<typeof IdParams> }>('/api/v1/admin/kb/faqs/:id', {
    schema: { tags, summary: 'One FAQ with its content, state and counters', params: IdParams, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }) },
  }, async (request) => {
    const actor = requireActor(request);
    const f = await svc.loadManageable(db, catalog.org, actor, request.params.id);
    return {
      ...presentAdminFaq(f), content: presentFaqContent(f),
      canEdit: canEditFaq(actor, f.owner_department, catalog.org), canPublish: canPublishFaq(actor, f.owner_department, catalog.org),
    };
  });

  app.put<{ Params: Static<typeof IdParams>; Body: { content: Static<typeof FaqContent> } }>('/api/v1/admin/kb/faqs/:id', {
    schema: { tags, summary: 'Save new content (the FAQ goes back to draft until published again)', params: IdParams, body: Type.Object({ content: FaqContent }, { additionalProperties: false }) },
  }, async (request) => afterChange(await svc.saveFaq(db, catalog.org, requireActor(request), request.params.id, request.body.content, requestLang(request))));

  for (const step of ['submit', 'publish', 'reject', 'retire'] as const) {
    app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof Comment> | undefined }>(`/api/v1/admin/kb/faqs/:id/${step}`, {
      schema: { tags, summary: `${step} a FAQ${step === 'submit' ? ' for review' : ' (hall manager)'}`, params: IdParams, body: Comment },
      preValidation: emptyBodyAsObject,
    }, async (request) => afterChange(await svc.moveFaq(db, catalog.org, requireActor(request), request.params.id, step, request.body?.comment ?? null)));
  }

  const BacklogQuery = Type.Object({ status: Type.Union([Type.Literal('open'), Type.Literal('done')], { default: 'open' }), lang: Lang }, { additionalProperties: false });
  app.get<{ Querystring: Static<typeof BacklogQuery> }>('/api/v1/admin/kb/backlog', {
    schema: { tags, summary: 'Queries with no result, no click or a "not helpful" vote, most frequent first', querystring: BacklogQuery },
  }, async (request) => {
    requireKbAdmin(requireActor(request));
    const rows = await repo.listBacklog(db, request.query.status);
    return { items: rows.map(presentBacklog) };
  });

  app.post<{ Params: Static<typeof UuidParams>; Body: Static<typeof BacklogResolution> }>('/api/v1/admin/kb/backlog/:id/resolve', {
    schema: { tags, summary: 'Close a backlog entry: a new FAQ draft, an alias on an existing FAQ, or dismiss', params: UuidParams, body: BacklogResolution },
  }, async (request) => afterChange(await svc.resolveBacklog(db, catalog.org, requireActor(request), request.params.id, request.body, requestLang(request))));

  app.get('/api/v1/admin/notices', {
    schema: { tags, summary: 'Every notice (hall managers)', querystring: Type.Object({ lang: Lang }, { additionalProperties: false }) },
  }, async (request) => {
    if (!canManageNotices(requireActor(request), catalog.org)) throw new AppError('forbidden');
    return { items: (await repo.listNotices(db)).map(presentAdminNotice) };
  });

  app.post<{ Body: { content: Static<typeof NoticeContent> } }>('/api/v1/admin/notices', {
    schema: { tags, summary: 'Create a notice (a draft)', body: Type.Object({ content: NoticeContent }, { additionalProperties: false }) },
  }, async (request, reply) => reply.code(201).send(await svc.createNotice(db, catalog.org, requireActor(request), request.body.content, requestLang(request))));

  app.put<{ Params: Static<typeof UuidParams>; Body: { content: Static<typeof NoticeContent> } }>('/api/v1/admin/notices/:id', {
    schema: { tags, summary: 'Edit a notice', params: UuidParams, body: Type.Object({ content: NoticeContent }, { additionalProperties: false }) },
  }, async (request) => afterChange(await svc.saveNotice(db, catalog.org, requireActor(request), request.params.id, request.body.content, requestLang(request))));

  for (const step of ['publish', 'retire'] as const) {
    app.post<{ Params: Static<typeof UuidParams> }>(`/api/v1/admin/notices/:id/${step}`, {
      schema: { tags, summary: `${step} a notice`, params: UuidParams },
    }, async (request) => afterChange(await svc.moveNotice(db, catalog.org, requireActor(request), request.params.id, step)));
  }

  app.delete<{ Params: Static<typeof UuidParams> }>('/api/v1/admin/notices/:id', {
    schema: { tags, summary: 'Delete a draft notice', params: UuidParams },
  }, async (request, reply) => {
    await svc.deleteNotice(db, catalog.org, requireActor(request), request.params.id);
    return reply.code(204).send();
  });
}
