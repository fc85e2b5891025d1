import type { ChinaDay, ChinaNow } from './china-time.js';
import { type HoursSpec, WEEKDAYS } from './hours-spec.js';

export type StationStatus = 'open' | 'closed' | 'temporary';
export const STATION_STATUSES: readonly StationStatus[] = ['open', 'closed', 'temporary'];

/** [start, end) in minutes from that day's midnight; end > 1440 runs into the next day. */
type Span = readonly [number, number];

/** Hours compiled once when a station is loaded, so a search only compares numbers. */
export interface CompiledHours {
  always: boolean;
  week: Span[][];
  holidays: 'regular' | Span[];
  dates: Map<string, Span[]>;
  temporary?: { spans: Span[]; from?: string; until?: string };
}

export type TodayHours = { kind: 'always' } | { kind: 'closed-today' } | { kind: 'spans'; text: string[] };

export interface HoursNow {
  openNow: boolean;
  today: TodayHours;
}

const ALL_DAY: Span[] = [[0, 1440]];

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function spans(intervals: readonly string[]): Span[] {
  return intervals.map((interval) => {
    const start = minutes(interval.slice(0, 5));
    const end = minutes(interval.slice(6, 11));
    // "22:00-06:00" closes at 06:00 the next morning; "08:00-08:00" reads as round the clock.
    return [start, end <= start ? end + 1440 : end] as const;
  });
}

export function compileHours(spec: HoursSpec): CompiledHours {
  return {
    always: spec.always === true,
    week: WEEKDAYS.map((day) =>
      spans((spec.week as Partial<Record<string, string[]>> | undefined)?.[day] ?? []),
    ),
    holidays:
      spec.holidays === undefined || spec.holidays === 'regular'
        ? 'regular'
        : spec.holidays === 'closed'
          ? []
          : spans(spec.holidays),
    dates: new Map(Object.entries(spec.dates ?? {}).map(([date, list]) => [date, spans(list)])),
    temporary: spec.temporary && {
      spans: spans(spec.temporary.hours),
      from: spec.temporary.from,
      until: spec.temporary.until,
    },
  };
}

/** The spans that apply on a day, most specific rule first. */
function spansOn(hours: CompiledHours, status: StationStatus, day: ChinaDay): Span[] {
  const temporary = hours.temporary;
  if (
    status === 'temporary' &&
    temporary &&
    (!temporary.from || day.date >= temporary.from) &&
    (!temporary.until || day.date <= temporary.until)
  ) {
    return temporary.spans;
  }
  const dated = hours.dates.get(day.date);
  if (dated) return dated;
  if (day.holiday && hours.holidays !== 'regular') return hours.holidays;
  if (hours.always) return ALL_DAY;
  return hours.week[day.weekday] ?? [];
}

/**
 * Open now, and today's hours, in China time. A closed station is never open, whatever its
 * hours say; overnight hours that started yesterday still count this morning.
 */
export function hoursNow(hours: CompiledHours, status: StationStatus, now: ChinaNow): HoursNow {
  if (status === 'closed') return { openNow: false, today: { kind: 'closed-today' } };
  const today = spansOn(hours, status, now.today);
  let openNow = false;
  for (const [start, end] of today) if (now.minute >= start && now.minute < end) openNow = true;
  if (!openNow) {
    for (const [, end] of spansOn(hours, status, now.yesterday)) if (now.minute < end - 1440) openNow = true;
  }
  return { openNow, today: describe(today) };
}

function describe(today: Span[]): TodayHours {
  if (!today.length) return { kind: 'closed-today' };
  if (today.some(([start, end]) => start === 0 && end >= 1440)) return { kind: 'always' };
  return { kind: 'spans', text: today.map(([start, end]) => `${clock(start)}-${clock(end % 1440 || 1440)}`) };
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
