import fp from 'fastify-plugin';
import { createOfficeService, type OfficeService } from './office-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * The union office directory: get, getByCode, list, children, route(regionCode, industry,
     * collective), create/update offices, routing rules, import.
     */
    offices: OfficeService;
  }
}

/** Seeds the nationwide federation directory on first start (GB/T 2260), then decorates. */
export default fp(
  async (app) => {
    const offices = createOfficeService({ prisma: app.prisma, collectiveUp: app.config.ROUTE_COLLECTIVE_UP });
    const added = await offices.ensureSeeded();
    if (added) app.log.info({ added }, 'union office directory seeded from GB/T 2260');
    app.decorate('offices', offices);
  },
  { name: 'offices', dependencies: ['prisma', 'config'] },
);
