import { DomainError } from '../platform/domain-error.js';

export interface TurnQueueLimits {
  /** Turns one conversation may have waiting or running at once (a double tap, a retry). */
  perConversation: number;
  /** Turns the whole process may have waiting or running at once. */
  global: number;
}

/** What a turn past the queue's bounds is answered with: 503 / a busy frame, and when to retry. */
export class ChatBusyError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    readonly scope: 'conversation' | 'global',
  ) {
    super('unavailable', message);
    this.name = 'ChatBusyError';
  }
}

/** Completions are counted per second over this many seconds to say how fast the queue drains. */
const RATE_SECONDS = 5;
const MAX_RETRY_AFTER_SECONDS = 30;
/** Readiness says the queue is full for this long after it last turned a turn away. */
const FULL_HOLD_MS = 5000;

/**
 * Bounds on the turns waiting in the chat service, per conversation and in all: past them a turn
 * is refused at once with a retry time estimated from how fast turns complete, never left to
 * wait behind an ever longer line (at N = 1,000 the old unbounded line answered after 46 s).
 */
export function createTurnQueue(limits: TurnQueueLimits, now: () => number = () => Date.now()) {
  const perKey = new Map<string, number>();
  let inFlight = 0;
  let lastRefusedAt = Number.NEGATIVE_INFINITY;
  const completions = new Array<number>(RATE_SECONDS).fill(0);
  let currentSecond = Math.floor(now() / 1000);

  const roll = () => {
    const second = Math.floor(now() / 1000);
    for (let s = currentSecond + 1; s <= second && s <= currentSecond + RATE_SECONDS; s++)
      completions[s % RATE_SECONDS] = 0;
    currentSecond = Math.max(currentSecond, second);
  };

  /** Seconds until the line ahead of a new turn has likely drained, from the recent completion rate. */
  const retryAfter = (ahead: number) => {
    roll();
    const done = completions.reduce((sum, count) => sum + count, 0);
    const perSecond = done / RATE_SECONDS;
    if (perSecond <= 0) return 5;
    return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(ahead / perSecond)));
  };

  return {
    /**
     * Take a place for a turn of `key`, or null with the scope that is full. The caller must
     * call the returned release when the turn ends, however it ends.
     */
    enter(
      key: string,
    ): { release: () => void } | { full: 'conversation' | 'global'; retryAfterSeconds: number } {
      const mine = perKey.get(key) ?? 0;
      const full =
        mine >= limits.perConversation ? 'conversation' : inFlight >= limits.global ? 'global' : undefined;
      if (full) {
        lastRefusedAt = now();
        return { full, retryAfterSeconds: retryAfter(full === 'conversation' ? mine : inFlight) };
      }
      perKey.set(key, mine + 1);
      inFlight += 1;
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          inFlight -= 1;
          const left = (perKey.get(key) ?? 1) - 1;
          if (left > 0) perKey.set(key, left);
          else perKey.delete(key);
          roll();
          completions[currentSecond % RATE_SECONDS]! += 1;
        },
      };
    },
    /** Turns waiting or running now. */
    size: () => inFlight,
    /** 'chat-queue-full' while the queue has turned turns away in the last few seconds. */
    overload: (): string | undefined =>
      now() - lastRefusedAt < FULL_HOLD_MS ? 'chat-queue-full' : undefined,
  };
}

export type TurnQueue = ReturnType<typeof createTurnQueue>;
