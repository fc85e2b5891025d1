import { fail, ok, type Result } from '../platform/result.js';

/** Time worked for one employer, as 第四十七条 counts it: whole years, then what is left. */
export interface ServiceLength {
  years: number;
  months: number;
  /** Days past the last whole month (they make a part-year "不满六个月" when no month is left). */
  days: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] | undefined {
  const match = DATE.exec(day);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return [y, m, d];
}

/** From the first day of work to the last, both counted: 2020-03-01 … 2021-02-28 is one year. */
export function serviceBetween(startedOn: string, endedOn: string): Result<ServiceLength> {
  const from = parts(startedOn);
  const to = parts(endedOn);
  if (!from || !to) return fail('Dates are YYYY-MM-DD calendar dates.');
  if (endedOn < startedOn) return fail('The last day of work is before the first.');
  // The day after the last day of work, so whole months come out even.
  const next = new Date(Date.UTC(to[0], to[1] - 1, to[2] + 1));
  let months = (next.getUTCFullYear() - from[0]) * 12 + (next.getUTCMonth() + 1 - from[1]);
  let days = next.getUTCDate() - from[2];
  if (days < 0) {
    months -= 1;
    // Days from the same date of the month before the end, to the end.
    const anchor = new Date(Date.UTC(from[0], from[1] - 1 + months, from[2]));
    days = Math.round((next.getTime() - anchor.getTime()) / 86_400_000);
  }
  return ok({ years: Math.floor(months / 12), months: months % 12, days });
}

export function serviceOfMonths(totalMonths: number): ServiceLength {
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12, days: 0 };
}
