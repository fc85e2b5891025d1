import type { OutboundMessage } from '../../../messages/messages.js';
import type { FlowContext, FlowResult } from '../../flow.js';
import type { ActiveFlow } from '../../state.js';
import { applyLlmFacts } from './apply-llm-facts.js';
import { choosePlace } from './choose-place.js';
import { type Extraction, extractSlots } from './extract-slots.js';
import type { IntakeData } from './intake-data.js';
import type { IntakeTurnDeps } from './intake-deps.js';
import {
  askFor,
  askPlaceChoice,
  consentRequest,
  nextMissing,
  summary,
  withPersonOffer,
} from './intake-replies.js';
import { FAILED_TURNS_BEFORE_PERSON, keepAsStated, settled, TRIES_BEFORE_KEEPING } from './keep-as-stated.js';
import { agrees, declines, saysYes, wantsChange } from './yes-no.js';

/** A question put to the assistant mid-intake ("能申请仲裁吗？"), not an answer. */
const QUESTION = /[？?]|吗|怎么|如何|能不能|可不可以|\b(?:how|what|can|should)\b/i;
/**
 * Intents that mean the worker changed the subject (the intake stays parked). Not greetings nor the menu (only 菜单 typed shows it mid-flow):
 * "嗯", "好的谢谢" or "在吗" mid-intake are turns of the intake, counted like any unclear answer,
 * or the same question would come back without end.
 */
const ELSEWHERE = new Set(['stations', 'human', 'ticket_status', 'calculate']);

type Ambiguous = NonNullable<Extraction['ambiguousPlace']>;

/**
 * One worker message in the intake. Every question is asked at most twice: an answer that
 * does not fit gets one clarifying question, the next is kept as the worker said it (marked
 * for staff to check) and the intake moves on; two turns in a row with nothing understood
 * offer a person. Returns undefined when the message is for another flow (the intake waits).
 */
