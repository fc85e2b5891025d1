import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrisma, type Db } from '../../src/platform/db/create-prisma.js';
import { createSqlitePrisma } from '../../src/platform/db/create-sqlite-prisma.js';
import { connectionOf } from '../../src/platform/db/database-engine.js';
import { createGroupCommit } from '../../src/platform/db/group-commit.js';
import { applyMigrations } from '../../src/platform/db/migrate.js';
import { createStorageHealth } from '../../src/platform/db/storage-faults.js';
import { tempDir } from '../helpers/test-app.js';

type Done = (error: NodeJS.ErrnoException | null) => void;

describe('a grouped commit is acknowledged only once its WAL is on disk', () => {
  let dir: string;
  let file: string;
  let prisma: Db;
  const health = createStorageHealth();
  beforeAll(async () => {
    dir = tempDir('gongyou-wal-sync-');
    file = path.join(dir, 'db.sqlite');
    applyMigrations(file);
    prisma = await createSqlitePrisma(`file:${file}`, { health });
    await prisma.$executeRawUnsafe('CREATE TABLE "probe" ("seq" INTEGER NOT NULL)');
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await prisma.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('settles after fdatasync of the WAL returns, and leaves the connection at synchronous=FULL', async () => {
    const commits = createGroupCommit(connectionOf(prisma));
    const { db } = connectionOf(prisma);
    const insert = db.prepare('INSERT INTO "probe" ("seq") VALUES (?)');
    let finishSync: () => void = () => {};
    const synced: string[] = [];
    const real = fs.fdatasync;
    const datasync = vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: Done) => {
      synced.push(fs.readlinkSync(`/proc/self/fd/${fd}`));
      finishSync = () => real(fd, done);
    }) as typeof fs.fdatasync);
    let settled = false;
    const written = commits
      .submit(() => insert.run(1).changes)
      .then((changes) => {
        settled = true;
        return changes;
      });
    await vi.waitFor(() => expect(datasync).toHaveBeenCalledTimes(1));
    // Committed (another reader sees it) but not acknowledged while the disk has not answered.
    expect(db.prepare('SELECT count(*) AS n FROM "probe"').get()).toEqual({ n: 1n });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    expect(Number(db.pragma('synchronous', { simple: true }))).toBe(2);
    finishSync();
    expect(await written).toBe(1);
    expect(synced).toEqual([fs.realpathSync(`${file}-wal`)]);
  });

  it('refuses the callers when the WAL cannot be synced, and readiness hears of it', async () => {
    const commits = createGroupCommit(connectionOf(prisma));
    const insert = connectionOf(prisma).db.prepare('INSERT INTO "probe" ("seq") VALUES (?)');
    vi.spyOn(fs, 'fdatasync').mockImplementation(((_fd: number, done: Done) =>
      done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }))) as typeof fs.fdatasync);
    await expect(commits.submit(() => insert.run(2).changes)).rejects.toThrow('EIO');
    expect(health.current()).toBe('io-error');
    vi.restoreAllMocks();
    // The next commit that reaches the disk clears it.
    expect(await commits.submit(() => insert.run(3).changes)).toBe(1);
    expect(health.current()).toBeUndefined();
  });

  it('a Prisma write on the same connection still commits with its own fsync (synchronous=FULL)', async () => {
    const { db } = connectionOf(prisma);
    const datasync = vi.spyOn(fs, 'fdatasync');
    await prisma.$executeRawUnsafe('INSERT INTO "probe" ("seq") VALUES (4)');
    expect(datasync).not.toHaveBeenCalled();
    expect(Number(db.pragma('synchronous', { simple: true }))).toBe(2);
  });
});

describe('on a database that is not in WAL mode', () => {
  it('commits with SQLite own sync, as before', async () => {
    const dir = tempDir('gongyou-wal-sync-');
    const file = path.join(dir, 'db.sqlite');
    applyMigrations(file);
    const prisma = await createPrisma(`file:${file}`);
    try {
      await prisma.$queryRawUnsafe('PRAGMA journal_mode = DELETE');
      await prisma.$executeRawUnsafe('CREATE TABLE "probe" ("seq" INTEGER NOT NULL)');
      const datasync = vi.spyOn(fs, 'fdatasync');
      const commits = createGroupCommit(connectionOf(prisma));
      const insert = connectionOf(prisma).db.prepare('INSERT INTO "probe" ("seq") VALUES (?)');
      expect(await commits.submit(() => insert.run(1).changes)).toBe(1);
      expect(datasync).not.toHaveBeenCalled();
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    } finally {
      vi.restoreAllMocks();
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
