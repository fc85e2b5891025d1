import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDeliveryService } from '../../src/delivery/delivery-service.js';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { describeInstancesOnEachEngine } from '../helpers/instance-engines.js';
import { type Instances, startInstances } from '../helpers/instances.js';
import { SKIP_WITHOUT_REDIS, TEST_REDIS_URL } from '../helpers/test-redis.js';
import { type Frame, WsClient } from '../helpers/ws-client.js';

// Generous: these run beside the whole suite on two shared cores; a frame that comes, comes early.
const WAIT = 20_000;
const LEASE_MS = 30_000;
const MESSAGES = 6;

/**
 * An outbox worker of `app` on a clock the test sets, so the lease lapses when the test says,
 * not after a wait. It is the app's own outbox (same rows, same codec, same conversations).
 */
function outboxWorker(app: FastifyInstance, clock: { at: Date }) {
  return createDeliveryService({
    prisma: app.prisma,
    codec: app.messageCodec,
    conversations: app.outboundMessages,
    log: app.log,
    now: () => clock.at,
    leaseMs: LEASE_MS,
  });
}

const pushedTexts = (frames: Frame[]) =>
  frames
    .filter((f) => f.event === 'push')
    .flatMap((f) => (f.replies as OutboundMessage[]).map((reply) => reply.text));

// Instance A claims the whole outbox and dies in the middle of sending; instance B, where the
// worker's socket is, takes the rows over once A's lease has lapsed.
describeInstancesOnEachEngine(
  'an instance killed mid-delivery',
  (engine) => {
    let pair: Instances;
    let worker: WsClient | undefined;
    beforeAll(async () => {
      pair = await startInstances({ engine, redisUrl: TEST_REDIS_URL as string });
    });
    afterAll(async () => {
      worker?.close();
      await pair?.close();
    });

    it('loses and duplicates nothing: B delivers each message once after A’s lease lapses', async () => {
      worker = new WsClient(`${pair.b.ws}/ws/chat?channelUserId=rider-killed-mid-delivery`);
      await worker.waitFor((f) => f.event === 'ready', WAIT);
      worker.send({ type: 'message', text: '你好' });
      const conversationId = String(
        (await worker.waitFor((f) => f.event === 'replies', WAIT)).conversationId,
      );

      // Staff replies queued on A (stored and committed, not yet attempted).
      const texts = Array.from({ length: MESSAGES }, (_, i) => `王老师的第${i + 1}条回复`);
      for (const text of texts) {
        const staged = await pair.a.app.delivery.stage(conversationId, [{ type: 'text', text }], {
          author: 'staff',
        });
        await pair.a.app.prisma.$transaction(staged?.writes ?? []);
      }
      const clock = { at: new Date() };

      // A's worker claims every due row, hands the first to a channel that never answers (the
      // process is about to die), and A is closed with the rest still claimed, unattempted.
      const dying = outboxWorker(pair.a.app, clock);
      const handedToDying: string[] = [];
      dying.registerSender('web', (_target, replies) => {
        handedToDying.push(...replies.map((reply) => reply.text ?? ''));
        return new Promise(() => {});
      });
      void dying.processDue();
      const held = () =>
        pair.b.app.prisma.outbox.count({
          where: { conversationId, status: 'pending', leaseHolder: { not: null } },
        });
      await expect.poll(held, { timeout: WAIT }).toBe(MESSAGES);
      await expect.poll(() => handedToDying.length, { timeout: WAIT }).toBe(1);
      await pair.a.app.close();

      const survivor = outboxWorker(pair.b.app, clock);
      survivor.registerSender('web', (target, replies) => pair.b.app.chat.pushOutcome(target.id, replies));
      // While A's lease is live, B leaves its rows alone.
      clock.at = new Date(clock.at.getTime() + LEASE_MS - 1000);
      await survivor.processDue();
      expect(await held()).toBe(MESSAGES);
      expect(pushedTexts(worker.frames)).toEqual([]);

      // Past the lease: B takes them all and the worker gets each, in order.
      clock.at = new Date(clock.at.getTime() + 2000);
      await survivor.processDue();
      await expect.poll(() => pushedTexts(worker?.frames ?? []).length, { timeout: WAIT }).toBe(MESSAGES);
      const delivered = await pair.b.app.prisma.outbox.findMany({ where: { conversationId } });
      expect(delivered.map((row) => [row.status, row.leaseHolder])).toEqual(
        Array(MESSAGES).fill(['delivered', null]),
      );

      // Nothing is sent twice: later rounds and a reconnect flush find nothing, and a last
      // message (pushed after them on the same socket) is the only frame that follows.
      clock.at = new Date(clock.at.getTime() + 3_600_000);
      await survivor.processDue();
      expect(await survivor.flush(conversationId)).toBe(0);
      await survivor.send(conversationId, [{ type: 'text', text: '最后一条' }], { author: 'staff' });
      await worker.seen((f) => pushedTexts([f]).includes('最后一条'), WAIT);
      expect(pushedTexts(worker.frames)).toEqual([...texts, '最后一条']);
    });
  },
  SKIP_WITHOUT_REDIS,
);
