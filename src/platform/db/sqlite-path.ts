import path from 'node:path';

/** `file:./data/gongyou.db` → an absolute path (relative paths resolve from the working directory). */
export function sqlitePathFromUrl(databaseUrl: string): string {
  const raw = databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '');
  if (raw === ':memory:') return raw;
  return path.resolve(raw);
}
