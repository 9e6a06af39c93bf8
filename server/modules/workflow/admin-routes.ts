// Department admins' side of online applications: the versioned form and process of a service.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { FormDefinition } from '../../../common/form.ts';
import { ProcessDefinitionSchema } from '../../../common/process.ts';
import type { Db } from '../../db/index.ts';
import { requireActor } from '../../http/session.ts';
import { requestLang } from '../../http/errors.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import type { ProcessDefinition } from './definition.ts';
import * as defs from './definitions.ts';

const Code = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$' });
const Params = Type.Object({ code: Code });

export function workflowAdminRoutes(app: FastifyInstance, db: Db, catalog: CatalogCache) {
  const deps = { db, catalog };
  const tags = ['applications admin'];

  app.get<{ Params: Static<typeof Params> }>('/api/v1/admin/services/:code/process', {
    schema: { tags, summary: 'The current form and process of a service, lint findings, and every version', params: Params },
  }, async (request) => defs.definitionHistory(deps, requireActor(request), request.params.code, requestLang(request)));

  const Body = Type.Object({
    form: FormDefinition, process: ProcessDefinitionSchema,
    expectedVersions: Type.Optional(Type.Object({ form: Type.Integer({ minimum: 0 }), process: Type.Integer({ minimum: 0 }) }, {
      additionalProperties: false, description: 'The form and process versions the editor started from; if either is no longer current, 409 definition_changed and nothing is published',
    })),
  }, { additionalProperties: false });
  const Query = Type.Object({ dryRun: Type.Optional(Type.Boolean()), lang: Type.Optional(Type.String()) }, { additionalProperties: false });
  app.put<{ Params: Static<typeof Params>; Body: Static<typeof Body>; Querystring: Static<typeof Query> }>('/api/v1/admin/services/:code/process', {
    schema: {
      tags, summary: 'Publish a new form + process version pair (lint errors refuse it; ?dryRun=true only lints). Running cases keep their versions.',
      params: Params, body: Body, querystring: Query,
    },
  }, async (request) => defs.saveDefinitions(deps, requireActor(request), request.params.code, request.body.form,
    request.body.process as ProcessDefinition, request.query.dryRun === true, requestLang(request), request.body.expectedVersions));

  const DiffQuery = Type.Object({
    kind: Type.Union([Type.Literal('form'), Type.Literal('process')]), from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }),
    lang: Type.Optional(Type.String()),
  }, { additionalProperties: false });
  app.get<{ Params: Static<typeof Params>; Querystring: Static<typeof DiffQuery> }>('/api/v1/admin/services/:code/process/diff', {
    schema: { tags, summary: 'Field-by-field differences between two versions of the form or the process', params: Params, querystring: DiffQuery },
  }, async (request) => defs.diffDefinitions(deps, requireActor(request), request.params.code, request.query.kind, request.query.from, request.query.to));
}
