import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../generated/prisma/client.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './busy-retry.js';
import { resilientAdapter } from './resilient-adapter.js';
import { sqlitePathFromUrl } from './sqlite-path.js';
import { createStorageHealth, type StorageHealth } from './storage-faults.js';

export type Db = PrismaClient;

/**
 * A Prisma client on the JS engine over better-sqlite3. One connection per process: SQLite
 * serialises writers anyway, and WAL lets readers (other processes, backups) run beside it.
 */
export async function createPrisma(
  databaseUrl: string,
  options: { health?: StorageHealth; busyBudgetMs?: number } = {},
): Promise<Db> {
  const adapter = resilientAdapter(
    new PrismaBetterSQLite3({ url: sqlitePathFromUrl(databaseUrl), timeout: SQLITE_BUSY_TIMEOUT_MS }),
    { health: options.health ?? createStorageHealth(), busyBudgetMs: options.busyBudgetMs ?? 5000 },
  );
  const prisma = new PrismaClient({ adapter });
  await prisma.$connect();
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  // FULL: a commit is on disk before we acknowledge it (a complaint's ticket number must survive
  // a power cut, not just a crashed process). WAL keeps this affordable.
  await prisma.$executeRawUnsafe('PRAGMA synchronous = FULL');
  return prisma;
}
