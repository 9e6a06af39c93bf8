// Liveness and readiness for operators and load balancers.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { DbHandle } from '../../db/index.ts';

export function healthRoutes(app: FastifyInstance, handle: DbHandle) {
  const check = async (_req: unknown, reply: import('fastify').FastifyReply) => {
    try {
      await sql`select 1`.execute(handle.db);
      return { status: 'ok', database: handle.dialect };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: handle.dialect });
    }
  };
  app.get('/healthz', { schema: { tags: ['ops'], summary: '200 when the database answers' } }, check);
  app.get('/readyz', { schema: { tags: ['ops'], summary: 'Ready to serve (same check as /healthz)' } }, check);
}
