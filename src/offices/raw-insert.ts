import type { Prisma } from '../platform/db/db-types.js';
import type { SqlDialect, SqlValue } from '../platform/db/sql-dialect.js';
import { valuesList } from '../platform/db/sql-dialect.js';

// Bulk writes on the hot paths (ticket batches, the nationwide office seed) as multi-row INSERTs
// through Prisma's own connection and transaction: createMany on the JS engine costs
// milliseconds per row, one raw statement costs microseconds per row.

export type { SqlValue } from '../platform/db/sql-dialect.js';

/** INSERT rows (values in `columns` order) in as few statements as the engine's parameter limit allows. */
export async function insertRows(
  tx: Pick<Prisma.TransactionClient, '$executeRawUnsafe'>,
  dialect: SqlDialect,
  table: string,
  columns: readonly string[],
  rows: SqlValue[][],
): Promise<void> {
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const perStatement = Math.max(1, Math.floor(dialect.maxParams / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values = chunk.flat().map((value) => dialect.value(value));
    await tx.$executeRawUnsafe(sql + valuesList(dialect, chunk.length, columns.length), ...values);
  }
}
