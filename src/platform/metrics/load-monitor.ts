import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** Each window's event-loop delay is summarised, then the histogram starts again. */
const WINDOW_MS = 5000;
/** Readiness says "overloaded" while the last window's p99 delay is over this. */
const OVERLOADED_DELAY_MS = 500;

export interface LoadWindow {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Something else that can say the process is past what it takes (a full chat queue). */
export type OverloadSource = () => string | undefined;

/**
 * How far behind the event loop runs (monitorEventLoopDelay, summarised every 5 s) and whether
 * the process is overloaded: the loop's delay, or any registered source (the chat turn queue).
 * /metrics shows the delay; /readyz answers 503 while overloaded, so a balancer sends new
 * users elsewhere instead of letting their turns queue here.
 */
export function createLoadMonitor() {
  let histogram: IntervalHistogram | undefined;
  let timer: NodeJS.Timeout | undefined;
  let last: LoadWindow = { p50Ms: 0, p99Ms: 0, maxMs: 0 };
  const sources = new Map<string, OverloadSource>();
  const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);

  const summarise = () => {
    if (!histogram) return;
    last = {
      p50Ms: ms(histogram.percentile(50)),
      p99Ms: ms(histogram.percentile(99)),
      maxMs: ms(histogram.max),
    };
    histogram.reset();
  };

  return {
    start(): void {
      if (histogram) return;
      histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      timer = setInterval(summarise, WINDOW_MS);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      histogram?.disable();
      histogram = undefined;
    },
    /** The last full window, or the current one if none has closed yet. */
    eventLoop(): LoadWindow {
      return last;
    },
    /**
     * The worst delay a message read now may have waited before the loop got to it: the larger
     * of the last window's maximum and the current window's.
     */
    recentMaxDelayMs(): number {
      return Math.max(last.maxMs, histogram ? ms(histogram.max) : 0);
    },
    addSource(name: string, source: OverloadSource): void {
      sources.set(name, source);
    },
    /** Why the process is overloaded now, or undefined. */
    overloaded(): string | undefined {
      for (const source of sources.values()) {
        const reason = source();
        if (reason) return reason;
      }
      return last.p99Ms > OVERLOADED_DELAY_MS ? 'event-loop-delay' : undefined;
    },
    render(): string {
      const name = 'gongyou_event_loop_delay_seconds';
      const lines = [
        `# HELP ${name} Event-loop delay over the last 5-second window.`,
        `# TYPE ${name} gauge`,
        `${name}{quantile="0.5"} ${last.p50Ms / 1000}`,
        `${name}{quantile="0.99"} ${last.p99Ms / 1000}`,
        `${name}{quantile="1"} ${last.maxMs / 1000}`,
      ];
      return lines.join('\n');
    },
  };
}

export type LoadMonitor = ReturnType<typeof createLoadMonitor>;
