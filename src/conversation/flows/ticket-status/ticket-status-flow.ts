import type { OutboundMessage } from '../../../messages/messages.js';
import { TICKET_NUMBER_IN_TEXT, ticketNumberInText } from '../../../tickets/numbering.js';
import { ticketCard } from '../../../tickets/ticket-card.js';
import type { TicketService } from '../../../tickets/ticket-service.js';
import type { PublicTicket } from '../../../tickets/ticket-types.js';
import { type Flow, type FlowContext, type FlowResult, startFlow } from '../../flow.js';

const CODE = /(?<![A-Za-z0-9])(?=[A-Za-z]*[2-9])([A-HJ-NP-Za-hj-np-z2-9]{6})(?![A-Za-z0-9])/;

export const TICKET_STATUS_FLOW = 'ticket-status';

/**
 * "查询进度 GY-20261129-0001": the conversation that filed the ticket sees it at once; anyone
 * else also needs the query code from the receipt (a number alone is guessable).
 */
export function ticketStatusFlow(tickets: TicketService): Flow {
  function render(ctx: FlowContext, ticket: PublicTicket): OutboundMessage {
    const t = ctx.t;
    const last = ticket.history.at(-1);
    const lines = [
      t('tickets:statusReply', {
        number: ticket.number,
        status: t(`tickets:status.${ticket.status}`),
        office: ticket.office.name,
        phone: ticket.office.contactPhone,
      }),
    ];
    if (last)
      lines.push(
        t('tickets:lastChange', {
          at: new Date(last.at).toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'zh-CN', {
            timeZone: 'Asia/Shanghai',
          }),
        }),
      );
    if (ticket.status === 'rejected' && last?.note)
      lines.push(t('tickets:notify.reason', { reason: last.note }));
    // The deadline the worker must not miss, from what they told us (docs/MEASURES.md).
    if (ticket.arbitrationLimit) lines.push(ticket.arbitrationLimit.text);
    return {
      type: 'ticket',
      text: lines.join('\n'),
      ticket: ticketCard(ticket, t),
    };
  }

  async function lookUp(ctx: FlowContext, number: string | undefined, codeText: string): Promise<FlowResult> {
    if (!number) {
      const own = await tickets.list({ conversationId: ctx.conversationId, limit: 5 });
      if (own.items.length === 1) return lookUp(ctx, own.items[0]!.number, '');
      if (own.items.length > 1) {
        return {
          replies: [
            {
              type: 'text',
              text: ctx.t('tickets:whichTicket'),
              quickReplies: own.items.map((item) => ({
                label: item.number,
                text: ctx.t('tickets:checkNumber', { number: item.number }),
              })),
            },
          ],
          flow: startFlow(TICKET_STATUS_FLOW, 'ask-number', {}, ctx.now),
        };
      }
      return {
        replies: [{ type: 'text', text: ctx.t('tickets:askNumber') }],
        flow: startFlow(TICKET_STATUS_FLOW, 'ask-number', {}, ctx.now),
      };
    }
    const own = await tickets.getPublic(number, undefined);
    if (own && (await isOwnTicket(ctx, number))) return { replies: [render(ctx, own)], flow: null };
    const code = CODE.exec(codeText.replace(TICKET_NUMBER_IN_TEXT, ' '))?.[1];
    if (!code) {
      return {
        replies: [{ type: 'text', text: ctx.t('tickets:askCode', { number }) }],
        flow: startFlow(TICKET_STATUS_FLOW, 'ask-code', { number }, ctx.now),
      };
    }
    const ticket = await tickets.getPublic(number, code);
    // Same answer for "no such ticket" and "wrong code": a guesser learns nothing.
    if (!ticket)
      return { replies: [{ type: 'text', text: ctx.t('tickets:notFound', { number }) }], flow: null };
    return { replies: [render(ctx, ticket)], flow: null };
  }

  async function isOwnTicket(ctx: FlowContext, number: string): Promise<boolean> {
    const own = await tickets.list({ conversationId: ctx.conversationId, limit: 100 });
    return own.items.some((item) => item.number === number);
  }

  return {
    name: TICKET_STATUS_FLOW,
    intents: ['ticket_status'],
    start: (ctx) => lookUp(ctx, ticketNumberInText(ctx.text), ctx.text),
    async resume(ctx, active) {
      const number = ticketNumberInText(ctx.text);
      if (active.step === 'ask-code' && !number) {
        const remembered = typeof active.data.number === 'string' ? active.data.number : undefined;
        if (!CODE.test(ctx.text)) return undefined;
        return lookUp(ctx, remembered, ctx.text);
      }
      if (!number) return undefined;
      return lookUp(ctx, number, ctx.text);
    },
  };
}
