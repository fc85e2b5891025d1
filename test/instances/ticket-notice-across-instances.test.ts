import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { type Instances, startInstances } from '../helpers/instances.js';
import { SKIP_WITHOUT_REDIS, TEST_REDIS_URL } from '../helpers/test-redis.js';
import { WsClient } from '../helpers/ws-client.js';
import { createStaff, loginBearer } from '../staff/staff-fixtures.js';

// Generous: these run beside the whole suite on two shared cores; a frame that comes, comes early.
const WAIT = 20_000;

// A worker files a wage complaint in a chat served by instance A; the office works the ticket on B.
describe.skipIf(!TEST_REDIS_URL)(`ticket notices across two instances${SKIP_WITHOUT_REDIS}`, () => {
  let pair: Instances;
  let worker: WsClient | undefined;

  beforeAll(async () => {
    pair = await startInstances({
      redisUrl: TEST_REDIS_URL as string,
      env: { STAFF_LOGIN_PER_MINUTE: '1000' },
    });
  });
  afterAll(async () => {
    worker?.close();
    await pair?.close();
  });

  it('reaches the worker on A when staff on B accept the ticket filed on A', async () => {
    worker = new WsClient(`${pair.a.ws}/ws/chat?channelUserId=rider-ticket`);
    await worker.waitFor((f) => f.event === 'ready', WAIT);
    const say = async (text: string) => {
      worker?.send({ type: 'message', text });
      return (await worker?.waitFor((f) => f.event === 'replies', WAIT))?.replies as OutboundMessage[];
    };
    await say('我叫刘洋，美团骑手，在浦东新区张江站，站长拖欠我两个月工资六千，电话13700001234');
    await say('确认');
    const receipt = (await say('同意')).find((reply) => reply.type === 'ticket');
    const number = receipt?.ticket?.number as string;
    expect(number).toEqual(expect.any(String));

    const ticket = await pair.b.app.prisma.ticket.findFirstOrThrow({ where: { number } });
    await createStaff(pair.b.app, 'agent.tickets', 'agent', ticket.officeId as string);
    const staff = await loginBearer(pair.b.app, 'agent.tickets');
    const accepted = await pair.b.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${number}/status`,
      headers: staff,
      payload: { to: 'accepted', note: '材料齐全，已受理' },
    });
    expect(accepted.statusCode).toBe(200);

    const notice = await worker.seen(
      (f) => f.event === 'push' && (f.replies as OutboundMessage[]).some((r) => r.type === 'ticket'),
      WAIT,
    );
    const [reply] = notice.replies as OutboundMessage[];
    expect(reply?.text).toContain('已受理');
    expect(reply?.ticket).toMatchObject({ number, status: 'accepted' });
    // The outbox on B hears from A (through the bus) that the page took it.
    await expect
      .poll(() => pair.b.app.delivery.pending(ticket.conversationId as string), { timeout: WAIT })
      .toEqual([]);
  });
});
