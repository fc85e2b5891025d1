import { isCollective } from '../../../tickets/priority.js';
import type { TicketType } from '../../../tickets/ticket-types.js';
import { type Flow, type FlowContext, type FlowResult, startFlow } from '../../flow.js';
import type { ActiveFlow } from '../../state.js';
import { extractSlots } from './extract-slots.js';
import { type IntakeData, newIntakeData, parseIntakeData } from './intake-data.js';
import type { IntakeDeps } from './intake-deps.js';
import { askFor, receipt } from './intake-replies.js';
import { intakeTicket } from './intake-ticket.js';
import { intakeTurn } from './intake-turn.js';
import { REPORT_FACTS, recallFacts } from './remembered-facts.js';

export const INTAKE_FLOW = 'intake';
export type { IntakeDeps } from './intake-deps.js';

/** The wage-arrears intake: slot filling → confirm → consent → ticket. */
export function intakeFlow(deps: IntakeDeps): Flow {
  const { cipher } = deps;

  function save(data: IntakeData, ctx: FlowContext, active?: ActiveFlow): ActiveFlow {
    return active
      ? { ...active, step: data.step, data: data as unknown as Record<string, unknown> }
      : startFlow(INTAKE_FLOW, data.step, data as unknown as Record<string, unknown>, ctx.now);
  }

  async function submit(ctx: FlowContext, data: IntakeData): Promise<FlowResult> {
    const ticket = intakeTicket(ctx, data, cipher);
    // Filed already if the turn that answered with the receipt failed to save: consent again
    // gets that ticket, not a second one.
    const startedAt = ctx.state.flow?.startedAt ?? ctx.now.toISOString();
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

  const turn = (ctx: FlowContext, data: IntakeData, active: ActiveFlow | undefined) =>
    intakeTurn({ ...deps, save, submit }, ctx, data, active);

  return {
    name: INTAKE_FLOW,
    intents: ['arrears'],
    async start(ctx) {
      // Facts the worker gave earlier (a question that was a report, an intake another flow
      // replaced) are where this intake starts: nothing said is asked again.
      const recalled = recallFacts(ctx.state.memory);
      const data = recalled ?? newIntakeData();
      if (!recalled) data.type = ticketTypeOf(ctx.text);
      if (ctx.text && (!recalled || extractSlots(ctx.text, data, cipher).changed.length)) {
        const said = data.descriptionEnc ? `${cipher.decrypt(data.descriptionEnc)}\n` : '';
        data.descriptionEnc = cipher.encrypt(`${said}${ctx.text}`.slice(0, 2000));
      }
      const result = (await turn(ctx, data, undefined)) ?? {
        replies: [askFor(ctx.t, 'industry')],
        flow: save({ ...data, pending: 'industry' }, ctx),
      };
      // One reply: what the law says, that we can file it, and the first question (or, when
      // every fact is there, the summary to confirm).
      const first = result.replies[0];
      if (result.flow && first) {
        const lead = [
          data.type === 'wage_arrears' ? ctx.t('intake:lawGist') : undefined,
          result.flow.step === 'confirm' ? undefined : ctx.t('intake:intro'),
        ].filter(Boolean);
        result.replies[0] = { ...first, text: [...lead, first.text].join('\n') };
      }
      return remembered(result);
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
          flow: save({ ...newIntakeData(), pending: 'industry' }, ctx),
        };
      }
      const result = await turn(ctx, structuredClone(parsed.value), active);
      return result && remembered(result);
    },
  };
}

/**
 * The intake's facts also go to conversation memory, so they outlive the flow if another one
 * takes its place; a filed (or declined) report leaves nothing behind.
 */
function remembered(result: FlowResult): FlowResult {
  if (result.flow === null) return { ...result, memory: { ...result.memory, [REPORT_FACTS]: undefined } };
  if (result.flow?.name !== INTAKE_FLOW) return result;
  return { ...result, memory: { ...result.memory, [REPORT_FACTS]: result.flow.data } };
}

function ticketTypeOf(text: string): TicketType {
  if (/欠|拖|工资|工钱|薪|结算|不发|没发|不给|没给|wage|paid|pay/i.test(text)) return 'wage_arrears';
  if (/社保|五险|公积金/.test(text)) return 'social_insurance';
  if (/加班/.test(text)) return 'overtime';
  if (/辞退|开除|解雇|炒鱿鱼|裁员/.test(text)) return 'dismissal';
  if (/工伤|受伤|摔伤|撞/.test(text)) return 'injury';
  return 'wage_arrears';
}
