import { type Calculation, type Figure, LAW } from './calc-types.js';
import { dailyWageFen } from './wage-rates.js';

export interface UnpaidWagesInput {
  monthlyWageFen: number;
  /** Whole months not paid. */
  months: number;
  /** Working days of a month begun and not paid, at the monthly wage / 21.75. */
  days?: number;
  /** What the employer did pay for the period. */
  paidFen?: number;
}

/**
 * Wages owed for a period: 劳动法 第五十条 (paid in money, monthly, never withheld or delayed
 * without cause) and 劳动合同法 第三十条 (paid in full and on time as agreed).
 */
export function unpaidWages(input: UnpaidWagesInput): Calculation {
  const days = input.days ?? 0;
  const paid = input.paidFen ?? 0;
  const figures: Figure[] = [];
  if (input.months > 0) {
    figures.push({
      key: 'unpaidMonths',
      fen: input.monthlyWageFen * input.months,
      basis: { law: LAW.labor, article: 50 },
      inputs: { monthlyWageFen: input.monthlyWageFen, months: input.months },
    });
  }
  if (days > 0) {
    const daily = dailyWageFen(input.monthlyWageFen);
    figures.push({
      key: 'unpaidDays',
      fen: daily * days,
      basis: { law: LAW.labor, article: 50 },
      inputs: { monthlyWageFen: input.monthlyWageFen, dailyWageFen: daily, days },
    });
  }
  const due = figures.reduce((sum, figure) => sum + figure.fen, 0);
  if (paid > 0) {
    figures.push({
      key: 'alreadyPaid',
      fen: -Math.min(paid, due),
      basis: { law: LAW.contract, article: 30 },
      inputs: { paidFen: paid },
    });
  }
  const notes: Calculation['notes'] = [{ key: 'unpaidLate' }];
  if (days > 0) notes.unshift({ key: 'dailyRule' });
  if (paid > due) notes.unshift({ key: 'paidMoreThanDue' });
  return {
    kind: 'unpaid-wages',
    totalFen: Math.max(0, due - paid),
    figures,
    notes,
  };
}
