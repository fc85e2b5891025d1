import type { FastifyBaseLogger } from 'fastify';
import type { Llm } from '../../../platform/llm/llm-plugin.js';
import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import type { AttachmentStore } from '../../../tickets/attachment-store.js';
import { CONSENT_VERSION } from '../../../tickets/consent.js';
import { isCollective } from '../../../tickets/priority.js';
import type { TicketService } from '../../../tickets/ticket-service.js';
import type { NewTicket, TicketType } from '../../../tickets/ticket-types.js';
import { type Flow, type FlowContext, type FlowResult, startFlow } from '../../flow.js';
import type { ActiveFlow } from '../../state.js';
import { applyLlmFacts } from './apply-llm-facts.js';
import { choosePlace } from './choose-place.js';
import { extractSlots } from './extract-slots.js';
import { type IntakeData, newIntakeData, parseIntakeData } from './intake-data.js';
import { askFor, askPlaceChoice, consentRequest, nextMissing, receipt, summary } from './intake-replies.js';
import { llmExtract } from './llm-extract.js';

export const INTAKE_FLOW = 'intake';

const YES =
  /^(?:对|对的|是|是的|确认|确定|没问题|正确|没错|好|好的|可以|嗯|嗯嗯|ok|okay|yes|yep|correct|right|confirm)[\s!！。.~～]*$/i;
const CHANGE = /^(?:不对|不是|错了|有错|修改|改一下|我要改|要改|change|edit|wrong|no)[\s!！。.,，]*$/i;
const AGREE =
  /^(?:同意|我同意|同意的|确认同意|确认|确定|好|好的|可以|愿意|行|嗯|agree|i agree|yes|ok|okay)[\s!！。.~～]*$/i;
/** A question put to the assistant mid-intake ("能申请仲裁吗？"), not an answer. */
const QUESTION = /[？?]|吗|怎么|如何|能不能|可不可以|\b(?:how|what|can|should)\b/i;
const DECLINE = /^(?:不同意|不愿意|拒绝|不行|不要|不可以|disagree|decline|no)[\s!！。.]*$/i;
/** Intents that mean the worker changed the subject (the intake stays parked). */
const ELSEWHERE = new Set(['stations', 'human', 'ticket_status', 'greeting', 'help']);

export interface IntakeDeps {
  cipher: FieldCipher;
  tickets: TicketService;
  attachments: AttachmentStore;
  log: FastifyBaseLogger;
  /** Optional: extracts facts the offline parsers missed (see prompts/intake-extract.md). */
  llm?: Llm;
}

