import { type Calculation, LAW } from './calc-types.js';

export interface NoContractInput {
  monthlyWageFen: number;
  /** Months worked without a written contract, counted from the first day of work. */
  monthsWithoutContract: number;
}

/** 劳动合同法实施条例 第七条: the double pay runs at most to the day before a full year. */
export const MAX_DOUBLE_PAY_MONTHS = 11;

/**
 * 劳动合同法 第八十二条 with 实施条例 第六条、第七条: an employer that has not signed a written
 * contract more than a month after the work began pays twice the monthly wage, from the second
 * month, for at most 11 months. The worker was paid the first wage already, so what is owed is
 * the second: one more monthly wage for each of those months.
 */
export function noContractDoublePay(input: NoContractInput): Calculation {
  const months = Math.min(Math.max(input.monthsWithoutContract - 1, 0), MAX_DOUBLE_PAY_MONTHS);
  const notes: Calculation['notes'] = [];
  if (input.monthsWithoutContract <= 1) notes.push({ key: 'firstMonthGrace' });
  if (input.monthsWithoutContract - 1 > MAX_DOUBLE_PAY_MONTHS) {
    notes.push({ key: 'elevenMonthCap', values: { months: input.monthsWithoutContract } });
  }
  if (input.monthsWithoutContract >= 12) notes.push({ key: 'openEnded' });
  return {
    kind: 'no-contract-double-pay',
    totalFen: input.monthlyWageFen * months,
    figures:
      months > 0
        ? [
            {
              key: 'doublePay',
              fen: input.monthlyWageFen * months,
              basis: { law: LAW.contract, article: 82 },
              inputs: {
                monthlyWageFen: input.monthlyWageFen,
                monthsWithoutContract: input.monthsWithoutContract,
                months,
              },
            },
          ]
        : [],
    notes,
  };
}