export async function intakeTurn(
  deps: IntakeTurnDeps,
  ctx: FlowContext,
  data: IntakeData,
  active: ActiveFlow | undefined,
): Promise<FlowResult | undefined> {
  const { cipher, save } = deps;
  const offerIf = (reply: OutboundMessage, failed: number) =>
    failed >= FAILED_TURNS_BEFORE_PERSON ? withPersonOffer(ctx.t, reply) : reply;

  /** Ask which place, the next missing field, or show the summary. */
  function advance(next: IntakeData, ambiguous?: Ambiguous, prefix?: string): FlowResult {
    const failed = next.failedTurns ?? 0;
    // A place already kept as said (or not known) is not asked about again: staff settle it.
    if (ambiguous && !next.regionCode && !settled(next, 'place')) {
      next.step = 'choose-place';
      next.placeCandidates = ambiguous.candidates;
      next.pending = 'place';
      const ask = askPlaceChoice(ctx.t, ambiguous.name, ambiguous.candidates);
      const text = prefix ? `${prefix}\n${ask.text}` : ask.text;
      return { replies: [offerIf({ ...ask, text }, failed)], flow: save(next, ctx, active) };
    }
    const missing = nextMissing(next);
    if (missing) {
      if (missing !== next.pending) next.tries = 0;
      next.step = 'collect';
      next.pending = missing;
      return {
        replies: [offerIf(askFor(ctx.t, missing, prefix, next), failed)],
        flow: save(next, ctx, active),
      };
    }
    next.step = 'confirm';
    next.pending = undefined;
    next.tries = 0;
    const shown = summary(ctx.t, next, cipher);
    const text = prefix ? `${prefix}\n${shown.text}` : shown.text;
    return { replies: [offerIf({ ...shown, text }, failed)], flow: save(next, ctx, active) };
  }

  let prefix: string | undefined;
  if (ctx.inbound.image) {
    await deps.attachments.save(ctx.conversationId, ctx.inbound.image);
    data.attachments += 1;
    if (!data.evidence.includes('photos')) data.evidence.push('photos');
    prefix = ctx.t('intake:imageReceived');
    if (!ctx.text) {
      if (data.step === 'consent') data.step = 'confirm';
      return advance(data, undefined, prefix);
    }
  }

  const askedStep = data.step;
  if (data.step === 'choose-place') {
    const candidates = data.placeCandidates ?? [];
    // One place offered ("您说的是…吗？"): a yes takes it.
    const chosen =
      candidates.length === 1 && saysYes(ctx.text, { loose: true })
        ? candidates[0]
        : choosePlace(ctx.text, candidates);
    if (chosen) {
      const extraction = extractSlots(ctx.text, { ...data, pending: undefined }, cipher, { now: ctx.now });
      const next = { ...extraction.data, regionCode: chosen.code, placeName: chosen.fullName };
      next.placeCandidates = undefined;
      next.placeBroad = undefined;
      next.failedTurns = 0;
      return advance(next);
    }
    // Not one of the places offered: read it as an answer to "where?" (a new place, or words).
    data.step = 'collect';
  }

  if (data.step === 'confirm' && saysYes(ctx.text)) {
    data.step = 'consent';
    data.failedTurns = 0;
    data.tries = 0;
    return { replies: [consentRequest(ctx.t)], flow: save(data, ctx, active) };
  }
  async function submitted(ready: IntakeData): Promise<FlowResult> {
    try {
      return await deps.submit(ctx, ready);
    } catch (err) {
      deps.log.error({ err, conversationId: ctx.conversationId }, 'ticket submission failed');
      return {
        replies: [{ type: 'text', text: ctx.t('intake:submitFailed') }],
        flow: save(ready, ctx, active),
      };
    }
  }
  if (data.step === 'consent' && agrees(ctx.text)) return submitted(data);
  if (data.step === 'consent' && declines(ctx.text)) {
    return { replies: [{ type: 'text', text: ctx.t('intake:consent.declined') }], flow: null };
  }

  const extraction = extractSlots(ctx.text, data, cipher, { now: ctx.now });
  const next = extraction.data;
  // With an LLM, the understanding's one call already read the facts in this message: taken
  // where the parsers found nothing, never waited for (offline, the parsers alone).
  const facts = ctx.intent.facts;
  if (facts && next.step === 'collect' && nextMissing(next)) {
    extraction.changed.push(...applyLlmFacts(next, facts, ctx.text));
    if (extraction.changed.length) extraction.unreadable = undefined;
  }
  const progress = extraction.changed.length > 0 || extraction.ambiguousPlace !== undefined;
  if (
    !progress &&
    active &&
    (ELSEWHERE.has(ctx.intent.name) || (ctx.intent.name === 'question' && QUESTION.test(ctx.text)))
  ) {
    // Parked, not dropped: the next answer to the intake's question picks it up again.
    return undefined;
  }
  // "我要反映欠薪" again (the menu button) while filing: the same question, no complaint.
  if (!progress && [ctx.t('menu.arrears.text'), ctx.t('knowledge:quick.report.text')].includes(ctx.text)) {
    return advance(next);
  }

  if (next.step === 'confirm' || next.step === 'consent') {
    if (progress) {
      next.failedTurns = 0;
      if (extraction.ambiguousPlace && !extraction.changed.includes('place')) {
        next.regionCode = undefined;
        next.placeName = undefined;
      }
      return advance(next, extraction.ambiguousPlace, ctx.t('intake:updated'));
    }
    // Nothing new in it: a yes with more words after it is still a yes.
    if (next.step === 'confirm' && saysYes(ctx.text, { loose: true })) {
      next.step = 'consent';
      next.failedTurns = 0;
      next.tries = 0;
      return { replies: [consentRequest(ctx.t)], flow: save(next, ctx, active) };
    }
    if (next.step === 'consent' && agrees(ctx.text, { loose: true })) return submitted(next);
    if (wantsChange(ctx.text)) {
      next.step = 'confirm';
      next.failedTurns = 0;
      return {
        replies: [{ type: 'text', text: ctx.t('intake:whatToChange') }],
        flow: save(next, ctx, active),
      };
    }
    next.failedTurns = (next.failedTurns ?? 0) + 1;
    next.tries = (next.tries ?? 0) + 1;
    if (next.tries >= TRIES_BEFORE_KEEPING) return unsure(next);
    const again = next.step === 'consent' ? consentRequest(ctx.t) : summary(ctx.t, next, cipher);
    const hint = ctx.t(
      next.step === 'consent' ? 'intake:notUnderstoodConsent' : 'intake:notUnderstoodConfirm',
    );
    return {
      replies: [offerIf({ ...again, text: `${hint}\n${again.text}` }, next.failedTurns)],
      flow: save(next, ctx, active),
    };
  }

  return collect(next, extraction, askedStep);

  /**
   * A second answer at the summary that is neither yes nor a change: the facts stand as shown
   * and consent is asked (it must still be given in so many words). A second unclear answer
   * to consent: a person takes over, with everything said kept.
   */
  function unsure(next: IntakeData): FlowResult {
    next.tries = 0;
    if (next.step === 'confirm') {
      next.step = 'consent';
      const ask = consentRequest(ctx.t);
      return {
        replies: [{ ...ask, text: `${ctx.t('intake:takenAsShown')}\n${ask.text}` }],
        flow: save(next, ctx, active),
      };
    }
    return {
      replies: [{ type: 'text', text: ctx.t('intake:handedToPerson') }],
      flow: save(next, ctx, active),
      mode: 'waiting',
      effects: [
        {
          type: 'escalate',
          reason: 'user-request',
          priority: 'normal',
          ...(next.regionCode ? { regionCode: next.regionCode } : {}),
        },
      ],
    };
  }

  /** The answer to a slot question: taken, clarified once, or kept as said. */
  function collect(next: IntakeData, extraction: Extraction, askedStep: IntakeData['step']): FlowResult {
    const pending = data.step === 'collect' ? data.pending : undefined;
    const answered = pending !== undefined && extraction.changed.includes(pending);
    const skippedNow =
      pending !== undefined && next.skipped.includes(pending) && !data.skipped.includes(pending);
    // A fresh "where?" answered with a name several places share moves on to "which one?".
    // Once only: places offered before and not chosen make this another try, not progress.
    const choosing =
      extraction.ambiguousPlace !== undefined && askedStep === 'collect' && !data.placeCandidates?.length;
    next.failedTurns = progress || skippedNow ? 0 : (data.failedTurns ?? 0) + 1;
    // The district asked once after a city: whatever the answer, the city (or better) stands.
    if (pending === 'place' && data.placeBroad) next.placeBroad = undefined;
    if (!pending || answered || skippedNow || choosing || (pending === 'place' && data.placeBroad)) {
      next.tries = 0;
      next.heard = undefined;
      return advance(next, extraction.ambiguousPlace, prefix);
    }
    next.tries = (data.tries ?? 0) + 1;
    if (!extraction.changed.length && ctx.text.trim()) next.heard = ctx.text.trim().slice(0, 200);
    if (next.tries >= TRIES_BEFORE_KEEPING) {
      keepAsStated(next, pending, ctx.text, extraction, cipher);
      next.tries = 0;
      return advance(next, undefined, ctx.t('intake:keptAsStated'));
    }
    if (extraction.ambiguousPlace) return advance(next, extraction.ambiguousPlace, ctx.t('intake:chooseOne'));
    const hint = extraction.badPhone
      ? ctx.t('intake:badPhone')
      : pending === 'place' && extraction.provinceOnly
        ? ctx.t('intake:placeTooBroad')
        : ctx.t(`intake:clarify.${pending}`);
    return advance(next, undefined, hint);
  }
}
