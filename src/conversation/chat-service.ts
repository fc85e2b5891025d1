import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import {
  type Channel,
  type InboundMessage,
  MESSAGE_TEXT_MAX_CHARS,
  type OutboundMessage,
} from '../messages/messages.js';
import type { Bus, BusSubscription } from '../platform/bus/bus.js';
import { createMemoryBus } from '../platform/bus/memory-bus.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import { DEFAULT_LOCALE, type Locale } from '../platform/i18n/locales.js';
import type { Counter } from '../platform/metrics/registry.js';
import { handleMessage } from './engine.js';
import type { Effect, ReplyDelta } from './flow.js';
import type { FlowRegistry } from './flow-registry.js';
import { KeyedMutex } from './keyed-mutex.js';
import { ConversationRaceError } from './store/turn-rows.js';

/** Tries of a turn whose conversation another instance wrote meanwhile (then the error stands). */
const RACE_ATTEMPTS = 4;

import type { ConversationMode } from './state.js';
import type { ConversationStore, LoadedConversation } from './store/conversation-store.js';
import { ChatBusyError, createTurnQueue, type TurnQueue } from './turn-queue.js';
import type { Understand } from './understanding/understand.js';
import { keepUnheard, transcribeVoice, type VoiceDeps } from './voice-input.js';

export interface ChatTurnResult {
  conversationId: string;
  locale: Locale;
  mode: ConversationMode;
  replies: OutboundMessage[];
  /** False when nothing was stored and the conversation does not exist yet (a too-long first message). */
  stored: boolean;
}

export type EffectHandler = (
  effect: Effect,
  conversation: { id: string; channel: string; locale: Locale },
) => Promise<void>;
/**
 * A listener that will acknowledge what it got (by message id) returns 'awaiting-ack'; whatever
 * else one returns means it took the replies as they are.
 */
export type PushListener = (replies: OutboundMessage[]) => unknown;
/** Where a push went: nobody listening, listeners that take it as is, or clients that will acknowledge it. */
export type PushOutcome = 'offline' | 'delivered' | 'sent';
/** A push on the bus; `from` is set when the publishing instance delivered to its own listeners. */
interface PushEnvelope {
  from?: string;
  replies: OutboundMessage[];
}

export interface ChatServiceDeps {
  store: ConversationStore;
  flows: FlowRegistry;
  t: (locale: Locale) => Translate;
  log: FastifyBaseLogger;
  turns: Counter;
  now?: () => Date;
  /** The reading of each message (see understanding/understand.ts). */
  understand?: Understand;
  /** Bounds on waiting turns (unbounded by default is never right: see turn-queue.ts). */
  queue?: TurnQueue;
  /** Pushes reach the user's sockets on every instance through it (in-process by default). */
  bus?: Bus;
  /** Speech recognition and the keeping of unheard voice messages (absent: voice is not handled). */
  voice?: VoiceDeps;
}

export interface TurnOptions {
  conversationId?: string;
  onDelta?: (delta: ReplyDelta) => void;
  /** Queue the replies in the outbox with the turn, for a channel that sends them out of band. */
  queueFor?: Channel;
}

export class ConversationNotFoundError extends Error {
  constructor(id: string) {
    super(`conversation ${id} not found`);
  }
}

/**
 * The one entry point every channel calls: load (or create) the conversation, run the engine,
 * save the turn, then run its effects. The reply is returned only after it is saved, so what
 * the user saw survives a crash.
 */
