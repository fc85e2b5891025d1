import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { retryWhileBusy } from './busy-retry.js';
import type { StorageHealth } from './storage-faults.js';
import { storageFaultOf } from './storage-faults.js';
import { walSync } from './wal-sync.js';

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
   * COMMIT run without yielding, and the lock is given back after. Resolves once the commit is
   * on disk; the disk's fdatasync runs off the main thread (wal-sync.ts).
   */
  write<T>(work: (db: BetterSqlite3.Database) => T): Promise<T>;
}

export function sqliteConnection(
  adapter: Adapter,
  health: StorageHealth,
  options: { busyBudgetMs: number },
): SqliteConnection {
  const db = (adapter as unknown as { client: BetterSqlite3.Database }).client;
  const wal = walSync(db);

  /**
   * The adapter began the transaction with the connection's synchronous=FULL, which SQLite
   * does not let a transaction change: begin it again, empty as it is, under NORMAL. Each
   * attempt sets NORMAL and begins in one synchronous step and puts FULL back if BEGIN fails,
   * so a Prisma statement running while this waits for a lock still commits with its fsync.
   */
  async function beginUnsynced(): Promise<void> {
    db.exec('ROLLBACK');
    await retryWhileBusy(options.busyBudgetMs, () => {
      db.exec('PRAGMA synchronous = NORMAL');
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        db.exec('PRAGMA synchronous = FULL');
        throw error;
      }
    });
  }

  return {
    db,
    async write<T>(work: (db: BetterSqlite3.Database) => T): Promise<T> {
      const transaction = await adapter.startTransaction();
      let unsynced = false;
      let result: T;
      try {
        if (wal.available()) {
          await beginUnsynced();
          unsynced = true;
        }
        result = work(db);
        db.exec('COMMIT');
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
        // Every other write on this connection (Prisma's) keeps its fsync in COMMIT.
        if (unsynced) db.exec('PRAGMA synchronous = FULL');
        // The adapter's commit() only releases its lock here; SQLite's COMMIT already ran.
        await transaction.commit();
      }
      if (unsynced) {
        try {
          await wal.sync();
        } catch (error) {
          // Committed but not known to be on disk: the caller is not told it is saved.
          health.failed('io-error');
          throw error;
        }
      }
      health.wrote();
      return result;
    },
  };
}
