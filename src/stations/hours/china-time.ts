import { isPublicHoliday } from './holidays.js';

/** A calendar day in China, as opening hours need it. */
export interface ChinaDay {
  date: string;
  /** 0 = Sunday. */
  weekday: number;
  holiday: boolean;
}

export interface ChinaNow {
  today: ChinaDay;
  yesterday: ChinaDay;
  /** Minutes since local midnight. */
  minute: number;
}

// Asia/Shanghai has been UTC+8 all year since 1991 (no daylight saving), so a fixed offset gives
// the same answer as Intl with the time zone database, and costs nothing per request.
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

function day(shifted: number): ChinaDay {
  const d = new Date(shifted);
  const date = d.toISOString().slice(0, 10);
  return { date, weekday: d.getUTCDay(), holiday: isPublicHoliday(date) };
}

export function chinaNow(now: Date): ChinaNow {
  const shifted = now.getTime() + OFFSET_MS;
  const midnight = Math.floor(shifted / DAY_MS) * DAY_MS;
  return {
    today: day(shifted),
    yesterday: day(shifted - DAY_MS),
    minute: Math.floor((shifted - midnight) / 60_000),
  };
}
