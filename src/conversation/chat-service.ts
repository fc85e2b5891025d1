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
import type { ConversationMode } from './state.js';
import type { ConversationStore, LoadedConversation } from './store/conversation-store.js';
import { ChatBusyError, createTurnQueue, type TurnQueue } from './turn-queue.js';
import type { Understand } from './understanding/understand.js';

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
 * A listener returns 'awaiting-ack' when it sees to the push's acknowledgement itself (a chat
 * socket: its client acknowledges, or the socket records what it wrote); whatever else it
 * returns means it took the push as it is, and `onTaken` records that.
 */
export type PushListener = (replies: OutboundMessage[]) => unknown;
/** Told when a listener on this instance took a push as it is (the outbox then marks it done). */
export type TakenHandler = (conversationId: string, replies: OutboundMessage[]) => Promise<unknown>;

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
  let onTaken: TakenHandler | undefined;
  // What this instance's listeners took and is being recorded: a push awaits it, so on one
  // instance "sent" is settled when `push` resolves (across Redis it settles moments later).
  const taking = new Set<Promise<unknown>>();
  function took(conversationId: string, replies: OutboundMessage[]) {
    if (!onTaken) return;
    const recording = onTaken(conversationId, replies)
      .catch((err) => deps.log.error({ err }, 'a taken push was not recorded'))
      .finally(() => taking.delete(recording));
    taking.add(recording);
  }
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

  function turn(inbound: InboundMessage, options: TurnOptions): Promise<ChatTurnResult> {
    const key = options.conversationId ?? `${inbound.channel}:${inbound.externalUserId}`;
    return mutex.run(key, async () => {
      const conversation = await load(inbound, options.conversationId);
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
    });
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
        return await turn(inbound, options);
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
          const replies = message as OutboundMessage[];
          let taken = false;
          for (const each of [...set]) if (each(replies) !== 'awaiting-ack') taken = true;
          if (taken) took(conversationId, replies);
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

    /** Resolves once pushes to the conversation reach this instance's listeners (Redis confirmed). */
    listening(conversationId: string): Promise<void> {
      return listeners.get(conversationId)?.subscription.ready ?? Promise.resolve();
    },

    /**
     * Deliver to live listeners on every instance; resolves to how many instances had one
     * (0 means the user is offline everywhere and the outbox keeps the message).
     */
    async push(conversationId: string, replies: OutboundMessage[]): Promise<number> {
      const instances = await bus.publish(topic(conversationId), replies);
      await Promise.all([...taking]);
      return instances;
    },

    /** Who records that a listener took a push as it is (the outbox, to mark it done). */
    onTaken(handler: TakenHandler): void {
      onTaken = handler;
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
