import fp from 'fastify-plugin';
import { createPrisma, type Db } from './create-prisma.js';
import { migrateDatabase } from './migrate-database.js';
import { createStorageHealth, type StorageHealth } from './storage-faults.js';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: Db;
    /** Whether the database takes writes, as the last statements showed (readiness reads it). */
    storageHealth: StorageHealth;
  }
}

/** Migrates the database, then decorates `app.prisma`; closes it when the app closes. */
export default fp(
  async (app) => {
    const result = await migrateDatabase(app.config.DATABASE_URL);
    if (result.applied.length) app.log.info({ applied: result.applied }, 'database migrated');
    const storageHealth = createStorageHealth();
    const prisma = await createPrisma(app.config.DATABASE_URL, {
      health: storageHealth,
      busyBudgetMs: app.config.DATABASE_BUSY_WAIT_MS,
      poolSize: app.config.DATABASE_POOL_SIZE,
    });
    app.decorate('prisma', prisma);
    app.decorate('storageHealth', storageHealth);
    app.addHook('onClose', async () => {
      await prisma.$disconnect();
    });
  },
  { name: 'prisma', dependencies: ['config'] },
);
