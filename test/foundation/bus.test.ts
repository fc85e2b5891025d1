import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bus } from '../../src/platform/bus/bus.js';
import { createMemoryBus } from '../../src/platform/bus/memory-bus.js';
import { createRedisBus } from '../../src/platform/bus/redis-bus.js';
import { createFieldCipher } from '../../src/platform/privacy/encryption.js';
import { createMessageCodec } from '../../src/platform/privacy/message-codec.js';
import { SKIP_WITHOUT_REDIS, TEST_REDIS_URL } from '../helpers/test-redis.js';
import { until } from '../helpers/until.js';

describe('the in-process bus', () => {
  it('hands a message to every handler of the topic at once and counts this instance once', async () => {
    const bus = createMemoryBus();
    const got: unknown[] = [];
    const first = bus.subscribe('chat:1', (m) => got.push(['first', m]));
    bus.subscribe('chat:1', (m) => got.push(['second', m]));
    const sent = bus.publish('chat:1', { text: '你好' });
    // Synchronous, as the hubs were before the bus: a test's inject sees the frame already.
    expect(got).toHaveLength(2);
    expect(await sent).toBe(1);
    first.close();
    expect(await bus.publish('chat:2', {})).toBe(0);
  });

  it('keeps delivering to the others when one handler throws', async () => {
    const errors: unknown[] = [];
    const bus = createMemoryBus((err) => errors.push(err));
    const got: unknown[] = [];
    bus.subscribe('t', () => {
      throw new Error('broken console');
    });
    bus.subscribe('t', (m) => got.push(m));
    await bus.publish('t', 1);
    expect([got, errors.length]).toEqual([[1], 1]);
  });
});

describe.skipIf(!TEST_REDIS_URL)(`the Redis bus${SKIP_WITHOUT_REDIS}`, () => {
  const prefix = `gongyou-bus-test-${randomBytes(4).toString('hex')}:`;
  const codec = createMessageCodec(createFieldCipher(randomBytes(32)));
  const clients: Redis[] = [];
  const connect = () => {
    const client = new Redis(TEST_REDIS_URL as string);
    clients.push(client);
    return client;
  };
  const instance = (): Bus =>
    createRedisBus({
      publisher: connect(),
      subscriber: connect(),
      prefix,
      seal: (plain) => codec.seal(plain) as string,
      open: (sealed) => codec.open(sealed),
      onError: (err) => {
        throw err;
      },
    });
  let a: Bus;
  let b: Bus;
  beforeAll(() => {
    a = instance();
    b = instance();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });

  it('counts the instances listening and delivers to each, sealed on the wire', async () => {
    const wire: string[] = [];
    const spy = connect();
    await spy.subscribe(`${prefix}chat:9`);
    spy.on('message', (_channel, raw: string) => wire.push(raw));
    const onA: unknown[] = [];
    const onB: unknown[] = [];
    const subA = a.subscribe('chat:9', (m) => onA.push(m));
    const subB = b.subscribe('chat:9', (m) => onB.push(m));
    await Promise.all([subA.ready, subB.ready]);

    // Three subscriber connections: A, B and the spy.
    expect(await a.publish('chat:9', [{ type: 'staff', text: '王老师：请发工资条' }])).toBe(3);
    await until(() => onA.length === 1 && onB.length === 1 && wire.length === 1, 'both instances to hear it');
    expect(onB).toEqual([[{ type: 'staff', text: '王老师：请发工资条' }]]);
    expect(wire[0]).not.toContain('工资条');

    subB.close();
    await until(async () => (await a.publish('chat:9', [])) === 2, 'B to stop listening');
  });
});
