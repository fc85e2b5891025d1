import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../generated/prisma/client.js';
import { SQLITE_BUSY_TIMEOUT_MS } from './busy-retry.js';
import { rememberDriver } from './database-engine.js';
import { resilientAdapter } from './resilient-adapter.js';
import { type SqliteConnection, sqliteConnection } from './sqlite-connection.js';
import { sqlitePathFromUrl } from './sqlite-path.js';
import { createStorageHealth, type StorageHealth } from './storage-faults.js';

/**
 * The SQLite that better-sqlite3 bundles takes 32 766 bound values per statement; Prisma assumes
 * SQLite's old 999 when the adapter does not say, and then refuses `officeId IN (…)` for a
 * national admin, whose scope is every one of the ~3 500 offices (test/staff/scope-matrix.test.ts
 * lists the national admin's tickets).
 */
export const SQLITE_MAX_BIND_VALUES = 32_766;

class BetterSqliteAdapter extends PrismaBetterSQLite3 {
  override async connect() {
    const connection = await super.connect();
    return Object.assign(connection, {
      getConnectionInfo: () => ({ maxBindValues: SQLITE_MAX_BIND_VALUES, supportsRelationJoins: false }),
    });
  }
}

/**
 * A Prisma client on the JS engine over better-sqlite3. One connection per process: SQLite
 * serialises writers anyway, and WAL lets readers (other processes, backups) run beside it.
 */
export async function createSqlitePrisma(
  databaseUrl: string,
  options: { health?: StorageHealth; busyBudgetMs?: number } = {},
): Promise<PrismaClient> {
  const health = options.health ?? createStorageHealth();
  const busyBudgetMs = options.busyBudgetMs ?? 5000;
  const adapter = resilientAdapter(
    new BetterSqliteAdapter({ url: sqlitePathFromUrl(databaseUrl), timeout: SQLITE_BUSY_TIMEOUT_MS }),
    { health, busyBudgetMs },
  );
  // Keep the connection Prisma opens (after the resilience wrapping) for connectionOf(prisma).
  let connection: SqliteConnection | undefined;
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const opened = await connect();
    connection = sqliteConnection(opened, health, { busyBudgetMs });
    return opened;
  };
  const prisma = new PrismaClient({ adapter });
  await prisma.$connect();
  if (!connection) throw new Error('Prisma connected without opening the SQLite connection');
  rememberDriver(prisma, { engine: 'sqlite', connection });
  await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await prisma.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  // FULL: a commit is on disk before we acknowledge it (a complaint's ticket number must survive
  // a power cut, not just a crashed process). WAL keeps this affordable.
  await prisma.$executeRawUnsafe('PRAGMA synchronous = FULL');
  return prisma;
}
