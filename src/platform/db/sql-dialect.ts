import { type DatabaseEngine, driverOf } from './database-engine.js';
import { sqlDate } from './sql-date.js';

/** A value bound to a raw statement, before the engine's own conversion. */
export type SqlValue = string | number | boolean | Date | null;

/**
 * What raw statements sent through Prisma ($executeRawUnsafe, $queryRawUnsafe) differ in between
 * the two engines: how a bound value is written in the text, how many a statement may take, and
 * what dates and booleans become. Statements whose text differs beyond this (an upsert counter,
 * a claim with SKIP LOCKED) keep one text per engine in the store that owns the table.
 */
export interface SqlDialect {
  readonly engine: DatabaseEngine;
  /** The placeholder of the n-th bound value (1-based). */
  param(n: number): string;
  /** Bound values per statement, with a margin under the engine's limit. */
  readonly maxParams: number;
  /** A value as this engine stores it (SQLite: ISO text for dates, 0/1 for booleans). */
  value(value: SqlValue): unknown;
}

const sqlite: SqlDialect = {
  engine: 'sqlite',
  param: () => '?',
  // The SQLite better-sqlite3 bundles takes 32,766.
  maxParams: 30_000,
  value: (value) =>
    value instanceof Date ? sqlDate(value) : typeof value === 'boolean' ? Number(value) : value,
};

const postgres: SqlDialect = {
  engine: 'postgres',
  param: (n) => `$${n}`,
  // The wire protocol counts bound values in 16 bits (65,535).
  maxParams: 60_000,
  // The adapter writes a Date as UTC wall time, as Prisma stores it; booleans are booleans.
  value: (value) => value,
};

export const SQL_DIALECTS: Record<DatabaseEngine, SqlDialect> = { sqlite, postgres };

/** The dialect of the engine a Prisma client made by createPrisma runs on. */
export function dialectOf(prisma: object): SqlDialect {
  return SQL_DIALECTS[driverOf(prisma).engine];
}

/** `(p1, p2, …), (…)` for `rows` rows of `columns` values, numbered from 1. */
export function valuesList(dialect: SqlDialect, rows: number, columns: number): string {
  const groups: string[] = [];
  for (let r = 0; r < rows; r++) {
    const params: string[] = [];
    for (let c = 1; c <= columns; c++) params.push(dialect.param(r * columns + c));
    groups.push(`(${params.join(', ')})`);
  }
  return groups.join(', ');
}
