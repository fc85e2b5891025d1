import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The fsync of a WAL commit, done off the main thread. With synchronous=FULL, SQLite calls
 * fdatasync on the write-ahead log inside COMMIT, and better-sqlite3 runs COMMIT on the main
 * thread: every grouped commit stopped the event loop for the disk (0.2–7 ms here, a quarter of
 * an HTTP chat turn's wall time in the profile). A commit made with synchronous=NORMAL writes
 * the same WAL frames without the fdatasync; this then calls fdatasync on the WAL file from
 * libuv's thread pool, and only after it returns is the commit acknowledged. What is on disk
 * when a caller hears "committed" is exactly what synchronous=FULL would have put there.
 * NORMAL keeps the database consistent through a power cut (SQLite's guarantee for WAL mode);
 * this restores the durability of each acknowledged commit. Checkpoints are unchanged: SQLite
 * syncs the WAL before copying it into the database, and the database after.
 */
export interface WalSync {
  /** Whether commits on this connection can be synced here (a file database in WAL mode). */
  available(): boolean;
  /** fdatasync the WAL file; resolves once what was written to it so far is on disk. */
  sync(): Promise<void>;
  close(): void;
}

export function walSync(db: BetterSqlite3.Database): WalSync {
  const file = `${db.name}-wal`;
  let wal = false;
  // Opened once: SQLite keeps this file (same inode) for as long as a connection is open, so
  // no stat per commit (a syscall on the main thread each time, visible in the profile).
  let fd: number | undefined;

  return {
    available() {
      if (!wal && !db.memory) wal = db.pragma('journal_mode', { simple: true }) === 'wal';
      return wal;
    },
    sync() {
      return new Promise<void>((resolve, reject) => {
        fd ??= fs.openSync(file, 'r');
        fs.fdatasync(fd, (error) => (error ? reject(error) : resolve()));
      });
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
