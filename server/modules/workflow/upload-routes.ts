// File uploads for form fields: the raw bytes as the request body, the type sniffed from the content.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/index.ts';
import { AppError, requestLang } from '../../http/errors.ts';
import { requireActor } from '../../http/session.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import { findVisibleCase } from './repo.ts';
import { loadDefinitions, matcherFor } from './service.ts';
import { fileRefs, findFileField, findUpload, MAX_UPLOAD_BYTES, readUpload, storeUpload } from './uploads.ts';

const Code = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' });
const Id = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });
const UploadOut = Type.Object({ id: Type.String(), name: Type.String(), mime: Type.String(), size: Type.Integer(), sha256: Type.String() });

export function uploadRoutes(app: FastifyInstance, db: Db, catalog: CatalogCache, dataDir: string) {
  const tags = ['applications'];

  // Its own context: every content type arrives as bytes here, and only here.
  app.register(async (sub) => {
    sub.removeAllContentTypeParsers();
    sub.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
    const Query = Type.Object({
      service: Code,
      field: Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,39}(\\.[A-Za-z_][A-Za-z0-9_]{0,39})?$', description: 'file field key, or "table.column"' }),
      name: Type.Optional(Type.String({ maxLength: 200, description: 'the original file name (shown only; the type comes from the content)' })),
      lang: Type.Optional(Type.String()),
    }, { additionalProperties: false });
    sub.post<{ Querystring: Static<typeof Query>; Body: Buffer }>('/api/v1/uploads', {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags, summary: `Upload a file for a file field (raw bytes as the body, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB); the type is sniffed from the content and checked against the field's allow-list`,
        querystring: Query, response: { 201: UploadOut },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const { service, field, name } = request.query;
      if (!catalog.published(service)) throw new AppError('service_not_found', { code: service });
      const defs = await loadDefinitions(db, service);
      if (!defs) throw new AppError('service_not_online', { code: service });
      const f = findFileField(defs.form.definition, field);
      const lang = requestLang(request);
      if (!f) throw new AppError('validation_failed', {}, [{ path: 'querystring:/field', message: lang === 'en' ? 'not a file field of this form' : '不是该表单的文件字段' }]);
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return reply.code(201).send(await storeUpload(db, dataDir, actor.id, f, name ?? 'file', body, lang));
    });
  });

  const send = (reply: import('fastify').FastifyReply, u: { mime: string; name: string; sha256: string; size: number }) =>
    reply.type(u.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(u.name)}`)
      .header('cache-control', 'private, max-age=3600').send(readUpload(dataDir, u.sha256));

  app.get<{ Params: { id: string } }>('/api/v1/uploads/:id', {
    schema: { tags, summary: 'One of my uploads (for preview)', params: Type.Object({ id: Id }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const u = await findUpload(db, request.params.id);
    if (!u || u.person_id !== actor.id) throw new AppError('not_found');
    return send(reply, u);
  });

  app.get<{ Params: { id: string; uploadId: string } }>('/api/v1/cases/:id/files/:uploadId', {
    schema: { tags, summary: 'A file attached to a case, for whoever may see the case', params: Type.Object({ id: Id, uploadId: Id }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const row = await findVisibleCase(db, request.params.id, await matcherFor(db, catalog, actor));
    if (!row) throw new AppError('case_not_found');
    const defs = await loadDefinitions(db, row.service_code, { form: row.form_version, process: row.process_version });
    const referenced = defs && fileRefs(defs.form.definition, JSON.parse(row.data)).some((r) => r.id === request.params.uploadId);
    const u = referenced ? await findUpload(db, request.params.uploadId) : undefined;
    if (!u) throw new AppError('not_found');
    return send(reply, u);
  });
}
