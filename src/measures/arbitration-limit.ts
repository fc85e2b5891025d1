import { fail, ok, type Result } from '../platform/result.js';
import type { TicketType } from '../tickets/ticket-types.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
export const WARN_DAYS = [60, 30] as const;

/** The facts 劳动争议调解仲裁法 第二十七条 turns on, as the intake or staff recorded them. */
export interface LimitFacts {
  type: TicketType;
  /** null: nobody has asked yet. */
  stillEmployed: boolean | null;
  employmentEndedOn: string | null;
  violationKnownOn: string | null;
}

export type ArbitrationLimit =
  /** 第四款: unpaid pay while the employment continues is not time-barred. */
  | { kind: 'none-while-employed' }
  | {
      kind: 'date';
      /** The last day (China date) to apply for arbitration. */
      lastDay: string;
      runsFrom: 'employment-ended' | 'violation-known';
      daysLeft: number;
      /** 'passed' once the last day is over; 30 and 60 days before, a warning. */
      warning: 'none' | '60' | '30' | 'passed';
    }
  /** What to ask the worker before the limit can be told. */
  | { kind: 'unknown'; ask: 'still-employed' | 'employment-ended-on' | 'violation-known-on' };

/** Unpaid wages and overtime pay are 劳动报酬, the pay 第四款 speaks of. */
const PAY_TYPES: readonly TicketType[] = ['wage_arrears', 'overtime'];

/** Today in China, YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar date, YYYY-MM-DD, not after today in China. */
export function parsePastDate(input: string, now: Date): Result<string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  if (!match) return fail('Give the date as YYYY-MM-DD.');
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail(`${input} is not a calendar date.`);
  }
  const text = date.toISOString().slice(0, 10);
  if (text > chinaToday(now)) return fail(`${input} is in the future.`);
  return ok(text);
}

/**
 * One year from a date (民法典 第二百零一条、第二百零二条): the first day is not counted, the period
 * ends on the same date a year later, or on the last day of that month when it has no such date
 * (29 February). A last day falling on a public holiday moves to the next working day
 * (第二百零三条); that is not applied here, so the date shown is never later than the real one.
 */
export function oneYearFrom(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return new Date(Date.UTC(y + 1, m - 1, Math.min(d, lastOfMonth))).toISOString().slice(0, 10);
}

/**
 * 劳动争议调解仲裁法 第二十七条: one year from the day the worker knew or should have known of the
 * violation; for unpaid pay during the employment no limit, and once it has ended one year from
 * its end. Interruptions (第二款: a demand to the employer, a complaint to an authority) restart
 * the year and are not counted here, so the date is the earliest it can be.
 */
export function arbitrationLimit(facts: LimitFacts, now: Date): ArbitrationLimit {
  let from: string;
  let runsFrom: 'employment-ended' | 'violation-known';
  if (PAY_TYPES.includes(facts.type)) {
    if (facts.stillEmployed === null) return { kind: 'unknown', ask: 'still-employed' };
    if (facts.stillEmployed) return { kind: 'none-while-employed' };
    if (!facts.employmentEndedOn) return { kind: 'unknown', ask: 'employment-ended-on' };
    from = facts.employmentEndedOn;
    runsFrom = 'employment-ended';
  } else {
    if (!facts.violationKnownOn) return { kind: 'unknown', ask: 'violation-known-on' };
    from = facts.violationKnownOn;
    runsFrom = 'violation-known';
  }
  const lastDay = oneYearFrom(from);
  const daysLeft = Math.round((Date.parse(lastDay) - Date.parse(chinaToday(now))) / DAY_MS);
  const warning = daysLeft < 0 ? 'passed' : daysLeft <= 30 ? '30' : daysLeft <= 60 ? '60' : 'none';
  return { kind: 'date', lastDay, runsFrom, daysLeft, warning };
}