export function createChatService(deps: ChatServiceDeps) {
  const mutex = new KeyedMutex();
  const effectHandlers = new Map<string, EffectHandler[]>();
  const listeners = new Map<string, { set: Set<PushListener>; subscription: BusSubscription }>();
  const bus = deps.bus ?? createMemoryBus((err) => deps.log.error({ err }, 'a push listener failed'));
  const topic = (conversationId: string) => `chat:${conversationId}`;
  /** Marks this instance's own pushes on the bus: its listeners were handed them directly. */
  const instance = randomUUID();
  const takenElsewhere: ((conversationId: string, replies: OutboundMessage[]) => Promise<unknown>)[] = [];
  const now = deps.now ?? (() => new Date());
  const queue = deps.queue ?? createTurnQueue({ perConversation: 5, global: 1000 });

  async function load(inbound: InboundMessage, conversationId?: string): Promise<LoadedConversation> {
    if (conversationId) {
      const found = await deps.store.findById(conversationId);
      if (!found) throw new ConversationNotFoundError(conversationId);
      return found;
    }
    return (
      (await deps.store.find(inbound.channel, inbound.externalUserId)) ??
      deps.store.unstored(inbound.channel, inbound.externalUserId, inbound.locale)
    );
  }

  async function runEffects(
    effects: Effect[],
    conversation: { id: string; channel: string; locale: Locale },
  ) {
    for (const effect of effects) {
      for (const handler of effectHandlers.get(effect.type) ?? []) {
        try {
          await handler(effect, conversation);
        } catch (err) {
          // The turn is saved and answered; a failed side effect is logged, never shown as an error.
          deps.log.error({ err, effect: effect.type, conversationId: conversation.id }, 'chat effect failed');
        }
      }
    }
  }

  /**
   * One turn under this process's lock for the conversation. Another instance (or a person
   * taking the chat) may still write the conversation between this turn's read and its save: the
   * save is then refused (ConversationRaceError, nothing written) and the turn runs again on what
   * is there now, up to RACE_ATTEMPTS times. A retried turn streams nothing: its first try may
   * already have streamed, and the final reply is what counts.
   */
  function turn(received: InboundMessage, options: TurnOptions): Promise<ChatTurnResult> {
    const key = options.conversationId ?? `${received.channel}:${received.externalUserId}`;
    return mutex.run(key, async () => {
      let message = received;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await attemptTurn(
            message,
            attempt === 1 ? options : { ...options, onDelta: undefined },
            (kept) => {
              message = kept;
            },
          );
        } catch (error) {
          if (!(error instanceof ConversationRaceError)) throw error;
          if (attempt >= RACE_ATTEMPTS) {
            // Still overtaken after every try: nothing of this turn was written; say so, and when
            // to send again, as for a full queue (503 + Retry-After, or a busy frame).
            const message = deps.t(received.locale ?? DEFAULT_LOCALE)('fallback.busy', { seconds: 1 });
            throw new ChatBusyError(message, 1, 'conversation');
          }
          deps.log.warn(
            { attempt, channel: received.channel },
            'conversation changed during the turn; retrying',
          );
        }
      }
    });
  }

  async function attemptTurn(
    received: InboundMessage,
    options: TurnOptions,
    onKept: (inbound: InboundMessage) => void,
  ): Promise<ChatTurnResult> {
    const conversation = await load(received, options.conversationId);
    const inbound = await keepUnheard(received, conversation.id, deps.voice?.keep);
    onKept(inbound);
    if (inbound.text && isOverCap(inbound.text)) {
      // Told, not read: no understanding step sees it and nothing is stored.
      const text = deps.t(conversation.locale)('fallback.tooLong', { max: MESSAGE_TEXT_MAX_CHARS });
      return {
        conversationId: conversation.id,
        locale: conversation.locale,
        mode: conversation.mode,
        replies: [{ type: 'text', text }],
        stored: conversation.stored,
      };
    }
    if (conversation.stateProblem) {
      deps.log.error(
        { conversationId: conversation.id, reason: conversation.stateProblem },
        'stored conversation state was invalid; reset',
      );
    }
    const result = await handleMessage(
      {
        conversationId: conversation.id,
        state: conversation.state,
        mode: conversation.mode,
        locale: conversation.locale,
        isFirstMessage: conversation.isNew,
        inbound,
        now: now(),
        onDelta: options.onDelta,
      },
      { flows: deps.flows, t: deps.t, understand: deps.understand },
    );
    // Tell the worker rather than pretend: whatever they were in the middle of is gone.
    if (conversation.stateProblem)
      result.replies.unshift({ type: 'text', text: deps.t(result.locale)('fallback.stateReset') });
    await deps.store.saveTurn({
      conversation,
      inbound,
      replies: result.replies,
      state: result.state,
      mode: result.mode,
      locale: result.locale,
      ...(options.queueFor ? { queueFor: options.queueFor } : {}),
    });
    deps.turns.inc({ channel: inbound.channel, intent: result.intent.name });
    await runEffects(result.effects, {
      id: conversation.id,
      channel: conversation.channel,
      locale: result.locale,
    });
    return {
      conversationId: conversation.id,
      locale: result.locale,
      mode: result.mode,
      replies: result.replies,
      stored: true,
    };
  }

  return {
    /**
     * One turn, in its place in the bounded line: refused at once with ChatBusyError (503 and
     * Retry-After, or a busy frame) when this conversation or the whole process has too many
     * turns waiting.
     */
    async handle(inbound: InboundMessage, options: TurnOptions = {}): Promise<ChatTurnResult> {
      const key = options.conversationId ?? `${inbound.channel}:${inbound.externalUserId}`;
      const place = queue.enter(key);
      if ('full' in place) {
        const seconds = place.retryAfterSeconds;
        const message = deps.t(inbound.locale ?? DEFAULT_LOCALE)('fallback.busy', { seconds });
        throw new ChatBusyError(message, seconds, place.full);
      }
      try {
        return await turn(await transcribeVoice(inbound, deps.voice?.asr()), options);
      } finally {
        place.release();
      }
    },

    /** The bounded line of turns (its size and whether it is full, for metrics and readiness). */
    queue,

    onEffect(type: string, handler: EffectHandler): void {
      effectHandlers.set(type, [...(effectHandlers.get(type) ?? []), handler]);
    },

    /**
     * Live listeners for messages that arrive outside a turn (a staff reply, a ticket update).
     * The instance listens on the conversation's bus topic while it has a listener for it.
     */
    subscribe(conversationId: string, listener: PushListener): () => void {
      let entry = listeners.get(conversationId);
      if (!entry) {
        const set = new Set<PushListener>();
        const subscription = bus.subscribe(topic(conversationId), (message) => {
          const { from, replies } = message as PushEnvelope;
          if (from === instance) return;
          let taken = 0;
          for (const each of [...set]) if (each(replies) !== 'awaiting-ack') taken += 1;
          // Another instance's outbox is waiting to hear whether its push was taken: a listener
          // here that does not acknowledge by itself took it, so say so for it.
          if (from && taken > 0) for (const handler of takenElsewhere) void handler(conversationId, replies);
        });
        entry = { set, subscription };
        listeners.set(conversationId, entry);
      }
      const current = entry;
      current.set.add(listener);
      return () => {
        current.set.delete(listener);
        if (current.set.size || listeners.get(conversationId) !== current) return;
        listeners.delete(conversationId);
        current.subscription.close();
      };
    },

    /**
     * Called when a push from another instance's outbox (`pushOutcome`) was taken here by a
     * listener that never acknowledges (the item there would otherwise wait for an ack).
     */
    onPushTaken(handler: (conversationId: string, replies: OutboundMessage[]) => Promise<unknown>): void {
      takenElsewhere.push(handler);
    },

    /** Resolves once pushes to the conversation reach this instance's listeners (Redis confirmed). */
    listening(conversationId: string): Promise<void> {
      return listeners.get(conversationId)?.subscription.ready ?? Promise.resolve();
    },

    /**
     * Deliver to live listeners on every instance; resolves to how many instances had one
     * (0 means the user is offline everywhere and the outbox keeps the message).
     */
    push(conversationId: string, replies: OutboundMessage[]): Promise<number> {
      return bus.publish(topic(conversationId), { replies } satisfies PushEnvelope);
    },

    /**
     * Deliver to live listeners and say whether it is done: 'sent' when every listener will
     * acknowledge the ids (the outbox keeps the item until one does), 'delivered' when some
     * listener takes it as is, 'offline' when nobody listens.
     */
    async pushOutcome(conversationId: string, replies: OutboundMessage[]): Promise<PushOutcome> {
      // This instance's listeners are handed it directly, to hear which will acknowledge; the
      // bus carries it to the other instances' (web pages there acknowledge like any other).
      const entry = listeners.get(conversationId);
      let taken = 0;
      for (const listener of [...(entry?.set ?? [])]) if (listener(replies) !== 'awaiting-ack') taken += 1;
      const instances = await bus.publish(topic(conversationId), {
        from: instance,
        replies,
      } satisfies PushEnvelope);
      const elsewhere = instances - (entry ? 1 : 0);
      // A listener whose socket was dropped by this very send has unsubscribed: if none is
      // left here or elsewhere, nobody got it.
      if (!entry?.set.size && elsewhere <= 0) return 'offline';
      return taken > 0 ? 'delivered' : 'sent';
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;

/** More code points than the cap; stops counting there, so a huge text costs no more than the cap. */
function isOverCap(text: string): boolean {
  if (text.length <= MESSAGE_TEXT_MAX_CHARS) return false;
  let count = 0;
  for (const _ of text) if (++count > MESSAGE_TEXT_MAX_CHARS) return true;
  return false;
}
