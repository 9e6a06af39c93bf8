// Resolves the session cookie to an Actor and enforces CSRF on state-changing requests.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { loadActorBySession } from '../modules/auth/repo.ts';
import { sessionIdOf } from '../modules/auth/service.ts';
import { nowIso } from '../clock.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'onestop_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerSession(app: FastifyInstance, db: Db) {
  app.decorateRequest('actor', null);
  // Callback-style so that the common anonymous request (no cookie) returns at once without creating
  // a promise; only requests that carry the session cookie go to the database.
  app.addHook('preHandler', (request, _reply, done) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return done();
    loadActorBySession(db, sessionIdOf(token), nowIso()).then((actor) => {
      request.actor = actor ?? null;
      // CSRF: a request carrying our session cookie must also carry the session's token in a header,
      // which a cross-site form or image cannot set.
      if (request.actor && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.actor.csrfToken) {
        done(new AppError('csrf_failed'));
      } else {
        done();
      }
    }, done);
  });
}

/** The signed-in actor, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
