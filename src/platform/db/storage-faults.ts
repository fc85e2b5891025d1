/** What stops the database from taking writes, as callers and readiness report it. */
export type StorageFault = 'disk-full' | 'io-error' | 'busy';

/** How long readiness keeps reporting a fault after the last one without a write since. */
const HOLD_MS = 30_000;
/** What a caller is told to wait before trying again. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL's SQLSTATEs for the same conditions: disk_full, io_error, and a server that cannot
 * take this connection now (too_many_connections, cannot_connect_now, admin_shutdown).
 */
const POSTGRES_FAULTS: Record<string, StorageFault> = {
  '53100': 'disk-full',
  '58030': 'io-error',
  '53300': 'busy',
  '57P03': 'busy',
  '57P01': 'io-error',
};

/** The SQLite result code (or PostgreSQL SQLSTATE) behind an error from Prisma, a driver adapter or a driver. */
export function storageFaultOf(error: unknown): StorageFault | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const node = current as {
      code?: unknown;
      originalCode?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    for (const code of [node.code, node.originalCode]) {
      if (typeof code !== 'string') continue;
      if (code === 'SQLITE_FULL') return 'disk-full';
      if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return 'io-error';
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
      const postgres = POSTGRES_FAULTS[code];
      if (postgres) return postgres;
    }
    current = node.cause ?? node.meta?.driverAdapterError;
  }
  return undefined;
}

/**
 * The database's write health as the process has seen it: the last fault, cleared by the next
 * write that commits. Readiness reads it, so a full disk takes the instance out of rotation
 * (503 with Retry-After) instead of answering 200 while every write fails.
 */
export function createStorageHealth(now: () => number = () => Date.now()) {
  let fault: { kind: StorageFault; at: number } | undefined;
  return {
    failed(kind: StorageFault): void {
      fault = { kind, at: now() };
    },
    wrote(): void {
      fault = undefined;
    },
    /** The fault that still holds, if any. */
    current(): StorageFault | undefined {
      if (fault && now() - fault.at > HOLD_MS) fault = undefined;
      return fault?.kind;
    },
  };
}

export type StorageHealth = ReturnType<typeof createStorageHealth>;
