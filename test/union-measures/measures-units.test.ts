import { describe, expect, it } from 'vitest';
import { parseCreditCode } from '../../src/employers/credit-code.js';
import { arbitrationLimit, oneYearFrom, parsePastDate } from '../../src/measures/arbitration-limit.js';
import { fenToYuanText, parseRecoveredYuan } from '../../src/measures/recovered-amount.js';
import { employerKey, employerKeyParts, sameEmployer } from '../../src/tickets/employer-key.js';

describe('employer names as one key', () => {
  it('merges width, spaces, brackets, company suffixes and city prefixes', () => {
    const key = employerKey('上海速达配送有限公司');
    for (const variant of [
      '上海速达配送（浦东）有限公司 ',
      '速达配送(上海)有限责任公司',
      '上海 速达配送公司',
      '上海市速达配送有限公司',
      '速达配送【上海】公司',
    ]) {
      expect(employerKey(variant), variant).toBe(key);
    }
    expect(employerKeyParts('上海速达配送（浦东）有限公司')).toEqual({ bare: '速达配送', place: '310000' });
    // No place named: the same trade name may be the 上海 company (the registry decides).
    expect(sameEmployer('速达配送股份有限公司', '上海速达配送有限公司')).toBe(true);
    expect(employerKey('ＳＵＤＡ　Express')).toBe(employerKey('suda express'));
    expect(employerKey('广东省深圳市某某餐饮管理有限公司')).toBe(employerKey('深圳某某餐饮管理公司'));
  });

  it('keeps the same trade name in two cities apart, and fits a province to its cities', () => {
    expect(employerKey('北京速达配送有限公司')).not.toBe(employerKey('上海速达配送有限公司'));
    expect(sameEmployer('北京速达配送有限公司', '速达配送（上海）有限公司')).toBe(false);
    expect(sameEmployer('广东速达配送有限公司', '深圳市速达配送有限公司')).toBe(true);
    expect(sameEmployer('广东速达配送有限公司', '杭州速达配送有限公司')).toBe(false);
    // 朝阳 is a district of 北京 and a city of 辽宁: it places nothing.
    expect(employerKeyParts('速达配送(朝阳)有限公司').place).toBe('');
  });

  it('keeps different companies apart and never reduces a name to nothing', () => {
    expect(employerKey('上海速达配送有限公司')).not.toBe(employerKey('上海速达物流有限公司'));
    expect(employerKey('上海公司')).toBe(':上海');
    expect(employerKey('')).toBe('');
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts the standard’s example and forgives spaces and case', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('refuses a wrong check character, a letter outside the set, a wrong length', () => {
    expect(parseCreditCode('91350100M000100Y44').ok).toBe(false);
    expect(parseCreditCode('91350100M000100I43').ok).toBe(false);
    expect(parseCreditCode('91350100M000100Y4').ok).toBe(false);
  });
});

describe('amount recovered', () => {
  it('reads yuan as decimal text into integer fen, 0 allowed', () => {
    expect(parseRecoveredYuan('3500')).toEqual({ ok: true, value: 350_000 });
    expect(parseRecoveredYuan('3,500.5')).toEqual({ ok: true, value: 350_050 });
    expect(parseRecoveredYuan('￥0.29')).toEqual({ ok: true, value: 29 });
    expect(parseRecoveredYuan(0)).toEqual({ ok: true, value: 0 });
    expect(fenToYuanText(350_050)).toBe('3500.50');
  });

  it('refuses negatives, three decimals, words and absurd sums', () => {
    for (const bad of ['-1', '1.234', '三千', '', '200000000'])
      expect(parseRecoveredYuan(bad).ok, bad).toBe(false);
  });
});

describe('arbitration limit (劳动争议调解仲裁法 第二十七条)', () => {
  const now = new Date('2026-12-03T04:00:00Z');
  const wage = { type: 'wage_arrears' as const, employmentEndedOn: null, violationKnownOn: null };

  it('has no limit for unpaid wages while the worker is still employed', () => {
    expect(arbitrationLimit({ ...wage, stillEmployed: true }, now)).toEqual({ kind: 'none-while-employed' });
  });

  it('runs one year from the end of employment, warning at 60 and 30 days', () => {
    const ended = (day: string) =>
      arbitrationLimit({ ...wage, stillEmployed: false, employmentEndedOn: day }, now);
    expect(ended('2026-03-01')).toMatchObject({ kind: 'date', lastDay: '2027-03-01', warning: 'none' });
    expect(ended('2026-01-31')).toMatchObject({ lastDay: '2027-01-31', daysLeft: 59, warning: '60' });
    expect(ended('2025-12-20')).toMatchObject({ lastDay: '2026-12-20', daysLeft: 17, warning: '30' });
    expect(ended('2025-11-30')).toMatchObject({ lastDay: '2026-11-30', warning: 'passed' });
  });

  it('says what to ask when the facts are not known', () => {
    expect(arbitrationLimit({ ...wage, stillEmployed: null }, now)).toEqual({
      kind: 'unknown',
      ask: 'still-employed',
    });
    expect(arbitrationLimit({ ...wage, stillEmployed: false }, now)).toEqual({
      kind: 'unknown',
      ask: 'employment-ended-on',
    });
    expect(arbitrationLimit({ ...wage, type: 'dismissal', stillEmployed: true }, now)).toEqual({
      kind: 'unknown',
      ask: 'violation-known-on',
    });
  });

  it('counts other disputes from when the worker knew, even while employed', () => {
    expect(
      arbitrationLimit({ ...wage, type: 'injury', stillEmployed: true, violationKnownOn: '2026-02-10' }, now),
    ).toMatchObject({ kind: 'date', lastDay: '2027-02-10', runsFrom: 'violation-known' });
  });

  it('ends a year from 29 February on 28 February, and refuses future or unreal dates', () => {
    expect(oneYearFrom('2024-02-29')).toBe('2025-02-28');
    expect(parsePastDate('2026-02-30', now).ok).toBe(false);
    expect(parsePastDate('2026-12-04', now).ok).toBe(false);
    expect(parsePastDate('2026-12-03', now)).toEqual({ ok: true, value: '2026-12-03' });
  });
});
