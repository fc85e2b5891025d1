import type { PrismaClient } from '../../generated/prisma/client.js';
import { createSqlitePrisma } from './create-sqlite-prisma.js';
import { engineOf } from './database-engine.js';
import type { StorageHealth } from './storage-faults.js';

export type Db = PrismaClient;

export interface CreatePrismaOptions {
  health?: StorageHealth;
  /** SQLite: how long to wait for another process's write lock. */
  busyBudgetMs?: number;
  /** PostgreSQL: connections in this instance's pool. */
  poolSize?: number;
}

/** The Prisma client for DATABASE_URL: SQLite for `file:`, PostgreSQL for `postgres(ql)://`. */
export async function createPrisma(databaseUrl: string, options: CreatePrismaOptions = {}): Promise<Db> {
  if (engineOf(databaseUrl) === 'postgres') {
    // pg, its adapter and the PostgreSQL client load only for PostgreSQL: a SQLite start skips them.
    const { createPostgresPrisma } = await import('./create-postgres-prisma.js');
    return createPostgresPrisma(
      databaseUrl,
      options.poolSize === undefined ? {} : { poolSize: options.poolSize },
    );
  }
  return createSqlitePrisma(databaseUrl, options);
}
