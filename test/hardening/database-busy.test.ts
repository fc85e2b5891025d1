import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlitePathFromUrl } from '../../src/platform/db/sqlite-path.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// Finding 5 of issue 16: while another process held the database's write lock, SQLite's busy
// wait (5 s, synchronous) froze the whole process — health checks, reads, sockets — and the
// write then failed as a generic 500.
describe('a database locked by another process', () => {
  let t: TestApp;
  let other: Database.Database;
  beforeAll(async () => {
    t = await createTestApp({ DATABASE_BUSY_WAIT_MS: '1500' });
    other = new Database(sqlitePathFromUrl(t.databaseUrl));
  });
  afterAll(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await t.close();
  });

  const turn = (channelUserId: string) =>
    t.app.inject({ method: 'POST', url: '/api/chat/messages', payload: { channelUserId, text: '你好' } });

  it('keeps answering while writes wait, and the writes go through once the lock is gone', async () => {
    other.exec('BEGIN IMMEDIATE');
    let settled = 0;
    // A statement on its own (SQLite's busy wait blocked the event loop for it) and a chat turn,
    // a transaction (which failed at once: a deferred transaction cannot wait for the lock).
    const write = t.app.prisma.channelLease
      .create({ data: { name: 'busy-probe', holder: 'test', expiresAt: new Date() } })
      .finally(() => settled++);
    const chatTurn = turn('waits-for-lock').finally(() => settled++);
    const health = await t.app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    const read = await t.app.inject({ url: '/api/chat/history?channelUserId=nobody-here' });
    expect(read.statusCode).toBe(200);
    expect(settled).toBe(0);
    other.exec('COMMIT');
    expect((await write).holder).toBe('test');
    expect((await chatTurn).statusCode).toBe(200);
  });

  it('answers 503 with Retry-After when the lock outlasts the wait, and readiness says so', async () => {
    other.exec('BEGIN IMMEDIATE');
    const response = await turn('lock-outlasts');
    expect(response.statusCode).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ reason: 'busy' });
    other.exec('COMMIT');
    expect((await turn('lock-outlasts')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });
});
