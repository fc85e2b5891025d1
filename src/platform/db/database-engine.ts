import type pg from 'pg';
import type { SqliteConnection } from './sqlite-connection.js';

/** Which engine a DATABASE_URL names: `file:` is SQLite (the default), `postgres(ql)://` PostgreSQL. */
export type DatabaseEngine = 'sqlite' | 'postgres';

export function engineOf(databaseUrl: string): DatabaseEngine {
  if (/^postgres(?:ql)?:\/\//i.test(databaseUrl)) return 'postgres';
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  throw new Error('DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)');
}

/**
 * The driver under a Prisma client made by createPrisma, for the few stores whose hot paths run
 * raw SQL (a chat turn, a ticket number): Prisma's own better-sqlite3 connection, or the pg pool
 * Prisma's PostgreSQL adapter draws from. Each such store picks its dialect from this once.
 */
export type RawDriver =
  | { engine: 'sqlite'; connection: SqliteConnection }
  | { engine: 'postgres'; pool: pg.Pool };

const drivers = new WeakMap<object, RawDriver>();

/** Remember which driver a Prisma client runs on (set once by createPrisma). */
export function rememberDriver(owner: object, driver: RawDriver): void {
  drivers.set(owner, driver);
}

export function driverOf(owner: object): RawDriver {
  const driver = drivers.get(owner);
  if (!driver) throw new Error('this Prisma client was not made by createPrisma');
  return driver;
}

/** The raw SQLite connection under a Prisma client made by createPrisma (SQLite only). */
export function connectionOf(owner: object): SqliteConnection {
  const driver = driverOf(owner);
  if (driver.engine !== 'sqlite') throw new Error('this Prisma client runs on PostgreSQL, not SQLite');
  return driver.connection;
}
