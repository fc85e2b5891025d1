import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { CALC_KINDS, type CalcKind } from '../../../calculators/calc-types.js';

export const CALC_SLOTS = [
  'kind',
  'wage',
  'months',
  'paid',
  'weekdayHours',
  'restDayHours',
  'holidayHours',
  'noContractMonths',
  'service',
  'endedOn',
  'city',
] as const;
export type CalcSlot = (typeof CALC_SLOTS)[number];

const literals = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.Enum(values));

/**
 * The calculator's answers so far, kept in the conversation's state. Only numbers and a city:
 * nothing that names the worker.
 */
export const CalcDataSchema = Type.Object({
  v: Type.Literal(1),
  step: literals(['collect', 'carry'] as const),
  kind: Type.Optional(literals(CALC_KINDS)),
  pending: Type.Optional(literals(CALC_SLOTS)),
  /** Answers to the pending question that were not one (one more ask, then let go). */
  tries: Type.Integer({ minimum: 0 }),
  wageFen: Type.Optional(Type.Integer({ minimum: 0 })),
  months: Type.Optional(Type.Integer({ minimum: 0 })),
  paidFen: Type.Optional(Type.Integer({ minimum: 0 })),
  weekdayHours: Type.Optional(Type.Number({ minimum: 0 })),
  restDayHours: Type.Optional(Type.Number({ minimum: 0 })),
  holidayHours: Type.Optional(Type.Number({ minimum: 0 })),
  noContractMonths: Type.Optional(Type.Integer({ minimum: 0 })),
  serviceMonths: Type.Optional(Type.Integer({ minimum: 0 })),
  endedOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  /** A city name the table knows, or a place code. */
  city: Type.Optional(Type.String({ maxLength: 40 })),
  regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  /** Slots answered "不知道" or not understood twice: not asked again. */
  skipped: Type.Array(literals(CALC_SLOTS)),
  /** The total shown, offered as the intake's amount. */
  totalFen: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type CalcData = Static<typeof CalcDataSchema>;

export function newCalcData(kind?: CalcKind): CalcData {
  return { v: 1, step: 'collect', tries: 0, skipped: [], ...(kind ? { kind } : {}) };
}

export function parseCalcData(raw: unknown): { ok: true; value: CalcData } | { ok: false; reason: string } {
  if (Value.Check(CalcDataSchema, raw)) return { ok: true, value: raw };
  const first = [...Value.Errors(CalcDataSchema, raw)][0];
  return { ok: false, reason: `calc data invalid at ${first?.instancePath || '/'}: ${first?.message}` };
}

/** Questions a calculation cannot do without: not understood twice, the calculation stops. */
export const REQUIRED: ReadonlySet<CalcSlot> = new Set([
  'kind',
  'wage',
  'months',
  'noContractMonths',
  'service',
]);

/**
 * The next question for this kind of sum, or undefined when every figure can be worked out.
 * `cityNeeded` is false when the wage is under every cap the table knows, so the city is not asked.
 */
export function nextSlot(data: CalcData, cityNeeded: (data: CalcData) => boolean): CalcSlot | undefined {
  const open = (slot: CalcSlot, value: unknown) => value === undefined && !data.skipped.includes(slot);
  if (!data.kind) return 'kind';
  if (open('wage', data.wageFen)) return 'wage';
  switch (data.kind) {
    case 'unpaid-wages':
      if (open('months', data.months)) return 'months';
      if (open('paid', data.paidFen)) return 'paid';
      return undefined;
    case 'overtime':
      if (open('weekdayHours', data.weekdayHours)) return 'weekdayHours';
      if (open('restDayHours', data.restDayHours)) return 'restDayHours';
      if (open('holidayHours', data.holidayHours)) return 'holidayHours';
      return undefined;
    case 'no-contract-double-pay':
      return open('noContractMonths', data.noContractMonths) ? 'noContractMonths' : undefined;
    case 'severance':
      if (open('service', data.serviceMonths)) return 'service';
      if (open('endedOn', data.endedOn)) return 'endedOn';
      if (open('city', data.city ?? data.regionCode) && cityNeeded(data)) return 'city';
      return undefined;
  }
}
