import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOutboundMessages } from '../../src/conversation/store/outbound-messages.js';
import { createDeliveryService, type DeliveryService } from '../../src/delivery/delivery-service.js';
import { createOutboxClaims, OUTBOX_LEASE_MS } from '../../src/delivery/outbox-claims.js';
import { createPrisma, type Db } from '../../src/platform/db/create-prisma.js';
import { describeOnEachEngine } from '../helpers/engines.js';
import { chat, type TestApp } from '../helpers/test-app.js';

describeOnEachEngine('outbox delivery claimed by two instances', (engine) => {
  let t: TestApp;
  let prismaB: Db;
  let clock = Date.parse('2026-12-03T08:00:00Z');
  const now = () => new Date(clock);
  /** Every send each instance made, by the text it carried. */
  const sent: { instance: string; text: string }[] = [];

  const instance = (name: string, prisma: Db): DeliveryService => {
    const delivery = createDeliveryService({
      prisma,
      codec: t.app.messageCodec,
      conversations: createOutboundMessages(prisma, t.app.messageCodec),
      log: pino({ level: 'silent' }),
      now,
    });
    delivery.registerSender('wecom', async (_target, replies) => {
      for (const reply of replies) sent.push({ instance: name, text: reply.text ?? '' });
      return 'delivered';
    });
    return delivery;
  };

  beforeAll(async () => {
    t = await engine.createApp();
    prismaB = await createPrisma(t.databaseUrl);
  });
  afterAll(async () => {
    await prismaB?.$disconnect();
    await t?.close();
  });

  /** Queue messages for a WeCom user without trying them (as if the first try was lost). */
  async function queue(user: string, texts: string[]): Promise<string> {
    const { conversationId } = await chat(t.app, { channelUserId: user, text: '你好' });
    await t.app.prisma.conversation.update({ where: { id: conversationId }, data: { channel: 'wecom' } });
    for (const text of texts) {
      const staged = await t.app.delivery.stage(conversationId, [{ type: 'staff', text }]);
      await t.app.prisma.$transaction(staged!.writes);
    }
    await t.app.prisma.outbox.updateMany({ where: { conversationId }, data: { nextAttemptAt: now() } });
    return conversationId;
  }

  it('sends each due message once when both instances poll at the same moment', async () => {
    const texts = Array.from({ length: 30 }, (_, i) => `消息 ${i}`);
    const conversationId = await queue('claims-rider-1', texts);
    const a = instance('A', t.app.prisma);
    const b = instance('B', prismaB);
    await Promise.all([a.processDue(), b.processDue(), a.flush(conversationId), b.processDue()]);
    expect(sent.map((s) => s.text).sort()).toEqual([...texts].sort());
    expect(await t.app.prisma.outbox.count({ where: { conversationId, status: 'delivered' } })).toBe(30);
    expect(await t.app.prisma.outbox.count({ where: { conversationId, leaseHolder: { not: null } } })).toBe(
      0,
    );
  });

  it('hands a message to the other instance only once the dead holder’s lease has lapsed', async () => {
    sent.length = 0;
    const conversationId = await queue('claims-rider-2', ['工会回复']);
    // Instance A claims the row and dies before it sends or records anything.
    const dead = createOutboxClaims(t.app.prisma);
    expect(await dead.claimDue(now(), 10)).toHaveLength(1);

    const b = instance('B', prismaB);
    clock += OUTBOX_LEASE_MS - 1000;
    await b.processDue();
    await b.flush(conversationId);
    expect(sent).toEqual([]);

    clock += 2000;
    await b.processDue();
    expect(sent).toEqual([{ instance: 'B', text: '工会回复' }]);
    // Had A come back, its late outcome no longer counts: B holds the row's outcome.
    expect(
      await dead.finish((await t.app.prisma.outbox.findFirstOrThrow({ where: { conversationId } })).id, {}),
    ).toBe(false);
    expect(await t.app.prisma.outbox.findFirstOrThrow({ where: { conversationId } })).toMatchObject({
      status: 'delivered',
      leaseHolder: null,
    });
  });
});