/** The wage-arrears intake: slot filling → confirm → consent → ticket. */
export function intakeFlow(deps: IntakeDeps): Flow {
  const { cipher } = deps;

  function save(data: IntakeData, ctx: FlowContext, active?: ActiveFlow): ActiveFlow {
    return active
      ? { ...active, step: data.step, data: data as unknown as Record<string, unknown> }
      : startFlow(INTAKE_FLOW, data.step, data as unknown as Record<string, unknown>, ctx.now);
  }

  /** After facts came in: ask which place, the next missing field, or show the summary. */
  function advance(
    ctx: FlowContext,
    data: IntakeData,
    active: ActiveFlow | undefined,
    ambiguous?: {
      name: string;
      candidates: { code: string; fullName: string }[];
    },
    prefix?: string,
  ): FlowResult {
    if (ambiguous && !data.regionCode) {
      data.step = 'choose-place';
      data.placeCandidates = ambiguous.candidates;
      data.pending = 'place';
      return {
        replies: [askPlaceChoice(ctx.t, ambiguous.name, ambiguous.candidates)],
        flow: save(data, ctx, active),
      };
    }
    const next = nextMissing(data);
    if (next) {
      data.step = 'collect';
      data.pending = next;
      return { replies: [askFor(ctx.t, next, prefix)], flow: save(data, ctx, active) };
    }
    data.step = 'confirm';
    data.pending = undefined;
    return { replies: [summary(ctx.t, data, cipher)], flow: save(data, ctx, active) };
  }

  async function submit(ctx: FlowContext, data: IntakeData, startedAt: string): Promise<FlowResult> {
    const ticket: NewTicket = {
      type: data.type,
      claimantName: cipher.decrypt(data.nameEnc ?? ''),
      phone: cipher.decrypt(data.phoneEnc ?? ''),
      idNumber: data.idEnc ? cipher.decrypt(data.idEnc) : undefined,
      regionCode: data.regionCode ?? '',
      industry: data.industry ?? 'other',
      platform: data.platform,
      employer: data.employer,
      amountYuan: data.amountYuan,
      amountApprox: data.amountApprox,
      periodText: data.periodText,
      periodMonths: data.periodMonths,
      workerCount: data.workerCount ?? (data.groupMentioned ? undefined : 1),
      workerCountApprox: data.workerCountApprox,
      vulnerable: data.vulnerable,
      evidence: data.evidence,
      wants: data.wants.join(',') || undefined,
      description: data.descriptionEnc ? cipher.decrypt(data.descriptionEnc) : undefined,
      channel: ctx.inbound.channel,
      conversationId: ctx.conversationId,
      locale: ctx.locale,
      consentVersion: CONSENT_VERSION,
      consentAt: ctx.now,
    };
    // Filed already if the turn that answered with the receipt failed to save: consent again
    // gets that ticket, not a second one.
    const view =
      (await deps.tickets.filedSince(ctx.conversationId, new Date(startedAt), ticket.phone)) ??
      (await deps.tickets.create(ticket, { actor: 'worker' }));
    if (data.attachments) await deps.tickets.claimAttachments(ctx.conversationId, view.number);
    const result: FlowResult = { replies: [receipt(ctx.t, view, ctx.locale)], flow: null };
    if (isCollective(ticket.workerCount)) {
      result.effects = [
        {
          type: 'escalate',
          reason: 'collective',
          priority: 'high',
          regionCode: ticket.regionCode,
          ticketNumber: view.number,
        },
      ];
      result.mode = 'waiting';
    }
    return result;
  }

  async function handle(
    ctx: FlowContext,
    data: IntakeData,
    active: ActiveFlow | undefined,
  ): Promise<FlowResult | undefined> {
    let prefix: string | undefined;
    if (ctx.inbound.image) {
      await deps.attachments.save(ctx.conversationId, ctx.inbound.image);
      data.attachments += 1;
      if (!data.evidence.includes('photos')) data.evidence.push('photos');
      prefix = ctx.t('intake:imageReceived');
      if (!ctx.text) {
        if (data.step === 'confirm' || data.step === 'consent') {
          data.step = 'confirm';
          return {
            replies: [{ type: 'text', text: prefix }, summary(ctx.t, data, cipher)],
            flow: save(data, ctx, active),
          };
        }
        return advance(ctx, data, active, undefined, prefix);
      }
    }

    if (data.step === 'choose-place') {
      const chosen = choosePlace(ctx.text, data.placeCandidates ?? []);
      if (chosen) {
        data.regionCode = chosen.code;
        data.placeName = chosen.fullName;
        data.placeCandidates = undefined;
        data.step = 'collect';
        const extraction = extractSlots(ctx.text, { ...data, pending: undefined }, cipher);
        return advance(
          ctx,
          { ...extraction.data, regionCode: chosen.code, placeName: chosen.fullName },
          active,
        );
      }
      data.step = 'collect';
    }

    if (data.step === 'confirm' && YES.test(ctx.text)) {
      data.step = 'consent';
      return { replies: [consentRequest(ctx.t)], flow: save(data, ctx, active) };
    }
    if (data.step === 'consent') {
      if (AGREE.test(ctx.text)) {
        try {
          return await submit(ctx, data, active?.startedAt ?? ctx.now.toISOString());
        } catch (err) {
          deps.log.error({ err, conversationId: ctx.conversationId }, 'ticket submission failed');
          return {
            replies: [{ type: 'text', text: ctx.t('intake:submitFailed') }],
            flow: save(data, ctx, active),
          };
        }
      }
      if (DECLINE.test(ctx.text)) {
        return { replies: [{ type: 'text', text: ctx.t('intake:consent.declined') }], flow: null };
      }
    }
    if ((data.step === 'confirm' || data.step === 'consent') && CHANGE.test(ctx.text)) {
      data.step = 'confirm';
      return {
        replies: [{ type: 'text', text: ctx.t('intake:whatToChange') }],
        flow: save(data, ctx, active),
      };
    }

    const extraction = extractSlots(ctx.text, data, cipher);
    const next = extraction.data;
    if (deps.llm && next.step === 'collect' && ctx.text.length >= 8 && nextMissing(next)) {
      // Better with the model, never dependent on it: a failed call changes nothing.
      const name = next.nameEnc ? cipher.decrypt(next.nameEnc) : undefined;
      const facts = await llmExtract(deps.llm, ctx.text, name);
      if (facts) extraction.changed.push(...applyLlmFacts(next, facts, ctx.text));
      if (extraction.changed.length) extraction.unreadable = undefined;
    }
    if (
      !extraction.changed.length &&
      !extraction.ambiguousPlace &&
      active &&
      (ELSEWHERE.has(ctx.intent.name) || (ctx.intent.name === 'question' && QUESTION.test(ctx.text)))
    ) {
      // Parked, not dropped: the next answer to the intake's question picks it up again.
      return undefined;
    }
    if (next.step === 'confirm' || next.step === 'consent') {
      if (extraction.changed.length || extraction.ambiguousPlace) {
        if (extraction.ambiguousPlace && !extraction.changed.includes('place')) {
          next.regionCode = undefined;
          next.placeName = undefined;
        }
        return advance(ctx, next, active, extraction.ambiguousPlace, ctx.t('intake:updated'));
      }
      const again = next.step === 'consent' ? consentRequest(ctx.t) : summary(ctx.t, next, cipher);
      return {
        replies: [{ type: 'text', text: ctx.t('intake:notUnderstoodConfirm') }, again],
        flow: save(next, ctx, active),
      };
    }
    if (extraction.badPhone) return advance(ctx, next, active, undefined, ctx.t('intake:badPhone'));
    if (extraction.unreadable && !extraction.changed.length) {
      const hint =
        extraction.unreadable !== 'place'
          ? ctx.t('intake:didNotUnderstand')
          : ctx.t(extraction.provinceOnly ? 'intake:placeTooBroad' : 'intake:placeNotFound');
      return advance(ctx, next, active, extraction.ambiguousPlace, hint);
    }
    return advance(ctx, next, active, extraction.ambiguousPlace, prefix);
  }

  return {
    name: INTAKE_FLOW,
    intents: ['arrears'],
    async start(ctx) {
      const data = newIntakeData();
      data.type = ticketTypeOf(ctx.text);
      if (ctx.text) data.descriptionEnc = cipher.encrypt(ctx.text.slice(0, 2000));
      const result = await handle(ctx, data, undefined);
      if (!result) return { replies: [askFor(ctx.t, 'industry')], flow: save(data, ctx) };
      // The first reply says what is happening before the first question.
      if (result.flow && data.step === 'collect' && result.replies[0]) {
        result.replies[0] = {
          ...result.replies[0],
          text: `${ctx.t('intake:intro')}\n${result.replies[0].text}`,
        };
      }
      return result;
    },
    async resume(ctx, active) {
      const parsed = parseIntakeData(active.data);
      if (!parsed.ok) {
        deps.log.error(
          { conversationId: ctx.conversationId, reason: parsed.reason },
          'intake state unreadable; restarted',
        );
        return {
          replies: [{ type: 'text', text: ctx.t('intake:restarted') }, askFor(ctx.t, 'industry')],
          flow: save(newIntakeData(), ctx),
        };
      }
      return handle(ctx, structuredClone(parsed.value), active);
    },
  };
}

function ticketTypeOf(text: string): TicketType {
  if (/欠|拖|工资|工钱|薪|结算|不发|没发|不给|没给|wage|paid|pay/i.test(text)) return 'wage_arrears';
  if (/社保|五险|公积金/.test(text)) return 'social_insurance';
  if (/加班/.test(text)) return 'overtime';
  if (/辞退|开除|解雇|炒鱿鱼|裁员/.test(text)) return 'dismissal';
  if (/工伤|受伤|摔伤|撞/.test(text)) return 'injury';
  return 'wage_arrears';
}
