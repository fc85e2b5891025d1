import fp from 'fastify-plugin';
import { createSupervisionService, type SupervisionService } from './supervision-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    supervision: SupervisionService;
  }
}

/** 一函两书. Documents are written in Chinese whatever the console's language. */
export default fp(
  async (app) => {
    const documents = createSupervisionService({
      prisma: app.prisma,
      tickets: app.ticketReads,
      t: app.t('zh-CN'),
      templatesDir: app.config.SUPERVISION_TEMPLATES_DIR,
      holidays: new Set(app.config.PUBLIC_HOLIDAYS?.split(',').map((d) => d.trim()) ?? []),
    });
    app.decorate('supervision', documents);
  },
  { name: 'supervision', dependencies: ['prisma', 'i18n', 'config', 'tickets'] },
);
