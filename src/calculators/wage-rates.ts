import { roundDiv } from './money.js';

/**
 * 原劳动和社会保障部《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）:
 * a month has 21.75 paid working days, a day 8 hours, so an hour is the monthly wage / 174.
 * The rates are rounded to the fen first and every figure is computed from the rounded rate, so
 * the worker can repeat the sum by hand and get the same fen.
 */
export const WORK_DAYS_PER_MONTH = 21.75;
export const HOURS_PER_DAY = 8;

export function dailyWageFen(monthlyFen: number): number {
  return roundDiv(monthlyFen * 100, WORK_DAYS_PER_MONTH * 100);
}

export function hourlyWageFen(monthlyFen: number): number {
  return roundDiv(monthlyFen * 100, WORK_DAYS_PER_MONTH * 100 * HOURS_PER_DAY);
}

/** Hours are taken to a tenth (2.5 hours), counted in tenths so no float reaches a fen. */
export function tenths(hours: number): number {
  return Math.round(hours * 10);
}
