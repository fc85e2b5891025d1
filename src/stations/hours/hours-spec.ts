// Opening hours as stored (JSON in Station.hours) and as typed in import files.
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import type { Result } from '../../platform/result.js';

/** "08:00-20:00"; an end before the start runs past midnight ("22:00-06:00"); "00:00-24:00" is all day. */
const IntervalText = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)$',
});
const Intervals = Type.Array(IntervalText, { maxItems: 6 });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const HoursSpecSchema = Type.Object(
  {
    /** Open around the clock every day (holidays included unless `holidays` says otherwise). */
    always: Type.Optional(Type.Boolean()),
    /** Regular hours per weekday; a missing or empty day is closed. */
    week: Type.Optional(
      Type.Partial(Type.Record(Type.Union(WEEKDAYS.map((d) => Type.Literal(d))), Intervals)),
    ),
    /** On national public holidays: keep regular hours, close, or these hours. */
    holidays: Type.Optional(Type.Union([Type.Literal('regular'), Type.Literal('closed'), Intervals])),
    /** Hours for particular dates (an empty list closes that day). */
    dates: Type.Optional(Type.Record(DateText, Intervals)),
    /** Used while the station's status is "temporary" (e.g. round the clock during floods). */
    temporary: Type.Optional(
      Type.Object({ hours: Intervals, from: Type.Optional(DateText), until: Type.Optional(DateText) }),
    ),
  },
  { additionalProperties: false },
);
export type HoursSpec = Static<typeof HoursSpecSchema>;

export type HoursParse = Result<HoursSpec>;

const DAY_ALIASES: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  周日: 0,
  周一: 1,
  周二: 2,
  周三: 3,
  周四: 4,
  周五: 5,
  周六: 6,
};
const ALL_DAY = /^(?:24h|24\/7|24小时|全天)$/i;

/** Validate a spec that arrived as JSON (an admin edit, a GeoJSON property, a DB row). */
export function checkHoursSpec(value: unknown): HoursParse {
  if (Value.Check(HoursSpecSchema, value)) return { ok: true, value };
  const first = [...Value.Errors(HoursSpecSchema, value)][0];
  return { ok: false, reason: `hours ${first?.instancePath || ''} ${first?.message ?? 'invalid'}`.trim() };
}

/**
 * Parse the compact text form used in CSV files, or a JSON spec:
 *   "24h" · "08:00-20:00" (every day) · "mon-fri 07:00-21:00; sat,sun 09:00-17:00; holidays closed"
 *   "daily 10:00-14:00,17:00-22:00" · "周一-周五 08:00-18:00"
 */
export function parseHours(text: string): HoursParse {
  const input = text.trim();
  if (!input) return { ok: false, reason: 'hours are empty' };
  if (input.startsWith('{')) {
    try {
      return checkHoursSpec(JSON.parse(input));
    } catch {
      return { ok: false, reason: 'hours JSON does not parse' };
    }
  }
  const spec: HoursSpec = {};
  const week: Partial<Record<Weekday, string[]>> = {};
  for (const rawPart of input.split(/[;；]/)) {
    const part = rawPart.trim();
    if (!part) continue;
    if (ALL_DAY.test(part)) {
      spec.always = true;
      continue;
    }
    const holiday = /^(?:holidays?|节假日)\s+(.+)$/i.exec(part);
    if (holiday) {
      const value = holiday[1]!.trim();
      if (/^(?:closed|休息|闭馆)$/i.test(value)) spec.holidays = 'closed';
      else if (/^(?:regular|照常)$/i.test(value)) spec.holidays = 'regular';
      else {
        const intervals = parseIntervals(value);
        if (!intervals.ok) return intervals;
        spec.holidays = intervals.value;
      }
      continue;
    }
    const match = /^(?:(\S+)\s+)?(\S+)$/.exec(part);
    const days = match?.[1] ? parseDays(match[1]) : ALL_DAYS;
    if (!match || !days) return { ok: false, reason: `cannot read hours "${part}"` };
    const intervals = ALL_DAY.test(match[2]!)
      ? { ok: true as const, value: ['00:00-24:00'] }
      : parseIntervals(match[2]!);
    if (!intervals.ok) return intervals;
    for (const day of days) week[WEEKDAYS[day]!] = [...(week[WEEKDAYS[day]!] ?? []), ...intervals.value];
  }
  if (Object.keys(week).length) spec.week = week;
  return checkHoursSpec(spec);
}

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

function parseDays(text: string): number[] | undefined {
  if (/^(?:daily|every\s*day|每天|每日)$/i.test(text)) return ALL_DAYS;
  const out: number[] = [];
  for (const piece of text.toLowerCase().split(/[,，、]/)) {
    const range = piece.split(/[-~至]/);
    const from = DAY_ALIASES[range[0] ?? ''];
    const to = range.length === 2 ? DAY_ALIASES[range[1] ?? ''] : from;
    if (from === undefined || to === undefined || range.length > 2) return undefined;
    // mon-sun wraps past Saturday.
    for (let d = from; ; d = (d + 1) % 7) {
      out.push(d);
      if (d === to) break;
    }
  }
  return out;
}

function parseIntervals(text: string): { ok: true; value: string[] } | { ok: false; reason: string } {
  const value = text.split(/[,，]/).map((piece) => piece.trim().replace(/[–—~～至]/g, '-'));
  for (const interval of value) {
    if (!/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(interval)) {
      return { ok: false, reason: `"${interval}" is not a time range like 08:00-20:00` };
    }
  }
  return { ok: true, value };
}
