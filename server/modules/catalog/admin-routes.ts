// Catalog administration: drafts, review, publication, retirement, history, Excel import/export.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { ServiceItemContent } from '../../../common/catalog.ts';
import type { Db } from '../../db/index.ts';
import { AppError, requestLang } from '../../http/errors.ts';
import { requireActor } from '../../http/session.ts';
import type { Actor } from '../auth/actor.ts';
import type { CatalogCache } from './cache.ts';
import { canEditItem, canPublishItem, canSeeAdminCatalog } from './policy.ts';
import { listItemsForAdmin, listVersions } from './repo.ts';
import * as svc from './service.ts';
import { exportCatalogXlsx, importCatalogXlsx } from './excel.ts';

const Code = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$' });
const CodeParams = Type.Object({ code: Code });
const Comment = Type.String({ minLength: 1, maxLength: 2000 });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function requireCatalogAdmin(actor: Actor) {
  if (!canSeeAdminCatalog(actor)) throw new AppError('forbidden');
}

export function catalogAdminRoutes(app: FastifyInstance, db: Db, catalog: CatalogCache) {
  const tags = ['catalog admin'];
  const afterPublish = () => catalog.reload();

  app.get<{ Querystring: { state?: string; q?: string } }>('/api/v1/admin/services', {
    schema: {
      tags, summary: 'Items the signed-in person may manage',
      querystring: Type.Object({
        state: Type.Optional(Type.Union(['draft', 'in_review', 'published', 'retired'].map((s) => Type.Literal(s)))),
        q: Type.Optional(Type.String({ maxLength: 100 })),
        lang: Type.Optional(Type.String()),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    const actor = requireActor(request);
    requireCatalogAdmin(actor);
    const org = catalog.org;
    const seesAll = actor.roles.some((g) => (g.role === 'hall_manager' || g.role === 'system_admin') && g.scope === 'school');
    const departments = seesAll ? null : [...org.units.keys()].filter((u) => canEditItem(actor, u, org) || canPublishItem(actor, u, org));
    const rows = await listItemsForAdmin(db, departments);
    const q = request.query.q?.toLowerCase();
    const items = rows.map((r) => {
      const content = JSON.parse(r.draft_content ?? r.published_content ?? '{}');
      return {
        code: r.code, name: content.name ?? { zh: r.code, en: r.code }, department: org.unitName(r.department_code),
        retired: r.retired === 1, publishedVersion: r.published_version,
        draft: r.draft_version === null ? null : { version: r.draft_version, state: r.draft_state },
        updatedAt: r.updated_at,
      };
    }).filter((i) => {
      const s = request.query.state;
      if (s === 'retired' && !i.retired) return false;
      if (s === 'published' && (i.retired || i.publishedVersion === null)) return false;
      if ((s === 'draft' || s === 'in_review') && i.draft?.state !== s) return false;
      return !q || `${i.code}\n${i.name.zh}\n${i.name.en}`.toLowerCase().includes(q);
    });
    return { items, total: items.length };
  });

  app.post<{ Body: { code: string; content: Static<typeof ServiceItemContent> } }>('/api/v1/admin/services', {
    schema: { tags, summary: 'Create a service item (draft version 1)', body: Type.Object({ code: Code, content: ServiceItemContent }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const out = await svc.createItem(db, catalog.org, actor, request.body.code, request.body.content, requestLang(request));
    return reply.code(201).send(out);
  });

  app.get<{ Params: Static<typeof CodeParams> }>('/api/v1/admin/services/:code', {
    schema: { tags, summary: 'An item with its draft, its published version and its history', params: CodeParams },
  }, async (request) => {
    const actor = requireActor(request);
    const item = await svc.loadEditable(db, catalog.org, actor, request.params.code);
    const versions = await listVersions(db, item.id);
    const pick = async (v: number | null) => (v === null ? null : svc.getVersion(db, catalog.org, actor, item.code, v));
    const [draft, published] = await Promise.all([pick(item.draft_version), pick(item.published_version)]);
    return {
      code: item.code, department: catalog.org.unitName(item.department_code), retired: item.retired === 1,
      canEdit: canEditItem(actor, item.department_code, catalog.org),
      canPublish: canPublishItem(actor, item.department_code, catalog.org),
      versions: versions.map((v) => ({
        version: v.version, state: v.state, createdAt: v.created_at, createdBy: v.created_by_name, submittedAt: v.submitted_at,
        decidedAt: v.decided_at, decidedBy: v.decided_by_name, comment: v.comment,
      })),
      draft, published: published && { version: published.version, content: published.content },
    };
  });

  app.put<{ Params: Static<typeof CodeParams>; Body: { content: Static<typeof ServiceItemContent> } }>('/api/v1/admin/services/:code/draft', {
    schema: { tags, summary: 'Save the draft (made from the published version when there is none)', params: CodeParams, body: Type.Object({ content: ServiceItemContent }, { additionalProperties: false }) },
  }, async (request) => svc.saveDraft(db, catalog.org, requireActor(request), request.params.code, request.body.content, requestLang(request)));

  app.post<{ Params: Static<typeof CodeParams> }>('/api/v1/admin/services/:code/submit', {
    schema: { tags, summary: 'Submit the draft for review', params: CodeParams },
  }, async (request) => svc.submitDraft(db, catalog.org, requireActor(request), request.params.code));

  app.post<{ Params: Static<typeof CodeParams>; Body: { comment?: string } }>('/api/v1/admin/services/:code/publish', {
    schema: { tags, summary: 'Publish the version in review (hall manager)', params: CodeParams, body: Type.Object({ comment: Type.Optional(Comment) }, { additionalProperties: false }) },
  }, async (request) => {
    const out = await svc.publishDraft(db, catalog.org, requireActor(request), request.params.code, request.body?.comment ?? null);
    await afterPublish();
    return out;
  });

  app.post<{ Params: Static<typeof CodeParams>; Body: { comment: string } }>('/api/v1/admin/services/:code/reject', {
    schema: { tags, summary: 'Send the version in review back to draft with a comment', params: CodeParams, body: Type.Object({ comment: Comment }, { additionalProperties: false }) },
  }, async (request) => svc.rejectDraft(db, catalog.org, requireActor(request), request.params.code, request.body.comment));

  app.post<{ Params: Static<typeof CodeParams>; Body: { reason: string } }>('/api/v1/admin/services/:code/retire', {
    schema: { tags, summary: 'Retire an item: hidden from the portal, history kept', params: CodeParams, body: Type.Object({ reason: Comment }, { additionalProperties: false }) },
  }, async (request) => {
    const out = await svc.retireItem(db, catalog.org, requireActor(request), request.params.code, request.body.reason);
    await afterPublish();
    return out;
  });

  const VersionParams = Type.Object({ code: Code, version: Type.Integer({ minimum: 1 }) });
  app.get<{ Params: Static<typeof VersionParams> }>('/api/v1/admin/services/:code/versions/:version', {
    schema: { tags, summary: 'One version of an item', params: VersionParams },
  }, async (request) => svc.getVersion(db, catalog.org, requireActor(request), request.params.code, request.params.version));

  const DiffQuery = Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }), lang: Type.Optional(Type.String()) }, { additionalProperties: false });
  app.get<{ Params: Static<typeof CodeParams>; Querystring: Static<typeof DiffQuery> }>('/api/v1/admin/services/:code/diff', {
    schema: { tags, summary: 'Field-by-field differences between two versions', params: CodeParams, querystring: DiffQuery },
  }, async (request) => svc.diffVersions(db, catalog.org, requireActor(request), request.params.code, request.query.from, request.query.to));

  app.get('/api/v1/admin/catalog/export', {
    schema: { tags, summary: 'The published catalog as an Excel workbook (the import template)' },
  }, async (request, reply) => {
    const actor = requireActor(request);
    requireCatalogAdmin(actor);
    const buf = await exportCatalogXlsx(db);
    return reply.type(XLSX).header('content-disposition', 'attachment; filename="onestop-catalog.xlsx"').send(buf);
  });

  app.post<{ Body: Buffer; Querystring: { publish?: boolean } }>('/api/v1/admin/catalog/import', {
    bodyLimit: 20 * 1024 * 1024,
    schema: {
      tags, summary: 'Import an Excel workbook; all rows or none',
      querystring: Type.Object({ publish: Type.Optional(Type.Boolean()), lang: Type.Optional(Type.String()) }, { additionalProperties: false }),
      consumes: [XLSX],
    },
  }, async (request) => {
    const actor = requireActor(request);
    requireCatalogAdmin(actor);
    const publish = request.query.publish === true;
    const result = await importCatalogXlsx(db, catalog.org, actor, request.body, { publish, lang: requestLang(request), source: 'upload' });
    if (publish) await afterPublish();
    return result;
  });
}
