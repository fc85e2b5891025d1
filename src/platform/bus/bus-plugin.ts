import fp from 'fastify-plugin';
import type { Bus } from './bus.js';
import { createMemoryBus } from './memory-bus.js';
import { createRedisBus } from './redis-bus.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Live frames between instances (in-process without REDIS_URL). */
    bus: Bus;
  }
}

/** Registered with the infrastructure, after Redis and the data key, before any hub. */
export default fp(
  async (app) => {
    const onError = (err: unknown) => app.log.error({ err }, 'a bus message failed');
    const bus = app.redis
      ? createRedisBus({
          publisher: app.redis.commands,
          subscriber: app.redis.subscriber,
          prefix: app.config.REDIS_PREFIX,
          seal: (plain) => app.fieldCipher.encrypt(plain),
          open: (sealed) => app.messageCodec.open(sealed),
          onError,
        })
      : createMemoryBus(onError);
    app.decorate('bus', bus);
    app.addHook('onClose', async () => bus.close());
  },
  { name: 'bus', dependencies: ['config', 'redis', 'encryption'] },
);
