import type { FastifyBaseLogger } from 'fastify';

/**
 * Work a callback starts after it has answered WeChat (late answers, WeCom message pulls).
 * Failures are logged, never thrown into nowhere; `idle()` lets shutdown and tests wait for it.
 */
export function createBackgroundTasks(log: FastifyBaseLogger, label: string) {
  const running = new Set<Promise<unknown>>();
  return {
    run(task: () => Promise<unknown>): void {
      const promise = task()
        .catch((err) => log.error({ err }, `${label} background task failed`))
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async idle(): Promise<void> {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}

export type BackgroundTasks = ReturnType<typeof createBackgroundTasks>;

/** Remembers keys for a while: WeChat retries a callback up to three times within ~15 s. */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  constructor(private readonly ttlMs: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V): void {
    const now = Date.now();
    // Insertion order is age order: drop expired entries from the front.
    for (const [oldKey, entry] of this.entries) {
      if (now - entry.at < this.ttlMs) break;
      this.entries.delete(oldKey);
    }
    this.entries.set(key, { value, at: now });
  }
}
