import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { retryWhileBusy } from './busy-retry.js';
import type { StorageHealth } from './storage-faults.js';
import { storageFaultOf } from './storage-faults.js';

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;
type Query = Parameters<Adapter['executeRaw']>[0];
type Queryable = Pick<Adapter, 'executeRaw' | 'queryRaw'>;

const WRITE = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE|COMMIT)\b/i;
const ENDS_TRANSACTION = /^\s*(?:COMMIT|ROLLBACK)\s*$/i;

export interface ResilienceOptions {
  health: StorageHealth;
  /** How long to keep retrying while another process holds the database's write lock. */
  busyBudgetMs: number;
}

/**
 * The driver adapter with three repairs. (1) Prisma sends COMMIT as a query and frees the
 * adapter's transaction lock only if it succeeds: one COMMIT failing on a full disk left the
 * lock held and every later transaction (each chat turn, each ticket) waiting for ever, also
 * after space was freed. A failed COMMIT or ROLLBACK now rolls the SQLite transaction back if
 * it is still open and frees the lock. (2) A locked database is waited for asynchronously
 * (busy-retry.ts): statements on their own are retried, and transactions take the write lock at
 * BEGIN IMMEDIATE, retried, since a deferred one that meets the lock halfway can only fail.
 * (3) Every statement's outcome feeds the storage health that readiness reports.
 */
export function resilientAdapter(
  factory: PrismaBetterSQLite3,
  options: ResilienceOptions,
): PrismaBetterSQLite3 {
  const { health, busyBudgetMs } = options;
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    observe(adapter, health, { retryBusy: busyBudgetMs });
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (level) => {
      const transaction = await startTransaction(level);
      const client = clientOf(transaction);
      try {
        // The adapter began a deferred transaction; nothing ran in it yet, so swap it.
        client?.exec('ROLLBACK');
        await retryWhileBusy(busyBudgetMs, () => client?.exec('BEGIN IMMEDIATE'));
      } catch (error) {
        const fault = storageFaultOf(error);
        if (fault) health.failed(fault);
        await release(transaction);
        throw error;
      }
      observe(transaction, health, { onFailedEnd: () => release(transaction) });
      return transaction;
    };
    return adapter;
  };
  return factory;
}

interface ObserveOptions {
  /** Retry a statement that met another process's lock, for this long (autocommit only). */
  retryBusy?: number;
  /** A COMMIT or ROLLBACK failed: clean up so the next transaction can start. */
  onFailedEnd?: () => Promise<void>;
}

function observe(target: Queryable, health: StorageHealth, options: ObserveOptions): void {
  for (const method of ['executeRaw', 'queryRaw'] as const) {
    const run = target[method].bind(target) as (query: Query) => Promise<unknown>;
    (target as Record<typeof method, unknown>)[method] = async (query: Query) => {
      try {
        const result =
          options.retryBusy === undefined
            ? await run(query)
            : await retryWhileBusy(options.retryBusy, () => run(query));
        if (WRITE.test(query.sql)) health.wrote();
        return result;
      } catch (error) {
        const fault = storageFaultOf(error);
        if (fault) health.failed(fault);
        if (options.onFailedEnd && ENDS_TRANSACTION.test(query.sql)) await options.onFailedEnd();
        throw error;
      }
    };
  }
}

type SqliteClient = { inTransaction: boolean; exec(sql: string): void };
const clientOf = (transaction: Transaction) => (transaction as unknown as { client?: SqliteClient }).client;

/** Roll back what SQLite may have left open, then give the adapter's lock back. */
async function release(transaction: Transaction): Promise<void> {
  const client = clientOf(transaction);
  try {
    if (client?.inTransaction) client.exec('ROLLBACK');
  } catch {
    // Nothing more can be done for this transaction; the lock must still be freed.
  }
  await transaction.rollback();
}
