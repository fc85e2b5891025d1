import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { type Instances, startInstances } from '../helpers/instances.js';
import { SKIP_WITHOUT_REDIS, TEST_REDIS_URL } from '../helpers/test-redis.js';
import { until } from '../helpers/until.js';
import { type Frame, WsClient } from '../helpers/ws-client.js';
import { createOffices, createStaff, loginBearer } from '../staff/staff-fixtures.js';

// Generous: these run beside the whole suite on two shared cores; a frame that comes, comes early.
const WAIT = 20_000;

const pushed = (text: string) => (f: Frame) =>
  f.event === 'push' && (f.replies as OutboundMessage[]).some((r) => r.text === text);
const consoleMessage = (text: string) => (f: Frame) =>
  f.event === 'message' && (f.message as { text: string }).text === text;

// The worker's socket is on instance A, the staff member's console and API calls on instance B.
describe.skipIf(!TEST_REDIS_URL)(`live takeover across two instances${SKIP_WITHOUT_REDIS}`, () => {
  let pair: Instances;
  let staff: Record<string, string>;
  let admin: Record<string, string>;
  let agentId: string;
  const sockets: WsClient[] = [];
  const open = (url: string, headers?: Record<string, string>) => {
    const client = new WsClient(url, headers);
    sockets.push(client);
    return client;
  };

  beforeAll(async () => {
    pair = await startInstances({
      redisUrl: TEST_REDIS_URL as string,
      env: { HANDOFF_OFFICE: 'region-310115', STAFF_LOGIN_PER_MINUTE: '1000' },
    });
    const offices = await createOffices(pair.a.app);
    agentId = (await createStaff(pair.a.app, 'agent.a', 'agent', offices.a)).id;
    await createStaff(pair.a.app, 'admin.a', 'admin', offices.a);
    staff = await loginBearer(pair.b.app, 'agent.a');
    admin = await loginBearer(pair.a.app, 'admin.a');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await pair?.close();
  });

  it('queues on A, is claimed on B, and carries messages both ways', async () => {
    const console = open(`${pair.b.ws}/ws/staff`, staff);
    await console.seen((f) => f.event === 'ready', WAIT);
    const worker = open(`${pair.a.ws}/ws/chat?channelUserId=rider-across`);
    await worker.waitFor((f) => f.event === 'ready', WAIT);

    worker.send({ type: 'message', text: '转人工' });
    const { conversationId } = await worker.waitFor((f) => f.event === 'replies', WAIT);
    const queued = (await console.seen(
      (f) =>
        f.event === 'queue' && (f.handoff as { conversationId: string }).conversationId === conversationId,
      WAIT,
    )) as Frame & { handoff: { id: string; status: string } };
    expect(queued.handoff.status).toBe('waiting');

    const claim = await pair.b.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${queued.handoff.id}/claim`,
      headers: staff,
    });
    expect(claim.statusCode).toBe(200);
    // The worker on A is told a person joined, by the instance that handled the claim.
    await worker.seen(
      (f) => f.event === 'push' && (f.replies as OutboundMessage[]).some((r) => r.type === 'handoff'),
      WAIT,
    );

    worker.send({ type: 'message', text: '我在张江送外卖，老板欠我两个月工资' });
    await console.seen(consoleMessage('我在张江送外卖，老板欠我两个月工资'), WAIT);

    const reply = await pair.b.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${queued.handoff.id}/messages`,
      headers: staff,
      payload: { text: '收到，我是浦东新区总工会的王老师。' },
    });
    expect(reply.statusCode).toBe(200);
    await worker.seen(pushed('收到，我是浦东新区总工会的王老师。'), WAIT);
    // Delivered live, so nothing is left for the outbox to retry: it hears from the worker's
    // instance (through the bus) that the page took it.
    await expect
      .poll(() => pair.a.app.delivery.pending(String(conversationId)), { timeout: WAIT })
      .toEqual([]);
  });

  it('keeps a reply in the outbox while the worker is offline on every instance', async () => {
    const worker = open(`${pair.a.ws}/ws/chat?channelUserId=rider-offline`);
    await worker.waitFor((f) => f.event === 'ready', WAIT);
    worker.send({ type: 'message', text: '转人工' });
    const { conversationId } = await worker.waitFor((f) => f.event === 'replies', WAIT);
    const handoff = await pair.b.app.prisma.handoff.findFirstOrThrow({
      where: { conversationId: String(conversationId) },
    });
    worker.close();
    await worker.closed;
    await pair.b.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff.id}/claim`,
      headers: staff,
    });
    // The socket's close reaches A's bus subscription asynchronously; the claim notice above
    // may still have found it. The reply below is sent once A has stopped listening for sure.
    const channel = `${pair.a.app.config.REDIS_PREFIX}chat:${conversationId}`;
    await until(async () => {
      const redis = pair.a.app.redis;
      if (!redis) throw new Error('instance A has no Redis');
      const [, listening] = (await redis.commands.pubsub('NUMSUB', channel)) as [string, number];
      return listening === 0;
    }, 'instance A to stop listening for the closed socket');
    await pair.b.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff.id}/messages`,
      headers: staff,
      payload: { text: '您在吗？' },
    });
    const pending = await pair.b.app.delivery.pending(String(conversationId));
    expect(pending.map((item) => item.payload).join()).toContain('您在吗？');
  });

  it('closes a staff member’s console on B when an admin on A changes their account', async () => {
    const console = open(`${pair.b.ws}/ws/staff`, await loginBearer(pair.b.app, 'agent.a'));
    await console.seen((f) => f.event === 'ready', WAIT);
    const changed = await pair.a.app.inject({
      method: 'PATCH',
      url: `/api/staff/accounts/${agentId}`,
      headers: admin,
      payload: { password: 'a new correct horse battery' },
    });
    expect(changed.statusCode).toBe(200);
    expect(await console.closed).toEqual({ code: 4001, reason: 'account changed' });
  });
});
