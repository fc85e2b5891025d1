import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { type Instances, startInstances } from '../helpers/instances.js';
import { SKIP_WITHOUT_REDIS, TEST_REDIS_URL } from '../helpers/test-redis.js';
import { WsClient } from '../helpers/ws-client.js';

// Generous: these run beside the whole suite on two shared cores; a frame that comes, comes early.
const WAIT = 20_000;

// The web chat page is on A; a staff line is sent from B. The outbox row lives in the shared
// database, so the page's acknowledgement on A settles what B queued.
describe.skipIf(!TEST_REDIS_URL)(`web acknowledgements across two instances${SKIP_WITHOUT_REDIS}`, () => {
  let pair: Instances;
  let page: WsClient | undefined;

  beforeAll(async () => {
    pair = await startInstances({ redisUrl: TEST_REDIS_URL as string });
  });
  afterAll(async () => {
    page?.close();
    await pair?.close();
  });

  it('keeps a line sent on B pending until the page on A acknowledges its id', async () => {
    page = new WsClient(`${pair.a.ws}/ws/chat?channelUserId=acking-across&ack=1`);
    await page.waitFor((f) => f.event === 'ready', WAIT);
    page.send({ type: 'message', text: '你好' });
    const first = await page.waitFor((f) => f.event === 'replies', WAIT);
    const conversationId = String(first.conversationId);
    await pair.b.app.delivery.send(conversationId, [{ type: 'staff', text: '我是工会的王老师' }], {
      author: 'staff',
    });
    const push = await page.seen((f) => f.event === 'push', WAIT);
    const [line] = push.replies as OutboundMessage[];
    expect(line?.text).toBe('我是工会的王老师');
    // Reached the page, not yet seen by it: B keeps it.
    expect(await pair.b.app.delivery.pending(conversationId)).toHaveLength(1);
    page.send({ type: 'ack', ids: [line?.id] });
    await expect
      .poll(async () => (await pair.b.app.delivery.pending(conversationId)).length, { timeout: WAIT })
      .toBe(0);
  });
});
