import { CALC_KINDS, type CalcKind } from '../../../calculators/calc-types.js';
import type { Calculators } from '../../../calculators/calculator-service.js';
import type { PlaceResolution } from '../../../regions/index.js';
import type { FlowContext } from '../../flow.js';
import {
  readHours,
  readKind,
  readMoney,
  readMonths,
  readPastDay,
  readService,
  saysNone,
} from './calc-answers.js';
import type { CalcData, CalcSlot } from './calc-data.js';

type Filled = Partial<CalcData>;

/** The worker's answer to one question, as the fields it fills, 'none', or 'not-an-answer'. */
export function readAnswer(
  ctx: FlowContext,
  slot: CalcSlot,
  calculators: Calculators,
  place: (text: string) => PlaceResolution,
): Filled | 'none' | 'not-an-answer' {
  const text = ctx.text;
  const of = <T>(answer: { value: T } | { none: true } | undefined, fill: (value: T) => Filled) =>
    answer === undefined ? 'not-an-answer' : 'none' in answer ? 'none' : fill(answer.value);
  switch (slot) {
    case 'kind': {
      const buttons = Object.fromEntries(
        CALC_KINDS.map((kind) => [kind, [ctx.t(`calc:kind.${kind}.text`), ctx.t(`calc:kind.${kind}.label`)]]),
      ) as Record<CalcKind, string[]>;
      const kind = readKind(text, buttons);
      return kind ? { kind } : 'not-an-answer';
    }
    case 'wage':
      return of(readMoney(text), (wageFen) => ({ wageFen }));
    case 'paid':
      return of(readMoney(text, { noneIsZero: true }), (paidFen) => ({ paidFen }));
    case 'months':
      return of(readMonths(text, ctx.now), (months) => ({ months }));
    case 'noContractMonths':
      return of(readMonths(text, ctx.now), (noContractMonths) => ({ noContractMonths }));
    case 'weekdayHours':
    case 'restDayHours':
    case 'holidayHours':
      return of(readHours(text), (hours) => ({ [slot]: hours }));
    case 'service':
      return of(readService(text), (serviceMonths) => ({ serviceMonths }));
    case 'endedOn':
      return of(readPastDay(text, ctx.now), (endedOn) => ({ endedOn }));
    case 'city': {
      if (saysNone(text)) return 'none';
      const listed = calculators.averageWageOf(text);
      if (listed) return { city: listed.city };
      // A real place the table does not cover: the cap is left unchecked, and the worker told.
      const found = place(text);
      if (found.ok) return { regionCode: found.region.code };
      return found.reason === 'ambiguous' ? 'none' : 'not-an-answer';
    }
  }
}
