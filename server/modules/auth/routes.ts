// Sign in, sign out, who am I, and the demo accounts list.
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/index.ts';
import type { Config } from '../../config.ts';
import { SESSION_COOKIE, requireActor } from '../../http/session.ts';
import type { CatalogCache } from '../catalog/cache.ts';
import { people } from '../../../demo/people.ts';
import { DEMO_PASSWORD } from '../../seed.ts';
import { login, logout, SESSION_HOURS } from './service.ts';
import { presentMe } from './present.ts';
import { loadActorBySession } from './repo.ts';
import { sessionIdOf } from './service.ts';
import { nowIso } from '../../clock.ts';

const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
}, { additionalProperties: false });

export function authRoutes(app: FastifyInstance, db: Db, config: Config, catalog: CatalogCache) {
  const tags = ['auth'];
  app.post<{ Body: Static<typeof LoginBody> }>('/api/v1/auth/login', {
    // Counted per address and account after the body is parsed, so guessing one account's password
    // is slowed without locking everyone behind a campus NAT out.
    config: {
      rateLimit: {
        max: config.loginRateLimit, timeWindow: '1 minute', hook: 'preHandler',
        keyGenerator: (request) => `${request.ip}|${String((request.body as { username?: string } | undefined)?.username ?? '').toLowerCase()}`,
      },
    },
    schema: { tags, summary: 'Sign in with a local account; sets the session cookie', body: LoginBody },
  }, async (request, reply) => {
    const { token } = await login(db, request.body.username, request.body.password, { ip: request.ip });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: SESSION_HOURS * 3600,
    });
    const actor = (await loadActorBySession(db, sessionIdOf(token), nowIso()))!;
    return { user: presentMe(actor, catalog.org), csrfToken: actor.csrfToken };
  });

  app.post('/api/v1/auth/logout', { schema: { tags, summary: 'Sign out' } }, async (request, reply) => {
    const actor = requireActor(request);
    await logout(db, actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', { schema: { tags, summary: 'The signed-in person (or null) and the CSRF token for changes' } }, async (request) => {
    const actor = request.actor;
    return { user: actor ? presentMe(actor, catalog.org) : null, csrfToken: actor?.csrfToken ?? '' };
  });

  app.get('/api/v1/auth/demo-accounts', { schema: { tags, summary: 'Demo accounts, listed only while demo mode is on' } }, async () => {
    if (!config.demo) return { enabled: false, password: null, accounts: [] };
    const shown = people.filter((p) => p.roles.some((r) => r.role !== 'applicant') || ['teacher', 'student', 'retiree'].includes(p.username));
    return {
      enabled: true, password: DEMO_PASSWORD,
      accounts: shown.map((p) => ({ username: p.username, displayName: p.displayName, roles: [...new Set(p.roles.map((r) => r.role))] })),
    };
  });
}
