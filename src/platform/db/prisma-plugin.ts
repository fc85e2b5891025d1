import fp from 'fastify-plugin';
import { createPrisma, type Db } from './create-prisma.js';
import { applyMigrations } from './migrate.js';
import { sqlitePathFromUrl } from './sqlite-path.js';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: Db;
  }
}

/** Migrates the database, then decorates `app.prisma`; closes it when the app closes. */
export default fp(
  async (app) => {
    const result = applyMigrations(sqlitePathFromUrl(app.config.DATABASE_URL));
    if (result.applied.length) app.log.info({ applied: result.applied }, 'database migrated');
    const prisma = await createPrisma(app.config.DATABASE_URL);
    app.decorate('prisma', prisma);
    app.addHook('onClose', async () => {
      await prisma.$disconnect();
    });
  },
  { name: 'prisma', dependencies: ['config'] },
);
