import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteConnection } from './sqlite-connection.js';

interface Pending {
  work: (db: BetterSqlite3.Database) => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export interface GroupCommitOptions {
  /** Works per transaction at most, so one commit never holds the event loop for long. */
  maxBatch?: number;
}

export interface GroupCommitStats {
  commits: number;
  works: number;
  /** Works submitted and not yet committed (or failed). */
  pending: number;
}

/**
 * Group commit, the ticket writer's idea made general: works submitted at about the same moment
 * run in one transaction, so one fsync (SQLite runs synchronous=FULL) serves them all. Each work
 * runs synchronously in its own savepoint, in the order submitted: one that throws is rolled
 * back alone and rejects its caller, the others commit. Every caller's promise settles only
 * after the COMMIT that holds its work, so what a caller acknowledges is on disk. If the COMMIT
 * itself fails, every caller in the batch is rejected; none is half-written.
 */
export function createGroupCommit(connection: SqliteConnection, options: GroupCommitOptions = {}) {
  const maxBatch = options.maxBatch ?? 256;
  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;
  const stats: GroupCommitStats = { commits: 0, works: 0, pending: 0 };

  async function writeBatch(batch: Pending[]): Promise<void> {
    const outcomes = await connection.write((db) =>
      batch.map((item) => {
        try {
          // Nested in the open transaction, better-sqlite3 runs this as a SAVEPOINT.
          return { ok: true as const, value: db.transaction(() => item.work(db))() };
        } catch (err) {
          // A full disk or an I/O error makes SQLite roll the whole transaction back, not just
          // the savepoint: the works before this one are gone too, so the batch fails as one.
          if (!db.inTransaction) throw err;
          return { ok: false as const, err };
        }
      }),
    );
    stats.commits += 1;
    stats.works += batch.length;
    for (const [i, item] of batch.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.err);
    }
  }

  async function drain(): Promise<void> {
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await writeBatch(batch);
      } catch (err) {
        for (const item of batch) item.reject(err);
      } finally {
        stats.pending -= batch.length;
      }
    }
  }

  function schedule(): void {
    if (flushing) return;
    // Wait one turn of the event loop so works arriving together share the transaction.
    flushing = new Promise<void>((done) => setImmediate(done)).then(drain).finally(() => {
      flushing = undefined;
      if (queue.length) schedule();
    });
  }

  return {
    /** Run `work` in the next grouped transaction; resolves with its value after the commit. */
    submit<T>(work: (db: BetterSqlite3.Database) => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        stats.pending += 1;
        schedule();
      });
    },
    stats(): Readonly<GroupCommitStats> {
      return { ...stats };
    },
    /** Resolves when everything submitted so far is committed. */
    async settle(): Promise<void> {
      while (flushing) await flushing;
    },
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;

const shared = new WeakMap<SqliteConnection, GroupCommit>();

/**
 * The one group commit of a connection, for every store that writes on its hot path (a chat
 * turn, a web chat secret): writes from different stores at the same moment share one fsync too.
 */
export function sharedGroupCommit(connection: SqliteConnection): GroupCommit {
  let commits = shared.get(connection);
  if (!commits) {
    commits = createGroupCommit(connection);
    shared.set(connection, commits);
  }
  return commits;
}
