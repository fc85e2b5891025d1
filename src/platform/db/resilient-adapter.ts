import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type { StorageHealth } from './storage-faults.js';
import { storageFaultOf } from './storage-faults.js';

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;
type Query = Parameters<Adapter['executeRaw']>[0];
type Queryable = Pick<Adapter, 'executeRaw' | 'queryRaw'>;

const WRITE = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE|COMMIT)\b/i;
const ENDS_TRANSACTION = /^\s*(?:COMMIT|ROLLBACK)\s*$/i;

/**
 * The driver adapter with two repairs. (1) Prisma sends COMMIT as a query and frees the
 * adapter's transaction lock only if it succeeds: one COMMIT failing on a full disk left the
 * lock held and every later transaction (each chat turn, each ticket) waiting for ever, also
 * after space was freed. A failed COMMIT or ROLLBACK now rolls the SQLite transaction back if
 * it is still open and frees the lock. (2) Every statement's outcome feeds the storage health
 * that readiness reports.
 */
export function resilientAdapter(factory: PrismaBetterSQLite3, health: StorageHealth): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    observe(adapter, health);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (level) => {
      const transaction = await startTransaction(level);
      observe(transaction, health, () => release(transaction));
      return transaction;
    };
    return adapter;
  };
  return factory;
}

function observe(target: Queryable, health: StorageHealth, onFailedEnd?: () => Promise<void>): void {
  for (const method of ['executeRaw', 'queryRaw'] as const) {
    const run = target[method].bind(target) as (query: Query) => Promise<unknown>;
    (target as Record<typeof method, unknown>)[method] = async (query: Query) => {
      try {
        const result = await run(query);
        if (WRITE.test(query.sql)) health.wrote();
        return result;
      } catch (error) {
        const fault = storageFaultOf(error);
        if (fault) health.failed(fault);
        if (onFailedEnd && ENDS_TRANSACTION.test(query.sql)) await onFailedEnd();
        throw error;
      }
    };
  }
}

/** Roll back what SQLite may have left open, then give the adapter's lock back. */
async function release(transaction: Transaction): Promise<void> {
  const client = (transaction as unknown as { client?: { inTransaction: boolean; exec(sql: string): void } })
    .client;
  try {
    if (client?.inTransaction) client.exec('ROLLBACK');
  } catch {
    // Nothing more can be done for this transaction; the lock must still be freed.
  }
  await transaction.rollback();
}
