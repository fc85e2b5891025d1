import type { Calculation } from '../../../calculators/calc-types.js';
import type { Calculators } from '../../../calculators/calculator-service.js';
import { yuanWords } from '../../../calculators/money.js';
import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import { resolvePlace } from '../../../regions/index.js';
import { type Flow, type FlowContext, type FlowResult, startFlow } from '../../flow.js';
import type { ActiveFlow } from '../../state.js';
import { REPORT_FACTS, recallFacts } from '../intake/remembered-facts.js';
import { declines, saysYes } from '../intake/yes-no.js';
import { menuReply } from '../menu/menu-flow.js';
import { readAnswer } from './calc-answer.js';
import { type CalcData, newCalcData, nextSlot, parseCalcData, REQUIRED } from './calc-data.js';
import { askSlot, carriedFacts, resultReply } from './calc-replies.js';

export const CALC_FLOW = 'calc';
/** Answers that are not one, per question: the second is let go (the calculation never loops). */
const TRIES = 2;
/** A question put mid-calculation ("能申请仲裁吗？"), not an answer. */
const QUESTION = /[？?]|吗|怎么|如何|能不能|可不可以|\b(?:how|what|can|should)\b/i;
const ELSEWHERE = new Set(['stations', 'human', 'ticket_status', 'arrears']);

export interface CalcFlowDeps {
  calculators: Calculators;
  cipher: FieldCipher;
  /** The intake, started from the facts in the context's memory (the calculated amount among them). */
  startIntake(ctx: FlowContext): Promise<FlowResult>;
}

/**
 * "算一算我能拿多少": which sum, then only the numbers that sum needs, each asked at most twice;
 * the figures with their articles; and, when the worker agrees, the total carried into the wage
 * intake as the amount.
 */
