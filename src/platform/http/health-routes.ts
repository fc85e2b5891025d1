import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { STORAGE_RETRY_AFTER_SECONDS } from '../db/storage-faults.js';

const OVERLOAD_RETRY_AFTER_SECONDS = 5;
const Status = Type.Object({ status: Type.String() });

/** Liveness (the process answers) and readiness (the database answers and takes writes). */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { schema: { tags: ['ops'], response: { 200: Status } } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['ops'],
        response: { 200: Status, 503: Type.Object({ status: Type.String(), reason: Type.String() }) },
      },
    },
    async (_request, reply) => {
      // A full disk or failing I/O still answers SELECT 1: the writes' own outcome says more.
      const fault = app.storageHealth.current();
      if (fault) {
        reply.header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
        return reply.status(503).send({ status: 'unavailable', reason: fault });
      }
      // Past what it can take (turn queue full, event loop far behind): send new users elsewhere.
      const overload = app.load.overloaded();
      if (overload) {
        reply.header('retry-after', String(OVERLOAD_RETRY_AFTER_SECONDS));
        return reply.status(503).send({ status: 'overloaded', reason: overload });
      }
      try {
        await app.prisma.$queryRawUnsafe('SELECT 1');
        return { status: 'ready' };
      } catch {
        reply.header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
        return reply.status(503).send({ status: 'unavailable', reason: 'database' });
      }
    },
  );
}
