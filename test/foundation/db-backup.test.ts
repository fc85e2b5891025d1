import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSqlite } from '../../src/cli/backup/sqlite-backup.js';
import { PROJECT_ROOT } from '../../src/platform/paths.js';
import { chat, createTestApp, type TestApp, tempDir } from '../helpers/test-app.js';

describe('npm run db:backup', () => {
  let t: TestApp;
  let out: string;
  const dbPath = () => t.databaseUrl.replace(/^file:/, '');
  const conversations = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM Conversation').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    out = tempDir('gongyou-backup-');
    await chat(t.app, { channelUserId: 'backup-rider-1', text: '你好' });
    await chat(t.app, { channelUserId: 'backup-rider-2', text: '附近有驿站吗' });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('copies the live database, the rows still in the WAL included, while the server runs', async () => {
    // The turns are committed to the WAL; a plain copy of the .db file alone may miss them.
    const result = await backupSqlite(dbPath(), path.join(out, 'live.db'));
    expect(conversations(result.file)).toBe(2);
    expect(result.pages).toBeGreaterThan(0);
    // The server goes on writing; the backup stays the moment it was taken.
    await chat(t.app, { channelUserId: 'backup-rider-3', text: '你好' });
    expect(conversations(result.file)).toBe(2);
    expect(conversations(dbPath())).toBe(3);
  });

  it('refuses to write over an existing file', async () => {
    fs.writeFileSync(path.join(out, 'taken.db'), 'an older backup');
    await expect(backupSqlite(dbPath(), path.join(out, 'taken.db'))).rejects.toThrow('exists');
    expect(fs.readFileSync(path.join(out, 'taken.db'), 'utf8')).toBe('an older backup');
  });

  it('runs from the command line and says where the data key is, without copying it', () => {
    const target = path.join(out, 'cli.db');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup-db.ts', '--to', target], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: t.databaseUrl, GONGYOU_DATA_KEY: '' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(conversations(target)).toBe(3);
    expect(run.stdout).toContain('gongyou-data.key');
    expect(fs.readdirSync(out)).not.toContain('gongyou-data.key');

    const usage = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup-db.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: t.databaseUrl },
      encoding: 'utf8',
    });
    expect([usage.status, usage.stderr.trim()]).toEqual([2, 'usage: npm run db:backup -- --to FILE']);
  });
});
