// The working-day calendar over HTTP (hall managers and system admins): a year's merged view, bulk changes.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN, CalendarChanges, CalendarYear } from '../../../common/calendar.ts';
import { requestLang } from '../../http/errors.ts';
import { requireActor } from '../../http/session.ts';
import * as svc from './service.ts';

const YearParams = Type.Object({ year: Type.Integer({ minimum: CALENDAR_YEAR_MIN, maximum: CALENDAR_YEAR_MAX }) });
const Lang = Type.Object({ lang: Type.Optional(Type.String()) }, { additionalProperties: false });

export function calendarRoutes(app: FastifyInstance, deps: svc.CalendarDeps) {
  const tags = ['working-day calendar'];

  app.get<{ Params: Static<typeof YearParams> }>('/api/v1/admin/calendar/:year', {
    schema: {
      tags, params: YearParams, querystring: Lang, response: { 200: CalendarYear },
      summary: 'Every date of a year: working day or not, from an override, the official holidays and 调休 make-up days (chinese-days), or the plain week',
      description: '`packageHasData: false` means the official arrangement of the year is not known yet: every weekday counts as a working day unless an override says otherwise.',
    },
  }, async (request) => svc.yearView(deps, requireActor(request), request.params.year));

  app.post<{ Body: CalendarChanges }>('/api/v1/admin/calendar/overrides', {
    schema: {
      tags, body: CalendarChanges, querystring: Lang,
      summary: 'Add, replace and remove overrides at once (all or nothing, audited); open tasks\' due dates follow',
      response: { 200: Type.Object({ set: Type.Integer(), removed: Type.Integer(), rescheduledTasks: Type.Integer() }) },
    },
  }, async (request) => svc.changeOverrides(deps, requireActor(request), request.body, requestLang(request)));
}
