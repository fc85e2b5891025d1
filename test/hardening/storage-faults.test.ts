import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// Finding 1 of issue 16: after one "database or disk is full" on commit, every ticket and chat
// request hung with no reply, also after space was freed, while /readyz said 200.
describe('a full disk or a failed commit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.app.prisma.$executeRawUnsafe('PRAGMA max_page_count = 1073741823');
    await t.close();
  });

  const turn = (channelUserId: string, text = '你好') =>
    t.app.inject({ method: 'POST', url: '/api/chat/messages', payload: { channelUserId, text } });

  it('does not wedge later writes when a COMMIT fails', async () => {
    // A deferred foreign key is checked at COMMIT: the one reliable way to make COMMIT itself
    // fail in a test, as a full disk does when the WAL cannot grow. SQLite keeps that
    // transaction open, and the driver kept its transaction lock.
    await t.app.prisma.$executeRawUnsafe('CREATE TABLE "probe_parent" ("id" INTEGER PRIMARY KEY)');
    await t.app.prisma.$executeRawUnsafe(
      'CREATE TABLE "probe_child" ("parentId" INTEGER REFERENCES "probe_parent"("id") DEFERRABLE INITIALLY DEFERRED)',
    );
    await expect(
      t.app.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('INSERT INTO "probe_child" VALUES (42)');
      }),
    ).rejects.toThrow();
    // Before the fix this never answered (the test timed out).
    const after = await turn('after-failed-commit');
    expect(after.statusCode).toBe(200);
    expect(await t.app.prisma.$queryRawUnsafe('SELECT count(*) AS n FROM "probe_child"')).toEqual([
      { n: 0n },
    ]);
  });

  it('answers 503 with Retry-After while the disk is full, reports it on /readyz, and recovers', async () => {
    const [row] = await t.app.prisma.$queryRawUnsafe<{ page_count: bigint }[]>('PRAGMA page_count');
    const pages = Number(row?.page_count);
    // The database may not grow past its current size: the next page it needs is "disk full".
    await t.app.prisma.$executeRawUnsafe(`PRAGMA max_page_count = ${pages}`);
    let failed: Awaited<ReturnType<typeof turn>> | undefined;
    for (let i = 0; i < 400 && !failed; i++) {
      const response = await turn(`filling-${i}`, `第${i}个问题：${'工资'.repeat(300)}`);
      if (response.statusCode !== 200) failed = response;
    }
    expect(failed?.statusCode).toBe(503);
    expect(Number(failed?.headers['retry-after'])).toBeGreaterThan(0);
    expect(failed?.json().message).not.toMatch(/SQLITE|disk/i);

    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(Number(ready.headers['retry-after'])).toBeGreaterThan(0);
    expect(ready.json()).toMatchObject({ reason: 'disk-full' });
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);

    // Space is freed: the next write goes through and readiness follows.
    await t.app.prisma.$executeRawUnsafe('PRAGMA max_page_count = 1073741823');
    expect((await turn('after-space-freed')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });
});
