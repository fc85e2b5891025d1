import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';

export interface RedisConnections {
  /** Ordinary commands: PUBLISH, the rate-limit counters. */
  commands: Redis;
  /** Subscriber mode only (the bus). */
  subscriber: Redis;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Set only when REDIS_URL is: the instances of one deployment share it. */
    redis: RedisConnections | undefined;
  }
}

/**
 * Two connections to the Redis named by REDIS_URL, or none. Boot waits for both, so an instance
 * that cannot reach Redis fails at start instead of serving a half-shared state.
 */
export default fp(
  async (app) => {
    const url = app.config.REDIS_URL;
    if (!url) {
      app.decorate('redis', undefined);
      return;
    }
    // ioredis loads only when REDIS_URL is set.
    const { Redis } = await import('ioredis');
    const connect = (name: string) => {
      const client = new Redis(url, {
        connectionName: `gongyou-${name}`,
        lazyConnect: true,
        // While Redis is away a PUBLISH fails within a few retries instead of holding a staff
        // member's request: the outbox keeps the message and retries it, the limiter lets it by.
        maxRetriesPerRequest: 2,
      });
      // Without a listener ioredis prints every reconnect attempt; one warning line says enough.
      client.on('error', (err: Error) => app.log.warn({ err: err.message, connection: name }, 'redis error'));
      return client;
    };
    const connections: RedisConnections = { commands: connect('commands'), subscriber: connect('bus') };
    try {
      await Promise.all([connections.commands.connect(), connections.subscriber.connect()]);
    } catch (err) {
      connections.commands.disconnect();
      connections.subscriber.disconnect();
      throw err;
    }
    app.decorate('redis', connections);
    app.readiness.add('redis', () => connections.commands.status);
    app.addHook('onClose', async () => {
      await Promise.allSettled([connections.subscriber.quit(), connections.commands.quit()]);
    });
  },
  { name: 'redis', dependencies: ['config', 'readiness'] },
);
