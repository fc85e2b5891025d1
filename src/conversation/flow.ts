import type { InboundMessage, OutboundMessage } from '../messages/messages.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import type { Locale } from '../platform/i18n/locales.js';
import type { ActiveFlow, ConversationMode, ConversationState } from './state.js';
import type { DetectedIntent, IntentName } from './understanding/intent.js';

/** Something the chat service does after the turn is saved (notify staff, queue a delivery …). */
export interface Effect {
  type: string;
  [key: string]: unknown;
}

/** A partial reply while it is being generated (LLM tokens), for channels that can stream. */
export type { ReplyDelta } from '../messages/messages.js';

import type { ReplyDelta } from '../messages/messages.js';

export interface FlowContext {
  conversationId: string;
  inbound: InboundMessage;
  /** Trimmed text of the message ('' for a location or image). */
  text: string;
  intent: DetectedIntent;
  locale: Locale;
  t: Translate;
  state: Readonly<ConversationState>;
  mode: ConversationMode;
  now: Date;
  /** Set by channels that can show partial replies. */
  onDelta?: (delta: ReplyDelta) => void;
}

export interface FlowResult {
  replies: OutboundMessage[];
  /** The flow to continue with on the next message; null ends it; undefined keeps the current one. */
  flow?: ActiveFlow | null;
  /** Keys to merge into the conversation's memory (undefined deletes a key). */
  memory?: Record<string, unknown>;
  mode?: ConversationMode;
  effects?: Effect[];
}

export interface Flow {
  name: string;
  /** Intents this flow starts on. */
  intents: readonly IntentName[];
  start(ctx: FlowContext): Promise<FlowResult>;
  /**
   * Continue the flow the user is in. Return undefined when the message is not for this flow
   * (the user changed the subject); the engine then routes it like a fresh message.
   */
  resume?(ctx: FlowContext, active: ActiveFlow): Promise<FlowResult | undefined>;
}

export function startFlow(name: string, step: string, data: Record<string, unknown>, now: Date): ActiveFlow {
  return { name, step, data, startedAt: now.toISOString() };
}
