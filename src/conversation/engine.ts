import type { InboundMessage, OutboundMessage } from '../messages/messages.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import { type Locale, SUPPORTED_LOCALES } from '../platform/i18n/locales.js';
import type { Effect, FlowContext, FlowResult, ReplyDelta } from './flow.js';
import type { FlowRegistry } from './flow-registry.js';
import { REPORT_FACTS } from './flows/intake/remembered-facts.js';
import { menuButtonIntent, menuChoiceText, menuReply } from './flows/menu/menu-flow.js';
import type { ConversationMode, ConversationState } from './state.js';
import { detectIntent } from './understanding/detect-intent.js';
import type { DetectedIntent, IntentName } from './understanding/intent.js';
import { detectLanguage } from './understanding/language.js';
import type { Understand } from './understanding/understand.js';

export interface EngineInput {
  conversationId: string;
  state: ConversationState;
  mode: ConversationMode;
  locale: Locale;
  /** True for the first message of a conversation: its language decides the conversation's. */
  isFirstMessage: boolean;
  inbound: InboundMessage;
  now: Date;
  onDelta?: (delta: ReplyDelta) => void;
}

export interface EngineOutput {
  replies: OutboundMessage[];
  state: ConversationState;
  mode: ConversationMode;
  locale: Locale;
  intent: DetectedIntent;
  effects: Effect[];
}

export interface EngineDeps {
  flows: FlowRegistry;
  t: (locale: Locale) => Translate;
  /** The reading of a message (the trained model, and the LLM when configured); offline by default. */
  understand?: Understand;
}

/**
 * In the middle of a flow, a short answer ("仓库分拣", "我在望京") often looks like some other
 * intent to the model. The flow sees such a reading as unknown unless the model is this sure,
 * so an answer is taken as an answer and only a clear change of subject leaves the flow.
 */
const SURE_ENOUGH_TO_LEAVE_A_FLOW = 0.8;

/**
 * One turn: state in, state out. No database here; flows reach domain services they were built
 * with. Order: language, then the person-in-charge check, then global commands, then the
 * active flow, then the intent router.
 */
export async function handleMessage(raw: EngineInput, deps: EngineDeps): Promise<EngineOutput> {
  const choice = raw.state.flow ? undefined : menuChoiceText(deps.t(raw.locale), raw.inbound.text ?? '');
  const input = choice ? { ...raw, inbound: { ...raw.inbound, text: choice } } : raw;
  const text = (input.inbound.text ?? '').trim();
  const button = menuButtonIntent(
    SUPPORTED_LOCALES.map((l) => deps.t(l)),
    text,
  );
  const intent: DetectedIntent = button
    ? { name: button, score: 1, source: 'command' }
    : deps.understand
      ? await deps.understand(input.inbound)
      : detectIntent(input.inbound);
  const locale = chooseLocale(input, intent, text);
  const t = deps.t(locale);
  const state: ConversationState = { ...input.state, turns: input.state.turns + 1, lastIntent: intent.name };
  // A closed conversation reopens with the bot when the worker writes again.
  const mode: ConversationMode = input.mode === 'closed' ? 'bot' : input.mode;
  const finish = (result: FlowResult) =>
    applyResult(state, mode, locale, intent, withTranscript(t, input.inbound, text, result));

  // A staff member has the chat: the bot stays silent; the message is stored and forwarded.
  if (mode === 'human') return finish({ replies: [], effects: [{ type: 'forward-to-staff' }] });

  // Exact commands (a language switch, 取消, 菜单, a ticket number) act whatever flow is active;
  // the model's readings of the same intents are heard only once the flow has passed on the
  // message, since a short answer ("可以", "不是") so often looks like one.
  const exact = isExactCommand(intent);
  if (exact) {
    const commanded = commandResult(t, intent, state, mode);
    if (commanded) return finish(commanded);
  }

  const ctx: FlowContext = {
    conversationId: input.conversationId,
    inbound: input.inbound,
    text,
    intent,
    locale,
    t,
    state,
    mode,
    now: input.now,
    onDelta: input.onDelta,
  };

  // Guards first (the knowledge domain's danger check): someone in danger gets 110/120 whatever
  // flow they are in or whatever else the message matches.
  for (const guard of deps.flows.guards) {
    const guarded = await guard(ctx);
    if (guarded) return finish(guarded);
  }

  if (state.flow && !exact) {
    const active = deps.flows.byFlowName(state.flow.name);
    const resumed = active?.resume ? await active.resume(inFlow(ctx), state.flow) : undefined;
    if (resumed) return finish(resumed);
    // The message was not for the flow (or the flow no longer exists): route it afresh, and a
    // flow that was not resumed stays parked so "继续" can come back to it later only if it exists.
    if (!active) state.flow = null;
  }

  const commanded = commandResult(t, intent, state, mode);
  if (commanded) return finish(commanded);
  // Danger the guards did not see as danger now ("被开除了", "我被辞退了" read like "被打了") is
  // no emergency: it is asked about, so it is answered as a question (or honestly not).
  const routed =
    intent.name === 'danger' ? { ...ctx, intent: { ...intent, name: 'question' as const } } : ctx;
  const flow = deps.flows.forIntent(routed.intent.name);
  if (flow) return finish(await flow.start(routed));
  // A greeting is a reading like any other: after the guards (a waiting chat's console sees it),
  // and mid-intake the flow takes it as a turn, so what the worker said is not thrown away.
  if (intent.name === 'greeting') return finish({ replies: [menuReply(t, t('greeting'))] });
  return finish({ replies: [fallbackReply(t, intent)] });
}