export function calcFlow(deps: CalcFlowDeps): Flow {
  const { calculators } = deps;
  const cityNeeded = (data: CalcData) => (data.wageFen ?? 0) > calculators.lowestCapFen();

  const save = (data: CalcData, ctx: FlowContext, active?: ActiveFlow): ActiveFlow =>
    active
      ? { ...active, step: data.step, data: data as unknown as Record<string, unknown> }
      : startFlow(CALC_FLOW, data.step, data as unknown as Record<string, unknown>, ctx.now);

  function calculate(data: CalcData): Calculation {
    const wage = data.wageFen ?? 0;
    switch (data.kind ?? 'unpaid-wages') {
      case 'unpaid-wages':
        return calculators.unpaidWages({
          monthlyWageFen: wage,
          months: data.months ?? 0,
          paidFen: data.paidFen,
        });
      case 'overtime':
        return calculators.overtime({
          monthlyWageFen: wage,
          weekdayHours: data.weekdayHours,
          restDayHours: data.restDayHours,
          holidayHours: data.holidayHours,
        });
      case 'no-contract-double-pay':
        return calculators.noContractDoublePay({
          monthlyWageFen: wage,
          monthsWithoutContract: data.noContractMonths ?? 0,
        });
      case 'severance':
        return calculators.severance({
          monthlyWageFen: wage,
          service: { serviceMonths: data.serviceMonths ?? 0 },
          city: data.city,
          regionCode: data.regionCode,
        });
    }
  }

  /** The next question, or the figures once every number is in. */
  function advance(ctx: FlowContext, data: CalcData, active?: ActiveFlow, prefix?: string): FlowResult {
    const slot = nextSlot(data, cityNeeded);
    if (slot) {
      if (slot !== data.pending) data.tries = 0;
      data.pending = slot;
      return { replies: [askSlot(ctx, slot, prefix)], flow: save(data, ctx, active) };
    }
    const calculation = calculate(data);
    const placeOnly =
      data.kind === 'severance' && data.regionCode && !calculators.averageWageIn(data.regionCode);
    const lead = [prefix, placeOnly ? ctx.t('calc:cityUnknown') : undefined].filter(Boolean).join('\n');
    const reply = resultReply(ctx, calculation, lead || undefined);
    if (calculation.totalFen === 0) return { replies: [reply], flow: null };
    Object.assign(data, { step: 'carry', pending: undefined, tries: 0, totalFen: calculation.totalFen });
    return { replies: [reply], flow: save(data, ctx, active) };
  }

  function gaveUp(ctx: FlowContext): FlowResult {
    const reply = menuReply(ctx.t, ctx.t('calc:gaveUp'));
    const report = {
      label: ctx.t('knowledge:quick.report.label'),
      text: ctx.t('knowledge:quick.report.text'),
    };
    return { replies: [{ ...reply, quickReplies: [report, ...(reply.quickReplies ?? [])] }], flow: null };
  }

  async function carry(ctx: FlowContext, data: CalcData): Promise<FlowResult> {
    const facts = carriedFacts(ctx, data, ctx.state.memory, deps.cipher);
    const memory = { ...ctx.state.memory, [REPORT_FACTS]: facts };
    const intake = await deps.startIntake({ ...ctx, text: '', state: { ...ctx.state, flow: null, memory } });
    const said = ctx.t('calc:carried', { amount: yuanWords((facts.amountYuan ?? 0) * 100, ctx.locale) });
    const [first, ...rest] = intake.replies;
    const replies = first
      ? [{ ...first, text: `${said}\n${first.text}` }, ...rest]
      : [{ type: 'text' as const, text: said }];
    return { ...intake, replies, memory: { [REPORT_FACTS]: facts, ...intake.memory } };
  }

  return {
    name: CALC_FLOW,
    intents: ['calculate'],
    async start(ctx) {
      const data = newCalcData();
      // What the worker already said of their case (a wage question, an intake) is not asked again.
      const facts = recallFacts(ctx.state.memory);
      const kinds = { wage_arrears: 'unpaid-wages', overtime: 'overtime', dismissal: 'severance' } as const;
      const known = facts ? kinds[facts.type as keyof typeof kinds] : undefined;
      if (known) data.kind = known;
      if (facts?.periodMonths && data.kind === 'unpaid-wages') data.months = facts.periodMonths;
      if (facts?.employmentEndedOn) data.endedOn = facts.employmentEndedOn;
      if (facts?.regionCode) data.regionCode = facts.regionCode;
      return advance(ctx, data);
    },
    async resume(ctx, active) {
      const parsed = parseCalcData(active.data);
      if (!parsed.ok) return { replies: [askSlot(ctx, 'kind')], flow: save(newCalcData(), ctx) };
      const data = structuredClone(parsed.value);
      if (data.step === 'carry') {
        if (ctx.text === ctx.t('calc:carry.yes') || saysYes(ctx.text, { loose: true }))
          return carry(ctx, data);
        const no =
          ctx.text === ctx.t('calc:carry.no') ||
          declines(ctx.text) ||
          /^(?:先)?不用|不要|算了/.test(ctx.text);
        if (no || data.tries + 1 >= TRIES) {
          return { replies: [menuReply(ctx.t, ctx.t('calc:notCarried'))], flow: null };
        }
        if (ELSEWHERE.has(ctx.intent.name) || QUESTION.test(ctx.text)) return undefined;
        data.tries += 1;
        const again = ctx.t('calc:askCarry', { amount: yuanWords(data.totalFen ?? 0, ctx.locale) });
        return {
          replies: [
            { type: 'text', text: again, quickReplies: resultReply(ctx, calculate(data)).quickReplies },
          ],
          flow: save(data, ctx, active),
        };
      }
      const slot = data.pending ?? nextSlot(data, cityNeeded) ?? 'kind';
      const answer = readAnswer(ctx, slot, calculators, (text) => resolvePlace(text));
      if (answer === 'not-an-answer') {
        if (ELSEWHERE.has(ctx.intent.name) || (ctx.intent.name === 'question' && QUESTION.test(ctx.text)))
          return undefined;
        data.tries += 1;
        if (data.tries < TRIES) return advance(ctx, data, active, ctx.t(`calc:clarify.${clarifyKey(slot)}`));
        if (REQUIRED.has(slot)) return gaveUp(ctx);
        data.skipped.push(slot);
        return advance(ctx, data, active);
      }
      if (answer === 'none') {
        if (REQUIRED.has(slot)) return gaveUp(ctx);
        data.skipped.push(slot);
        return advance(ctx, data, active);
      }
      Object.assign(data, answer);
      return advance(ctx, data, active);
    },
  };
}

function clarifyKey(slot: string): string {
  if (slot === 'wage' || slot === 'paid') return 'money';
  if (slot === 'months' || slot === 'noContractMonths') return 'months';
  if (slot.endsWith('Hours')) return 'hours';
  return slot;
}
