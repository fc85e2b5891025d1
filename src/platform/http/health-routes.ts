import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { STORAGE_RETRY_AFTER_SECONDS } from '../db/storage-faults.js';

const OVERLOAD_RETRY_AFTER_SECONDS = 5;
const Status = Type.Object({ status: Type.String() });
/** Readiness with each part that gets ready after listening: `{ status, stations: 'warming' | 'ready' }`. */
const Ready = Type.Object({ status: Type.String() }, { additionalProperties: Type.String() });

/**
 * Liveness (the process answers) and readiness (the database answers and takes writes). A part
 * still warming (the station index) is named in the body but does not make readiness fail: the
 * service answers correctly meanwhile (a station search finishes the warm-up itself).
 */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', { schema: { tags: ['ops'], response: { 200: Status } } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['ops'],
        response: { 200: Ready, 503: Type.Object({ status: Type.String(), reason: Type.String() }) },
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
        return { status: 'ready', ...app.readiness.parts() };
      } catch {
        reply.header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
        return reply.status(503).send({ status: 'unavailable', reason: 'database' });
      }
    },
  );
}
