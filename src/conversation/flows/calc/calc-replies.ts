import { calculationText } from '../../../calculators/calc-text.js';
import { CALC_KINDS, type Calculation } from '../../../calculators/calc-types.js';
import { yuanWords } from '../../../calculators/money.js';
import type { Citation, OutboundMessage, QuickReply } from '../../../messages/messages.js';
import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import type { TicketType } from '../../../tickets/ticket-types.js';
import type { FlowContext } from '../../flow.js';
import type { ConversationState } from '../../state.js';
import { newIntakeData } from '../intake/intake-data.js';
import { recallFacts } from '../intake/remembered-facts.js';
import type { CalcData, CalcSlot } from './calc-data.js';

/** Optional questions offer "none" as a button, so a rider never has to type it. */
const NONE_BUTTON: ReadonlySet<CalcSlot> = new Set(['paid', 'weekdayHours', 'restDayHours', 'holidayHours']);
const DONT_KNOW_BUTTON: ReadonlySet<CalcSlot> = new Set(['endedOn', 'city']);

export function askSlot(ctx: FlowContext, slot: CalcSlot, prefix?: string): OutboundMessage {
  const t = ctx.t;
  const text = [prefix, t(`calc:ask.${slot}`)].filter(Boolean).join('\n');
  let quickReplies: QuickReply[] | undefined;
  if (slot === 'kind') {
    quickReplies = CALC_KINDS.map((kind) => ({
      label: t(`calc:kind.${kind}.label`),
      text: t(`calc:kind.${kind}.text`),
    }));
  } else if (NONE_BUTTON.has(slot)) {
    quickReplies = [{ label: t('calc:button.none'), text: t('calc:button.none') }];
  } else if (DONT_KNOW_BUTTON.has(slot)) {
    quickReplies = [{ label: t('calc:button.dontKnow'), text: t('calc:button.dontKnow') }];
  }
  return { type: 'text', text, ...(quickReplies ? { quickReplies } : {}) };
}

/** Each article once, in the order the figures use them, for the channel's citation list. */
function citations(calculation: Calculation): Citation[] {
  const seen = new Map<string, Citation>();
  for (const { basis } of calculation.figures) seen.set(`${basis.law}${basis.article}`, basis);
  return [...seen.values()];
}

/** The figures with their articles, and (when something is owed) the offer to file it. */
export function resultReply(ctx: FlowContext, calculation: Calculation, lead?: string): OutboundMessage {
  const locale = ctx.locale;
  const lines = [lead, calculationText(ctx.t, calculation, locale)].filter(Boolean);
  const owed = calculation.totalFen > 0;
  if (owed) lines.push(ctx.t('calc:askCarry', { amount: yuanWords(calculation.totalFen, locale) }));
  return {
    type: 'text',
    text: lines.join('\n'),
    citations: citations(calculation),
    ...(owed
      ? {
          quickReplies: [
            { label: ctx.t('calc:carry.yes'), text: ctx.t('calc:carry.yes') },
            { label: ctx.t('calc:carry.no'), text: ctx.t('calc:carry.no') },
          ],
        }
      : {}),
  };
}

const TICKET_TYPE: Record<NonNullable<CalcData['kind']>, TicketType> = {
  'unpaid-wages': 'wage_arrears',
  overtime: 'overtime',
  'no-contract-double-pay': 'wage_arrears',
  severance: 'dismissal',
};

/**
 * The report facts the intake starts from, with the calculated total as the amount (whole yuan,
 * as the intake keeps it), and what the arbitration limit turns on: for a dismissal the day it
 * happened is both the end of the employment and the day the worker knew of it.
 */
export function carriedFacts(
  ctx: FlowContext,
  data: CalcData,
  memory: ConversationState['memory'],
  cipher: FieldCipher,
) {
  const facts = recallFacts(memory) ?? newIntakeData();
  facts.type = TICKET_TYPE[data.kind ?? 'unpaid-wages'];
  facts.amountYuan = Math.round((data.totalFen ?? 0) / 100);
  facts.amountApprox = false;
  if (data.kind === 'unpaid-wages' && data.months) {
    facts.periodMonths = data.months;
    facts.periodText = ctx.t('calc:periodText', { count: data.months });
  }
  if (data.endedOn) {
    facts.stillEmployed = false;
    facts.employmentEndedOn = data.endedOn;
    if (data.kind === 'severance') facts.violationKnownOn = data.endedOn;
  }
  const said = facts.descriptionEnc ? `${cipher.decrypt(facts.descriptionEnc)}\n` : '';
  const line = ctx.t(`calc:title.${data.kind ?? 'unpaid-wages'}`) + yuanWords(data.totalFen ?? 0, ctx.locale);
  facts.descriptionEnc = cipher.encrypt(`${said}${line}`.slice(0, 2000));
  return facts;
}
