import type { AverageWage } from './average-wages.js';
import { type Calculation, LAW } from './calc-types.js';
import { roundDiv } from './money.js';
import type { ServiceLength } from './service-length.js';

export interface SeveranceInput {
  /** The average monthly wage of the twelve months before the contract ended. */
  monthlyWageFen: number;
  service: ServiceLength;
  /** The city's average wage entry, when the city is known and in the table. */
  averageWage?: AverageWage;
}

/** 第四十七条第二款: above three times the local average, at most twelve years are paid. */
export const CAPPED_YEARS = 12;

/**
 * Economic compensation, 劳动合同法 第四十七条: one month's wage per full year worked; six months
 * or more of a part-year count as a year, less than six as half a month. A wage above three
 * times the city's average monthly wage of the year before is paid at three times that average,
 * for no more than twelve years.
 */
export function severance(input: SeveranceInput): Calculation {
  const { service, averageWage } = input;
  const rest = service.months > 0 || service.days > 0;
  // Counted in half months so no fraction reaches the money.
  let halves = service.years * 2 + (service.months >= 6 ? 2 : rest ? 1 : 0);
  const notes: Calculation['notes'] = [];
  let base = input.monthlyWageFen;
  const cap = averageWage ? averageWage.monthlyFen * 3 : undefined;
  const capped = cap !== undefined && input.monthlyWageFen > cap;
  if (capped && averageWage && cap !== undefined) {
    base = cap;
    notes.push({
      key: 'capApplied',
      values: {
        city: averageWage.city,
        year: averageWage.year,
        averageFen: averageWage.monthlyFen,
        capFen: cap,
      },
    });
    if (halves > CAPPED_YEARS * 2) {
      halves = CAPPED_YEARS * 2;
      notes.push({ key: 'twelveYears' });
    }
  } else if (averageWage && cap !== undefined) {
    notes.push({
      key: 'capNotReached',
      values: { city: averageWage.city, year: averageWage.year, capFen: cap },
    });
  } else {
    notes.push({ key: 'capUnchecked' });
  }
  if (averageWage) notes.push({ key: 'averageSource', values: { source: averageWage.source } });
  if (service.years === 0 && service.months < 6 && rest) notes.push({ key: 'underSixMonths' });
  notes.push({ key: 'whenOwed' }, { key: 'unlawfulDouble' });
  const fen = roundDiv(base * halves, 2);
  return {
    kind: 'severance',
    totalFen: fen,
    figures: [
      {
        key: capped ? 'severanceCapped' : 'severance',
        fen,
        basis: { law: LAW.contract, article: 47 },
        inputs: {
          monthlyWageFen: input.monthlyWageFen,
          baseFen: base,
          years: service.years,
          months: service.months,
          days: service.days,
          compensationMonths: halves / 2,
        },
      },
    ],
    notes,
  };
}
