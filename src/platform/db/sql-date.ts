/** DateTime as Prisma's SQLite adapter stores it (ISO text, "+00:00"), so both read alike. */
export function sqlDate(value: Date | string): string {
  return new Date(value).toISOString().replace('Z', '+00:00');
}
