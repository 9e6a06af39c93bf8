// Guided navigation over HTTP: public trees and walk results; hall managers replace a tree.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { LifeEventCode, NavigatorTree } from '../../../common/assistant.ts';
import type { Db } from '../../db/index.ts';
import { AppError } from '../../http/errors.ts';
import { requireActor } from '../../http/session.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import { canEditNavigator } from './policy.ts';
import { listTrees } from './repo.ts';
import * as svc from './service.ts';

const Params = Type.Object({ lifeEvent: LifeEventCode });
const Lang = Type.Optional(Type.String());
// choices as "0.2.1": the option picked at each question from the start
const ResultQuery = Type.Object({ choices: Type.String({ pattern: '^(\\d{1,2}(\\.\\d{1,2}){0,49})?$' }), lang: Lang }, { additionalProperties: false });

export function navigatorRoutes(app: FastifyInstance, db: Db, catalog: CatalogCache) {
  const tags = ['guided navigation'];

  app.get('/api/v1/navigator', {
    schema: { tags, summary: 'The life events with a question tree', querystring: Type.Object({ lang: Lang }, { additionalProperties: false }) },
  }, async () => {
    const rows = await listTrees(db);
    return {
      items: rows.map((r) => {
        const t = JSON.parse(r.tree) as NavigatorTree;
        return { lifeEvent: r.life_event, title: t.title, intro: t.intro };
      }),
    };
  });

  app.get<{ Params: Static<typeof Params> }>('/api/v1/navigator/:lifeEvent', {
    schema: { tags, summary: 'One life event\'s question tree', params: Params, querystring: Type.Object({ lang: Lang }, { additionalProperties: false }) },
  }, async (request) => {
    const { tree, version, updatedAt } = await svc.loadTree(db, request.params.lifeEvent);
    return { ...tree, version, updatedAt };
  });

  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof ResultQuery> }>('/api/v1/navigator/:lifeEvent/result', {
    schema: {
      tags, params: Params, querystring: ResultQuery,
      summary: 'The end of a walk: the services to apply for and one merged materials checklist',
      description: '`choices` lists the option picked at each question from the start, separated by dots (e.g. `0.1.0`).',
    },
  }, async (request) => {
    const choices = request.query.choices === '' ? [] : request.query.choices.split('.').map(Number);
    return svc.walkResult(db, catalog, request.params.lifeEvent, choices);
  });

  app.put<{ Params: Static<typeof Params>; Body: NavigatorTree }>('/api/v1/admin/navigator/:lifeEvent', {
    schema: {
      tags: ['guided navigation admin'], params: Params, body: NavigatorTree,
      summary: 'Replace a life event\'s question tree (hall managers): every branch must end, no cycles, services published',
    },
  }, async (request) => {
    const actor = requireActor(request);
    const { version } = await svc.replaceTree(db, catalog, actor, request.params.lifeEvent, request.body);
    return { lifeEvent: request.params.lifeEvent, version };
  });

  app.get('/api/v1/admin/navigator', {
    schema: { tags: ['guided navigation admin'], summary: 'Every tree with its version (hall managers)', querystring: Type.Object({ lang: Lang }, { additionalProperties: false }) },
  }, async (request) => {
    const actor = requireActor(request);
    if (!canEditNavigator(actor)) throw new AppError('forbidden');
    const rows = await listTrees(db);
    return { items: rows.map((r) => ({ lifeEvent: r.life_event, version: r.version, updatedAt: r.updated_at, tree: JSON.parse(r.tree) as NavigatorTree })) };
  });
}
