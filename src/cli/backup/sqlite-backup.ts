import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/**
 * A consistent copy of a live SQLite database with SQLite's online backup (what better-sqlite3's
 * `.backup()` runs): the server keeps reading and writing meanwhile, and the copy is one
 * moment's state, WAL included. Copying the .db file by hand while it runs is not safe.
 */
export async function backupSqlite(sourcePath: string, targetPath: string): Promise<BackupResult> {
  if (!fs.existsSync(sourcePath)) throw new Error(`no database at ${sourcePath}`);
  const target = path.resolve(targetPath);
  if (target === path.resolve(sourcePath)) throw new Error('the backup must not overwrite the database');
  // Never over an older backup: a failed run must not leave the last good one half-written.
  if (fs.existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await source.backup(target);
    const copy = new Database(target, { readonly: true, fileMustExist: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the backup failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { file: target, bytes: fs.statSync(target).size, pages: totalPages };
  } finally {
    source.close();
  }
}
