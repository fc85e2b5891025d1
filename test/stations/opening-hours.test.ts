import { describe, expect, it } from 'vitest';
import { chinaNow } from '../../src/stations/hours/china-time.js';
import { type HoursSpec, parseHours } from '../../src/stations/hours/hours-spec.js';
import { compileHours, hoursNow, type StationStatus } from '../../src/stations/hours/opening-hours.js';

/** China wall-clock time → the UTC instant (China is UTC+8 all year). */
const at = (local: string) => chinaNow(new Date(`${local}+08:00`));
const check = (spec: HoursSpec, local: string, status: StationStatus = 'open') =>
  hoursNow(compileHours(spec), status, at(local));
const spec = (text: string) => {
  const parsed = parseHours(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

describe('China time', () => {
  it('turns 16:30 UTC into 00:30 the next day in China, with the right weekday', () => {
    const now = chinaNow(new Date('2026-12-01T16:30:00Z'));
    expect(now.today).toEqual({ date: '2026-12-02', weekday: 3, holiday: false });
    expect(now.yesterday.date).toBe('2026-12-01');
    expect(now.minute).toBe(30);
  });
  it('knows national holidays', () => {
    expect(at('2026-10-01T12:00:00').today.holiday).toBe(true);
    expect(at('2026-02-17T12:00:00').today.holiday).toBe(true);
    expect(at('2026-10-09T12:00:00').today.holiday).toBe(false);
  });
});

describe('opening hours', () => {
  it('24-hour stations are open at 3 a.m. and say "always"', () => {
    expect(check(spec('24h'), '2026-12-02T03:00:00')).toEqual({ openNow: true, today: { kind: 'always' } });
  });

  it('overnight hours run past midnight into the next morning', () => {
    const night = spec('18:00-06:00');
    expect(check(night, '2026-12-02T19:00:00').openNow).toBe(true);
    expect(check(night, '2026-12-02T02:00:00').openNow).toBe(true); // from Tuesday evening's span
    expect(check(night, '2026-12-02T06:00:00').openNow).toBe(false);
    expect(check(night, '2026-12-02T12:00:00').openNow).toBe(false);
    expect(check(night, '2026-12-02T12:00:00').today).toEqual({ kind: 'spans', text: ['18:00-06:00'] });
  });

  it('overnight hours started on an open day still count after midnight into a closed day', () => {
    const fridayNights = spec('fri 20:00-04:00');
    expect(check(fridayNights, '2026-12-05T03:00:00').openNow).toBe(true); // Saturday 03:00
    expect(check(fridayNights, '2026-12-05T03:00:00').today).toEqual({ kind: 'closed-today' });
    expect(check(fridayNights, '2026-12-06T03:00:00').openNow).toBe(false); // Sunday 03:00
  });

  it('weekday and weekend hours differ; boundaries are [open, close)', () => {
    const hours = spec('mon-fri 07:00-21:00; sat,sun 09:00-18:00');
    expect(check(hours, '2026-12-02T07:00:00').openNow).toBe(true);
    expect(check(hours, '2026-12-02T21:00:00').openNow).toBe(false);
    expect(check(hours, '2026-12-06T08:00:00').openNow).toBe(false);
    expect(check(hours, '2026-12-06T08:00:00').today).toEqual({ kind: 'spans', text: ['09:00-18:00'] });
  });

  it('a temporarily closed station is never open, whatever its hours', () => {
    expect(check(spec('24h'), '2026-12-02T12:00:00', 'closed')).toEqual({
      openNow: false,
      today: { kind: 'closed-today' },
    });
  });

  it('temporary hours (e.g. round the clock during a flood) apply while the status says so, within their dates', () => {
    const flood: HoursSpec = {
      ...spec('daily 08:00-20:00'),
      temporary: { hours: ['00:00-24:00'], until: '2026-12-03' },
    };
    expect(check(flood, '2026-12-02T03:00:00', 'temporary').openNow).toBe(true);
    expect(check(flood, '2026-12-02T03:00:00', 'open').openNow).toBe(false);
    expect(check(flood, '2026-12-04T03:00:00', 'temporary').openNow).toBe(false); // past "until"
  });

  it('public holidays close, keep, or change hours', () => {
    const closed = spec('daily 08:00-20:00; holidays closed');
    expect(check(closed, '2026-10-01T12:00:00')).toEqual({ openNow: false, today: { kind: 'closed-today' } });
    expect(check(closed, '2026-10-09T12:00:00').openNow).toBe(true);
    const shorter = spec('daily 08:00-20:00; holidays 10:00-16:00');
    expect(check(shorter, '2026-10-01T09:00:00').openNow).toBe(false);
    expect(check(shorter, '2026-10-01T11:00:00').today).toEqual({ kind: 'spans', text: ['10:00-16:00'] });
    expect(check(spec('daily 08:00-20:00'), '2026-10-01T09:00:00').openNow).toBe(true);
  });

  it('a dated exception beats everything but temporary hours', () => {
    const hours: HoursSpec = { always: true, dates: { '2026-12-02': [] } };
    expect(check(hours, '2026-12-02T12:00:00').openNow).toBe(false);
    expect(check(hours, '2026-12-03T12:00:00').openNow).toBe(true);
  });
});

describe('parsing hours', () => {
  it('reads the compact forms', () => {
    expect(spec('24小时')).toEqual({ always: true });
    expect(spec('周一-周五 08:00-18:00').week).toEqual({
      mon: ['08:00-18:00'],
      tue: ['08:00-18:00'],
      wed: ['08:00-18:00'],
      thu: ['08:00-18:00'],
      fri: ['08:00-18:00'],
    });
    expect((spec('daily 10:00-14:00,17:00-22:00').week as Record<string, string[]>).sun).toEqual([
      '10:00-14:00',
      '17:00-22:00',
    ]);
    expect(spec('{"always":true,"holidays":"closed"}')).toEqual({ always: true, holidays: 'closed' });
    expect(spec('sat-mon 09:00-17:00').week).toEqual({
      sat: ['09:00-17:00'],
      sun: ['09:00-17:00'],
      mon: ['09:00-17:00'],
    });
  });

  it.each([
    ['', /empty/],
    ['8am-8pm', /not a time range/],
    ['funday 08:00-20:00', /cannot read/],
    ['daily 25:00-26:00', /not a time range/],
    ['{"always":"yes"}', /hours/],
    ['{nope', /JSON/],
  ])('rejects %j with a reason', (text, reason) => {
    const parsed = parseHours(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
