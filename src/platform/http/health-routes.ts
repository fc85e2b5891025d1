import type { FastifyInstance } from 'fastify';
import Type from 'typebox';

const Status = Type.Object({ status: Type.String() });

/** Liveness (the process answers) and readiness (the database answers). */
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
      try {
        await app.prisma.$queryRawUnsafe('SELECT 1');
        return { status: 'ready' };
      } catch {
        return reply.status(503).send({ status: 'unavailable', reason: 'database' });
      }
    },
  );
}
