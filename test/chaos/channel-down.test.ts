import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryService, type DeliveryService } from '../../src/delivery/delivery-service.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

const MINUTE = 60_000;

// Issue 16, chaos: a channel's API is down for an hour (WeChat answers errors) while staff
// replies wait in the outbox. The outbox keeps trying, further and further apart, and every
// message reaches the worker once, after the channel is back. The clock is the outbox's own
// (injected), so an hour passes without waiting for one.
describe('a channel down for an hour', () => {
  let t: TestApp;
  let clock: number;
  let outbox: DeliveryService;
  beforeAll(async () => {
    t = await createTestApp();
    clock = Date.now();
    outbox = createDeliveryService({
      prisma: t.app.prisma,
      codec: t.app.messageCodec,
      conversations: t.app.outboundMessages,
      log: t.app.log,
      now: () => new Date(clock),
    });
  });
  afterAll(async () => t.close());

  it('retries with backoff through the outage and delivers each message once when it ends', async () => {
    const conversations: string[] = [];
    for (const user of ['wx-down-1', 'wx-down-2', 'wx-down-3']) {
      const { conversationId } = await chat(t.app, { channelUserId: user, text: '你好' });
      await t.app.prisma.conversation.update({ where: { id: conversationId }, data: { channel: 'wechat' } });
      conversations.push(conversationId);
    }
    const outageEnds = clock + 60 * MINUTE;
    const tries: number[] = [];
    const received = new Map<string, string[]>();
    outbox.registerSender('wechat', async (target, replies) => {
      tries.push(clock);
      if (clock < outageEnds) throw new Error('errcode 45009: api freq out of limit');
      received.set(target.id, [...(received.get(target.id) ?? []), ...replies.map((r) => r.text)]);
      return 'delivered';
    });

    // Staff answer every worker during the outage; each answer is acknowledged as queued.
    for (const [i, conversationId] of conversations.entries()) {
      const sent = await outbox.send(conversationId, [{ type: 'staff', text: `第${i + 1}位工友，您好` }], {
        author: 'staff',
      });
      expect(sent.delivered).toBe(false);
    }
    // The retry worker runs every minute of the outage and half an hour after it.
    for (let minute = 1; minute <= 90; minute++) {
      clock += MINUTE;
      await outbox.processDue();
    }

    expect([...received.entries()].sort()).toEqual(
      conversations.map((id, i) => [id, [`第${i + 1}位工友，您好`]]).sort(),
    );
    const rows = await t.app.prisma.outbox.findMany({ where: { conversationId: { in: conversations } } });
    expect(rows.map((row) => row.status)).toEqual(['delivered', 'delivered', 'delivered']);
    // Backoff: far fewer tries than the 60 the worker had the chance to make for each message,
    // and the gaps between one message's tries never shrink during the outage.
    const perMessage = tries.length / conversations.length;
    expect(perMessage).toBeLessThan(15);
    const first = tries.filter((_, i) => i % conversations.length === 0).filter((at) => at < outageEnds);
    const gaps = first.slice(1).map((at, i) => at - (first[i] ?? at));
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    // Stored once each: the history staff see has one copy of every answer.
    const staffMessages = await t.app.prisma.message.count({
      where: { conversationId: { in: conversations }, author: 'staff' },
    });
    expect(staffMessages).toBe(conversations.length);
  });
});
