/** What the soak's client saw: latencies per kind, statuses, and what the server acknowledged. */
export function createSoakLedger() {
  const latencies = new Map<string, number[]>();
  const statuses = { '2xx': 0, '4xx': 0, '5xx': 0, network: 0 };
  /** Per conversation: user messages answered, bot replies received, staff replies accepted. */
  const acknowledged = new Map<string, { in: number; bot: number; staff: number }>();
  const tickets: string[] = [];

  const entry = (conversationId: string) => {
    const found = acknowledged.get(conversationId) ?? { in: 0, bot: 0, staff: 0 };
    acknowledged.set(conversationId, found);
    return found;
  };

  return {
    acknowledged,
    tickets,
    statuses,

    /** Time one request of a kind and count its status. */
    async timed<T extends { status: number }>(kind: string, request: () => Promise<T>): Promise<T> {
      const started = performance.now();
      const result = await request();
      const list = latencies.get(kind) ?? [];
      list.push(performance.now() - started);
      latencies.set(kind, list);
      if (result.status === 0) statuses.network += 1;
      else if (result.status < 300) statuses['2xx'] += 1;
      else if (result.status < 500) statuses['4xx'] += 1;
      else statuses['5xx'] += 1;
      return result;
    },

    turnAnswered(conversationId: string, replies: number): void {
      const found = entry(conversationId);
      found.in += 1;
      found.bot += replies;
    },

    staffReplyAccepted(conversationId: string): void {
      entry(conversationId).staff += 1;
    },

    /** p50 / p99 / count per kind, in milliseconds. */
    percentiles(): { kind: string; count: number; p50: number; p99: number }[] {
      return [...latencies.entries()].sort().map(([kind, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
        return { kind, count: sorted.length, p50: at(0.5), p99: at(0.99) };
      });
    },
  };
}

export type SoakLedger = ReturnType<typeof createSoakLedger>;
