// The signed-in person's own things: preferences (language, elder-friendly mode) and favourites.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/index.ts';
import { requireActor } from '../../http/session.ts';
import { AppError } from '../../http/errors.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import { recordAudit } from '../audit/service.ts';
import { nowIso } from '../../clock.ts';

const Prefs = Type.Object({
  elderMode: Type.Optional(Type.Boolean()),
  locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
}, { additionalProperties: false });
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' }) });

export function meRoutes(app: FastifyInstance, db: Db, catalog: CatalogCache) {
  const tags = ['me'];
  app.put<{ Body: Static<typeof Prefs> }>('/api/v1/me/preferences', {
    schema: { tags, summary: 'Remember language and elder-friendly mode for this person', body: Prefs },
  }, async (request) => {
    const actor = requireActor(request);
    const { elderMode, locale } = request.body;
    // Only the fields sent are written: two quick changes (language, then elder mode) must not let the
    // second request write back the language it read before the first one committed.
    return db.transaction().execute(async (trx) => {
      await trx.updateTable('person').set({
        ...(elderMode === undefined ? {} : { elder_mode: elderMode ? 1 : 0 }),
        ...(locale === undefined ? {} : { locale }),
        preferences_saved_at: nowIso(),
      }).where('id', '=', actor.id).execute();
      await recordAudit(trx, { actorId: actor.id, action: 'person.preferences', entity: 'person', entityId: actor.id, detail: request.body });
      const row = await trx.selectFrom('person').select(['elder_mode', 'locale']).where('id', '=', actor.id).executeTakeFirstOrThrow();
      return { elderMode: row.elder_mode === 1, locale: row.locale === 'en' ? 'en' : 'zh-CN' };
    });
  });

  app.get('/api/v1/me/favorites', { schema: { tags, summary: 'My favourite services (published ones)' } }, async (request) => {
    const actor = requireActor(request);
    const rows = await db.selectFrom('favorite').innerJoin('service_item', 'service_item.id', 'favorite.item_id')
      .select(['service_item.code']).where('favorite.person_id', '=', actor.id).orderBy('favorite.created_at', 'desc').execute();
    return { items: rows.map((r) => catalog.summary(r.code)).filter((s) => s !== undefined) };
  });

  app.put<{ Params: Static<typeof CodeParams> }>('/api/v1/me/favorites/:code', {
    schema: { tags, summary: 'Star a service', params: CodeParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    if (!catalog.published(request.params.code)) throw new AppError('service_not_found', { code: request.params.code });
    await db.transaction().execute(async (trx) => {
      const item = await trx.selectFrom('service_item').select('id').where('code', '=', request.params.code).executeTakeFirstOrThrow();
      const res = await trx.insertInto('favorite').values({ person_id: actor.id, item_id: item.id, created_at: nowIso() })
        .onConflict((oc) => oc.columns(['person_id', 'item_id']).doNothing()).executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return;
      await recordAudit(trx, { actorId: actor.id, action: 'favorite.add', entity: 'service_item', entityId: request.params.code });
    });
    return reply.code(204).send();
  });

  app.delete<{ Params: Static<typeof CodeParams> }>('/api/v1/me/favorites/:code', {
    schema: { tags, summary: 'Unstar a service', params: CodeParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    await db.transaction().execute(async (trx) => {
      const item = await trx.selectFrom('service_item').select('id').where('code', '=', request.params.code).executeTakeFirst();
      if (!item) throw new AppError('service_not_found', { code: request.params.code });
      const res = await trx.deleteFrom('favorite').where('person_id', '=', actor.id).where('item_id', '=', item.id).executeTakeFirst();
      if (Number(res.numDeletedRows) > 0) await recordAudit(trx, { actorId: actor.id, action: 'favorite.remove', entity: 'service_item', entityId: request.params.code });
    });
    return reply.code(204).send();
  });
}
