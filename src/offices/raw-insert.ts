import type { Prisma } from '../platform/db/db-types.js';

// Bulk writes on the hot paths (ticket batches, the nationwide office seed) as multi-row INSERTs
// through Prisma's own connection and transaction: createMany on the JS engine costs
// milliseconds per row, one raw statement costs microseconds per row.

export type SqlValue = string | number | null;

export { sqlDate } from '../platform/db/sql-date.js';

/** INSERT rows (values in `columns` order) in as few statements as SQLite's parameter limit allows. */
export async function insertRows(
  tx: Pick<Prisma.TransactionClient, '$executeRawUnsafe'>,
  table: string,
  columns: readonly string[],
  rows: SqlValue[][],
): Promise<void> {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  // SQLite allows 32,766 parameters per statement.
  const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    await tx.$executeRawUnsafe(sql + chunk.map(() => placeholders).join(', '), ...chunk.flat());
  }
}
