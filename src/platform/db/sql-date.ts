/** DateTime as Prisma's SQLite adapter stores it (ISO text, "+00:00"), so both read alike. */
export function sqlDate(value: Date | string): string {
  return new Date(value).toISOString().replace('Z', '+00:00');
}

/**
 * DateTime for a PostgreSQL `timestamp(3)` column as Prisma writes it: UTC wall time with no
 * offset. A JS Date handed to node-postgres is sent in the process's local time zone, which a
 * column without a time zone would keep as it is, hours off on a server not running in UTC.
 */
export function pgTimestamp(value: Date | string): string {
  return new Date(value).toISOString().replace('Z', '');
}