/** Commands typed or tapped to drive the service: they never wait for a flow. */
const EXACT_COMMANDS: ReadonlySet<IntentName> = new Set([
  'language',
  'cancel',
  'help',
  'ticket_status',
  'calculate',
]);

function isExactCommand(intent: DetectedIntent): boolean {
  return intent.source === 'command' && EXACT_COMMANDS.has(intent.name);
}

/**
 * What a language switch, a cancel or the menu does. Cancel forgets the report facts kept in
 * memory too: a worker who cancels a report expects it gone, not waiting for the next filing.
 * A ticket number is no command here: it starts the ticket-status flow.
 */
function commandResult(
  t: Translate,
  intent: DetectedIntent,
  state: ConversationState,
  mode: ConversationMode,
): FlowResult | undefined {
  if (intent.name === 'language') return { replies: [menuReply(t, t('language.switched'))] };
  // 菜单 typed leaves the flow; the model's reading of a message the flow passed on only shows
  // the menu, and the flow stays parked for the next answer.
  if (intent.name === 'help') {
    return { replies: [menuReply(t, t('help.lead'))], ...(isExactCommand(intent) ? { flow: null } : {}) };
  }
  if (intent.name !== 'cancel') return undefined;
  const facts = state.memory[REPORT_FACTS] !== undefined;
  const forget = facts ? { memory: { [REPORT_FACTS]: undefined } } : {};
  // 取消 while waiting for a person (and nothing else in progress) leaves the queue.
  if (!state.flow && mode === 'waiting') {
    return {
      replies: [menuReply(t, t(facts ? 'flow.leftQueueAndForgot' : 'flow.leftQueue'))],
      mode: 'bot',
      effects: [{ type: 'leave-queue' }],
      ...forget,
    };
  }
  const said = facts ? 'flow.cancelledAndForgot' : state.flow ? 'flow.cancelled' : 'flow.nothingToCancel';
  return { replies: [menuReply(t, t(said))], flow: null, ...forget };
}

function inFlow(ctx: FlowContext): FlowContext {
  const { intent } = ctx;
  if (intent.source !== 'model' || intent.score >= SURE_ENOUGH_TO_LEAVE_A_FLOW) return ctx;
  return { ...ctx, intent: { ...intent, name: 'unknown' } };
}

function chooseLocale(input: EngineInput, intent: DetectedIntent, text: string): Locale {
  if (input.inbound.locale) return input.inbound.locale;
  if (intent.name === 'language' && intent.locale) return intent.locale;
  // Follow the language the worker writes in when they are not in the middle of answering a
  // question (a Chinese name typed into an English intake is not a request for Chinese).
  if (input.isFirstMessage || !input.state.flow) return detectLanguage(text) ?? input.locale;
  return input.locale;
}

/**
 * A voice message the recogniser heard is answered as its text, with the text shown first: the
 * worker sees what the bot understood, and can say it again when the recogniser got it wrong.
 */
function withTranscript(t: Translate, inbound: InboundMessage, text: string, result: FlowResult): FlowResult {
  if (!inbound.audio?.transcribed || !text) return result;
  const heard: OutboundMessage = { type: 'text', text: t('voice.heard', { text }) };
  return { ...result, replies: [heard, ...result.replies] };
}

/** For intents whose flow is not available, an honest menu instead of a pretend answer. */
function fallbackReply(t: Translate, intent: DetectedIntent): OutboundMessage {
  if (intent.name === 'voice') return menuReply(t, t('voice.cannotListen'));
  if (['unknown', 'out_of_scope', 'location', 'image'].includes(intent.name)) {
    return menuReply(t, t('fallback.notUnderstood'));
  }
  return menuReply(t, t('fallback.unavailable', { feature: t(`feature.${intent.name}`) }));
}

function applyResult(
  state: ConversationState,
  mode: ConversationMode,
  locale: Locale,
  intent: DetectedIntent,
  result: FlowResult,
): EngineOutput {
  const next: ConversationState = { ...state, memory: { ...state.memory } };
  if (result.flow !== undefined) next.flow = result.flow;
  for (const [key, value] of Object.entries(result.memory ?? {})) {
    if (value === undefined) delete next.memory[key];
    else next.memory[key] = value;
  }
  return {
    replies: result.replies,
    state: next,
    mode: result.mode ?? mode,
    locale,
    intent,
    effects: result.effects ?? [],
  };
}
