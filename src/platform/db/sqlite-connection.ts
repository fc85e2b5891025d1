import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type { StorageHealth } from './storage-faults.js';
import { storageFaultOf } from './storage-faults.js';

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;

/**
 * The better-sqlite3 connection Prisma's adapter opened, for the few hot paths (a chat turn)
 * where Prisma's per-call query compilation costs more than the work itself. Sharing Prisma's
 * connection rather than opening a second one keeps one writer per process (no SQLITE_BUSY
 * between our own two connections) and lets both see each other's commits at once.
 */
export interface SqliteConnection {
  readonly db: BetterSqlite3.Database;
  /**
   * Run `work` synchronously inside one write transaction and commit it. The transaction is
   * taken through the adapter (its lock, BEGIN IMMEDIATE with the busy retry), so it never
   * interleaves with a Prisma interactive transaction on the same connection: `work` and the
   * COMMIT run without yielding, and the lock is given back after. Resolves after the commit.
   */
  write<T>(work: (db: BetterSqlite3.Database) => T): Promise<T>;
}

export function sqliteConnection(adapter: Adapter, health: StorageHealth): SqliteConnection {
  const db = (adapter as unknown as { client: BetterSqlite3.Database }).client;
  return {
    db,
    async write(work) {
      const transaction = await adapter.startTransaction();
      try {
        const result = work(db);
        db.exec('COMMIT');
        health.wrote();
        return result;
      } catch (error) {
        const fault = storageFaultOf(error);
        if (fault) health.failed(fault);
        try {
          if (db.inTransaction) db.exec('ROLLBACK');
        } catch {
          // Nothing more can be done for this transaction; the lock must still be given back.
        }
        throw error;
      } finally {
        // The adapter's commit() only releases its lock here; SQLite's COMMIT already ran.
        await transaction.commit();
      }
    },
  };
}
