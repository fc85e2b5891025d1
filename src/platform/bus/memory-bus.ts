import type { Bus, BusHandler, BusSubscription } from './bus.js';

/**
 * The bus of a single instance (no REDIS_URL). Handlers run synchronously inside `publish`, as
 * the hubs did before the bus existed, so one process behaves exactly as it always has.
 */
export function createMemoryBus(onError: (err: unknown) => void = () => {}): Bus {
  const handlers = new Map<string, Set<BusHandler>>();
  const done: Promise<void> = Promise.resolve();

  return {
    async publish(topic, message) {
      const set = handlers.get(topic);
      if (!set) return 0;
      for (const handler of [...set]) {
        try {
          handler(message);
        } catch (err) {
          onError(err);
        }
      }
      // One instance took it, however many handlers it has (the Redis count is per instance).
      return 1;
    },

    subscribe(topic, handler): BusSubscription {
      const set = handlers.get(topic) ?? new Set<BusHandler>();
      set.add(handler);
      handlers.set(topic, set);
      return {
        ready: done,
        close() {
          set.delete(handler);
          if (!set.size && handlers.get(topic) === set) handlers.delete(topic);
        },
      };
    },

    async close() {
      handlers.clear();
    },
  };
}
