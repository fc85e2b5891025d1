import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type Db } from '../../src/platform/db/create-prisma.js';
import { connectionOf } from '../../src/platform/db/database-engine.js';
import { createGroupCommit } from '../../src/platform/db/group-commit.js';
import { applyMigrations } from '../../src/platform/db/migrate.js';
import { createTestApp, type TestApp, tempDir } from '../helpers/test-app.js';

describe('group commit', () => {
  let dir: string;
  let prisma: Db;
  beforeAll(async () => {
    dir = tempDir('gongyou-group-commit-');
    const file = path.join(dir, 'db.sqlite');
    applyMigrations(file);
    prisma = await createPrisma(`file:${file}`);
    await prisma.$executeRawUnsafe('CREATE TABLE "probe" ("seq" INTEGER NOT NULL, "who" TEXT NOT NULL)');
  });
  afterAll(async () => {
    await prisma.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes works submitted together in one transaction, in order, and fails only the one that throws', async () => {
    const commits = createGroupCommit(connectionOf(prisma));
    const insert = connectionOf(prisma).db.prepare('INSERT INTO "probe" ("seq", "who") VALUES (?, ?)');
    const results = Array.from({ length: 50 }, (_, seq) =>
      commits.submit(() => {
        insert.run(seq, `w${seq}`);
        if (seq === 7) throw new Error('work 7 fails');
        return seq;
      }),
    );
    const settled = await Promise.allSettled(results);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(1);
    expect(settled[7]).toMatchObject({ status: 'rejected', reason: { message: 'work 7 fails' } });
    expect(commits.stats()).toMatchObject({ commits: 1, works: 50, pending: 0 });
    const rows = await prisma.$queryRawUnsafe<{ seq: bigint }[]>('SELECT "seq" FROM "probe" ORDER BY rowid');
    const expected = Array.from({ length: 50 }, (_, seq) => seq).filter((seq) => seq !== 7);
    expect(rows.map((row) => Number(row.seq))).toEqual(expected);
  });

  it('waits for a Prisma interactive transaction on the same connection instead of joining it', async () => {
    const commits = createGroupCommit(connectionOf(prisma));
    const insert = connectionOf(prisma).db.prepare('INSERT INTO "probe" ("seq", "who") VALUES (?, ?)');
    let grouped: Promise<number> | undefined;
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO "probe" ("seq", "who") VALUES (100, 'prisma')`);
        grouped = commits.submit(() => insert.run(101, 'grouped').changes);
        // Let the group commit try to run while Prisma's transaction is open.
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('roll the Prisma transaction back');
      }),
    ).rejects.toThrow('roll the Prisma transaction back');
    expect(await grouped).toBe(1);
    const rows = await prisma.$queryRawUnsafe<{ who: string }[]>(
      'SELECT "who" FROM "probe" WHERE "seq" >= 100',
    );
    // Prisma's row was rolled back; the grouped one, written after, was not taken with it.
    expect(rows.map((row) => row.who)).toEqual(['grouped']);
  });
});

describe('turns of many conversations at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('keep each conversation’s messages in the order they were sent', async () => {
    const texts = ['你好', '加班费怎么算', '菜单', '附近有驿站吗', '取消'];
    const users = Array.from({ length: 12 }, (_, i) => `order-${i}`);
    // Every user sends all five at once; the turns queue per conversation and commit in groups.
    const results = await Promise.all(
      users.flatMap((user) =>
        texts.map((text) => t.app.chat.handle({ channel: 'web', externalUserId: user, text })),
      ),
    );
    expect(new Set(results.map((r) => r.conversationId)).size).toBe(users.length);
    for (const user of users) {
      const id = results.find((_, i) => users[Math.floor(i / texts.length)] === user)!.conversationId;
      const history = await t.app.conversations.history(id, 100);
      const inbound = history.filter((m) => m.direction === 'in').map((m) => m.text);
      expect(inbound).toEqual(texts);
      // Each message is followed by its replies before the next message.
      expect(history[0]?.direction).toBe('in');
      expect(history.filter((m) => m.direction === 'out').length).toBeGreaterThanOrEqual(texts.length);
    }
    const stats = t.app.conversations.commitStats();
    expect(stats.works).toBe(users.length * texts.length);
  });
});
