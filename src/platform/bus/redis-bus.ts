import type { Redis } from 'ioredis';
import type { Bus, BusHandler, BusSubscription } from './bus.js';

export interface RedisBusOptions {
  /** Commands (PUBLISH) go here; a connection in subscriber mode can send nothing else. */
  publisher: Redis;
  /** One connection per instance in subscriber mode; ioredis resubscribes after a reconnect. */
  subscriber: Redis;
  /** Channel names start with this, so two deployments can share one Redis. */
  prefix: string;
  /**
   * Live frames carry what workers and staff wrote (personal data): sealed with the data key
   * before they leave the process, opened on arrival. Every instance holds the same key.
   */
  seal: (plain: string) => string;
  open: (sealed: string) => string | null;
  onError: (err: unknown) => void;
}

/**
 * The bus across instances on Redis pub/sub. PUBLISH answers how many subscriber connections got
 * the message, i.e. how many instances listen on the topic: the chat's "is the worker online"
 * is that count, with no registry of sockets to keep in step.
 */
export function createRedisBus(options: RedisBusOptions): Bus {
  const { publisher, subscriber, prefix } = options;
  const topics = new Map<string, { handlers: Set<BusHandler>; ready: Promise<void> }>();

  subscriber.on('message', (channel: string, raw: string) => {
    const topic = topics.get(channel.slice(prefix.length));
    if (!topic) return;
    let message: unknown;
    try {
      const opened = options.open(raw);
      if (opened === null) return;
      message = JSON.parse(opened);
    } catch (err) {
      options.onError(err);
      return;
    }
    for (const handler of [...topic.handlers]) {
      try {
        handler(message);
      } catch (err) {
        options.onError(err);
      }
    }
  });

  return {
    publish(topic, message) {
      return publisher.publish(prefix + topic, options.seal(JSON.stringify(message)));
    },

    subscribe(name, handler): BusSubscription {
      let topic = topics.get(name);
      if (!topic) {
        const ready = subscriber.subscribe(prefix + name).then(() => undefined);
        // A failed SUBSCRIBE is reported once here; callers awaiting `ready` see it too.
        ready.catch(options.onError);
        topic = { handlers: new Set(), ready };
        topics.set(name, topic);
      }
      const current = topic;
      current.handlers.add(handler);
      return {
        ready: current.ready,
        close() {
          current.handlers.delete(handler);
          if (current.handlers.size || topics.get(name) !== current) return;
          topics.delete(name);
          // Commands on one connection run in order: a SUBSCRIBE sent after this one still wins.
          subscriber.unsubscribe(prefix + name).catch(options.onError);
        },
      };
    },

    async close() {
      topics.clear();
    },
  };
}
