import { setTimeout as sleep } from 'node:timers/promises';
import { storageFaultOf } from './storage-faults.js';

/**
 * How long better-sqlite3 itself may wait for another process's lock, per attempt. Its wait is
 * synchronous: a long one (it was 5 s) freezes the event loop, health checks and every socket
 * with it. Kept short; the waiting between attempts is done here, asynchronously.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 10;

/** An error the error handler answers with 503 and Retry-After. */
export class DatabaseBusyError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor(waitedMs: number) {
    super(`the database stayed locked for ${waitedMs} ms`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * Run `attempt` until it does not fail with SQLITE_BUSY, backing off 5, 10, 20 … 200 ms between
 * tries, for at most `budgetMs`; then throw DatabaseBusyError. Only for work that is safe to
 * repeat: a statement on its own (SQLite rolls a failed one back) or BEGIN IMMEDIATE.
 */
export async function retryWhileBusy<T>(budgetMs: number, attempt: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (storageFaultOf(error) !== 'busy') throw error;
      const waited = Date.now() - started;
      if (waited >= budgetMs) throw new DatabaseBusyError(waited);
      await sleep(Math.min(200, 5 * 2 ** round, budgetMs - waited));
    }
  }
}
