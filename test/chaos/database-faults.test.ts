import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqlitePathFromUrl } from '../../src/platform/db/sqlite-path.js';
import { chat, clientSecretFor, createTestApp, type TestApp } from '../helpers/test-app.js';

const REPORT =
  '我是美团骑手，在浦东新区张江站送餐，站长拖欠我3个月工资一共一万二，我叫李强，电话138 1234 5678';

// Issue 16, chaos: the database stops taking writes (another process holds its lock, the disk
// is full) at the worst moment of an intake, the worker's consent. Whatever the worker was
// answered must be true afterwards: no ticket they were not told of, none twice, and their
// complaint still waiting for them when the database is back.
describe('an intake while the database is locked or full', () => {
  let t: TestApp;
  let other: Database.Database;
  beforeAll(async () => {
    t = await createTestApp({ DATABASE_BUSY_WAIT_MS: '300' });
    other = new Database(sqlitePathFromUrl(t.databaseUrl));
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    await t.app.prisma.$executeRawUnsafe('PRAGMA max_page_count = 1073741823');
  });
  afterAll(async () => {
    other.close();
    await t.close();
  });

  /** One chat turn as the browser sends it, whatever the status. */
  const send = (user: string, text: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      payload: { channelUserId: user, text, clientSecret: clientSecretFor(t.app, user) },
    });

  /** The worker has reported and confirmed; the next message is their consent. */
  async function atConsent(user: string): Promise<string> {
    const { conversationId } = await chat(t.app, { channelUserId: user, text: REPORT });
    const asked = await chat(t.app, { channelUserId: user, text: '确认' });
    expect(asked.replies[0]?.text).toContain('同意');
    return conversationId;
  }

  const ticketsOf = async (conversationId: string) =>
    (await t.app.prisma.ticket.findMany({ where: { conversationId } })).map((row) => row.number);
  const inbound = async (conversationId: string) =>
    (await t.app.conversations.history(conversationId))
      .filter((m) => m.direction === 'in')
      .map((m) => m.text);

  /** Consent again once the database is back: one ticket, the one the receipt names. */
  async function consentFilesOnce(user: string, conversationId: string): Promise<void> {
    const again = await chat(t.app, { channelUserId: user, text: '同意' });
    const receipt = again.replies.find((reply) => reply.type === 'ticket');
    expect(receipt?.ticket.number).toMatch(/^GY-\d{8}-\d{4}$/);
    expect(await ticketsOf(conversationId)).toEqual([receipt?.ticket.number]);
  }

  it('waits out a short lock at consent and answers with the receipt', async () => {
    const conversationId = await atConsent('db-chaos-short-lock');
    other.exec('BEGIN IMMEDIATE');
    const consent = send('db-chaos-short-lock', '同意');
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    other.exec('COMMIT');
    const response = await consent;
    expect(response.statusCode).toBe(200);
    const receipt = response.json().replies.find((r: { type: string }) => r.type === 'ticket');
    expect(await ticketsOf(conversationId)).toEqual([receipt.ticket.number]);
    expect(await inbound(conversationId)).toEqual([REPORT, '确认', '同意']);
  });

  it('tells the worker to retry when the lock outlasts the wait, and files once when they do', async () => {
    const user = 'db-chaos-long-lock';
    const conversationId = await atConsent(user);
    other.exec('BEGIN IMMEDIATE');
    const refused = await send(user, '同意');
    expect(refused.statusCode).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    other.exec('COMMIT');
    expect(await ticketsOf(conversationId)).toEqual([]);
    // The refused turn left nothing behind; the complaint still waits for consent.
    expect(await inbound(conversationId)).toEqual([REPORT, '确认']);
    await consentFilesOnce(user, conversationId);
  });

  it('tells the worker to retry while the disk is full, and files once when space is back', async () => {
    const user = 'db-chaos-disk-full';
    const conversationId = await atConsent(user);
    const [row] = await t.app.prisma.$queryRawUnsafe<{ page_count: bigint }[]>('PRAGMA page_count');
    await t.app.prisma.$executeRawUnsafe(`PRAGMA max_page_count = ${Number(row?.page_count)}`);
    // Other workers' turns use up what room the last page had.
    for (let i = 0; i < 400; i++) {
      const filler = await send(`db-chaos-filler-${i}`, `第${i}个问题：${'工资'.repeat(300)}`);
      if (filler.statusCode === 503) break;
    }
    const refused = await send(user, '同意');
    expect(refused.statusCode).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The ticket may have fitted where the turn did not: either way the worker saw no number.
    await t.app.prisma.$executeRawUnsafe('PRAGMA max_page_count = 1073741823');
    expect(await inbound(conversationId)).toEqual([REPORT, '确认']);
    await consentFilesOnce(user, conversationId);
  });

  it('does not file twice when the lock comes between the ticket and the turn that answers it', async () => {
    const user = 'db-chaos-between';
    const conversationId = await atConsent(user);
    // The ticket commits; before the turn is saved, another process takes the lock.
    const create = t.app.tickets.create.bind(t.app.tickets);
    t.app.tickets.create = async (...args) => {
      const receipt = await create(...args);
      other.exec('BEGIN IMMEDIATE');
      return receipt;
    };
    try {
      const refused = await send(user, '同意');
      expect(refused.statusCode).toBe(503);
    } finally {
      t.app.tickets.create = create;
      other.exec('COMMIT');
    }
    // The worker was not told a number, so they consent again: the same complaint, one ticket.
    await consentFilesOnce(user, conversationId);
    // A later complaint of the same worker is a new one, and gets its own ticket.
    const [first] = await ticketsOf(conversationId);
    await chat(t.app, { channelUserId: user, text: REPORT });
    await chat(t.app, { channelUserId: user, text: '确认' });
    const second = await chat(t.app, { channelUserId: user, text: '同意' });
    const number = second.replies.find((reply) => reply.type === 'ticket')?.ticket.number;
    expect(number).not.toBe(first);
    expect((await ticketsOf(conversationId)).sort()).toEqual([first, number].sort());
  });
});
