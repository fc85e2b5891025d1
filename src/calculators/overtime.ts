import { type Calculation, type Figure, LAW } from './calc-types.js';
import { roundDiv } from './money.js';
import { hourlyWageFen, tenths } from './wage-rates.js';

export interface OvertimeInput {
  monthlyWageFen: number;
  /** Hours beyond the working day (延长工作时间): 150%. */
  weekdayHours?: number;
  /** Hours on a rest day with no time off in lieu (休息日安排工作又不能安排补休): 200%. */
  restDayHours?: number;
  /** Hours on a statutory holiday (法定休假日): 300%. */
  holidayHours?: number;
  /** Overtime pay the employer already paid for these hours. */
  paidFen?: number;
}

const RATES = [
  { key: 'overtime150', field: 'weekdayHours', percent: 150 },
  { key: 'overtime200', field: 'restDayHours', percent: 200 },
  { key: 'overtime300', field: 'holidayHours', percent: 300 },
] as const;

/**
 * Overtime pay, 劳动法 第四十四条: not less than 150% of the hourly wage for longer days, 200% on a
 * rest day without time off in lieu, 300% on a statutory holiday; the hourly wage is the
 * monthly wage / 21.75 / 8 (wage-rates.ts).
 */
export function overtime(input: OvertimeInput): Calculation {
  const hourly = hourlyWageFen(input.monthlyWageFen);
  const figures: Figure[] = [];
  for (const rate of RATES) {
    const hours = input[rate.field] ?? 0;
    if (hours <= 0) continue;
    figures.push({
      key: rate.key,
      fen: roundDiv(hourly * tenths(hours) * rate.percent, 1000),
      basis: { law: LAW.labor, article: 44 },
      inputs: { monthlyWageFen: input.monthlyWageFen, hourlyWageFen: hourly, hours, percent: rate.percent },
    });
  }
  const due = figures.reduce((sum, figure) => sum + figure.fen, 0);
  const paid = input.paidFen ?? 0;
  if (paid > 0) {
    figures.push({
      key: 'alreadyPaid',
      fen: -Math.min(paid, due),
      basis: { law: LAW.labor, article: 44 },
      inputs: { paidFen: paid },
    });
  }
  const notes: Calculation['notes'] = [{ key: 'hourlyRule' }];
  if (paid > due) notes.push({ key: 'paidMoreThanDue' });
  return { kind: 'overtime', totalFen: Math.max(0, due - paid), figures, notes };
}
