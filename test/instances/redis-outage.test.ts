import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { type Instances, startInstances } from '../helpers/instances.js';
import { SKIP_WITHOUT_REDIS, TEST_REDIS_URL } from '../helpers/test-redis.js';
import { until } from '../helpers/until.js';
import { type Frame, WsClient } from '../helpers/ws-client.js';
import { createOffices, createStaff, loginBearer } from '../staff/staff-fixtures.js';

// Generous: these run beside the whole suite on two shared cores; a frame that comes, comes early.
const WAIT = 20_000;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** A redis-server of this test's own (the shared one must not be stopped under other tests). */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve(child);
    });
  });
}

const pushed = (text: string) => (f: Frame) =>
  f.event === 'push' && (f.replies as OutboundMessage[]).some((r) => r.text === text);

// Needs TEST_REDIS_URL like the other Redis tests (it says redis-server is installed).
describe.skipIf(!TEST_REDIS_URL)(`a Redis outage between two instances${SKIP_WITHOUT_REDIS}`, () => {
  let port: number;
  let redis: ChildProcess;
  let pair: Instances;
  let staff: Record<string, string>;
  let worker: WsClient | undefined;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    pair = await startInstances({
      redisUrl: `redis://127.0.0.1:${port}`,
      env: { HANDOFF_OFFICE: 'region-310115', STAFF_LOGIN_PER_MINUTE: '1000' },
    });
    const offices = await createOffices(pair.a.app);
    await createStaff(pair.a.app, 'agent.outage', 'agent', offices.a);
    staff = await loginBearer(pair.b.app, 'agent.outage');
  });
  afterAll(async () => {
    worker?.close();
    await pair?.close();
    redis?.kill('SIGKILL');
  });

  it('keeps a staff reply in the outbox while Redis is down, and carries replies live once it is back', async () => {
    worker = new WsClient(`${pair.a.ws}/ws/chat?channelUserId=rider-outage`);
    await worker.waitFor((f) => f.event === 'ready', WAIT);
    worker.send({ type: 'message', text: '转人工' });
    const conversationId = String((await worker.waitFor((f) => f.event === 'replies', WAIT)).conversationId);
    const handoff = await pair.b.app.prisma.handoff.findFirstOrThrow({ where: { conversationId } });
    const claim = await pair.b.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff.id}/claim`,
      headers: staff,
    });
    expect(claim.statusCode).toBe(200);
    const say = (text: string) =>
      pair.b.app.inject({
        method: 'POST',
        url: `/api/staff/handoffs/${handoff.id}/messages`,
        headers: staff,
        payload: { text },
      });

    redis.kill('SIGKILL');
    await until(() => pair.b.app.redis?.commands.status !== 'ready', 'instance B to notice Redis is gone');
    const during = await say('网络有点问题，稍后回复您。');
    // The reply is stored and queued: the staff member is not told it failed.
    expect(during.statusCode).toBe(200);
    const pending = await pair.b.app.delivery.pending(conversationId);
    expect(pending.map((item) => item.payload).join()).toContain('网络有点问题');

    redis = await startRedis(port);
    // ioredis reconnects and subscribes A again to the worker's conversation.
    const channel = `${pair.a.app.config.REDIS_PREFIX}chat:${conversationId}`;
    await until(async () => {
      const commands = pair.b.app.redis?.commands;
      if (commands?.status !== 'ready') return false;
      const [, listening] = (await commands.pubsub('NUMSUB', channel)) as [string, number];
      return listening === 1;
    }, 'instance A to listen again after Redis came back');
    expect((await say('我回来了，请继续说。')).statusCode).toBe(200);
    await worker.seen(pushed('我回来了，请继续说。'), WAIT);
    // The reply queued during the outage goes out with the outbox's next pass.
    expect(await pair.b.app.delivery.flush(conversationId)).toBeGreaterThanOrEqual(1);
    await worker.seen(pushed('网络有点问题，稍后回复您。'), WAIT);
  });
});
