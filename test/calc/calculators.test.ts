import { describe, expect, it } from 'vitest';
import {
  type AverageWage,
  findAverageWage,
  parseAverageWages,
  SHIPPED_AVERAGE_WAGES,
} from '../../src/calculators/average-wages.js';
import { noContractDoublePay } from '../../src/calculators/no-contract-double-pay.js';
import { overtime } from '../../src/calculators/overtime.js';
import { serviceBetween, serviceOfMonths } from '../../src/calculators/service-length.js';
import { severance } from '../../src/calculators/severance.js';
import { unpaidWages } from '../../src/calculators/unpaid-wages.js';
import { dailyWageFen, hourlyWageFen } from '../../src/calculators/wage-rates.js';

const yuan = (n: number) => n * 100;
const noteKeys = (calc: { notes: { key: string }[] }) => calc.notes.map((note) => note.key);
/** A city average made up for the test, so the shipped table can change without breaking it. */
const TEST_CITY: AverageWage = {
  city: '测试市',
  aliases: ['ceshi'],
  regionCode: '990000',
  year: 2025,
  monthlyFen: yuan(10_000),
  source: 'test',
};

describe('wage rates (21.75 days, 8 hours)', () => {
  it('rounds the daily and hourly wage to the fen, half up', () => {
    expect(dailyWageFen(yuan(6000))).toBe(27_586); // 275.862…
    expect(hourlyWageFen(yuan(6000))).toBe(3448); // 34.482…
    expect(hourlyWageFen(yuan(5220))).toBe(3000);
  });
});

describe('unpaid wages', () => {
  it('adds whole months, the days of a month begun, and takes off what was paid', () => {
    const calc = unpaidWages({ monthlyWageFen: yuan(6000), months: 2, days: 5, paidFen: yuan(1000) });
    expect(calc.figures.map((f) => [f.key, f.fen])).toEqual([
      ['unpaidMonths', 1_200_000],
      ['unpaidDays', 137_930],
      ['alreadyPaid', -100_000],
    ]);
    expect(calc.totalFen).toBe(1_237_930);
    expect(calc.figures[0]?.basis).toEqual({ law: '劳动法', article: 50 });
    expect(calc.figures[1]?.inputs).toMatchObject({ dailyWageFen: 27_586, days: 5 });
  });

  it('never goes below zero when more was paid than due', () => {
    const calc = unpaidWages({ monthlyWageFen: yuan(3000), months: 1, paidFen: yuan(5000) });
    expect(calc.totalFen).toBe(0);
    expect(noteKeys(calc)).toContain('paidMoreThanDue');
  });
});

describe('overtime (劳动法 第四十四条)', () => {
  it('pays 150%, 200% and 300% of the hourly wage', () => {
    const calc = overtime({ monthlyWageFen: yuan(6000), weekdayHours: 20, restDayHours: 8, holidayHours: 8 });
    expect(calc.figures.map((f) => [f.key, f.fen])).toEqual([
      ['overtime150', 103_440],
      ['overtime200', 55_168],
      ['overtime300', 82_752],
    ]);
    expect(calc.totalFen).toBe(241_360);
    expect(calc.figures.every((f) => f.basis.article === 44 && f.inputs.hourlyWageFen === 3448)).toBe(true);
    expect(noteKeys(calc)).toContain('hourlyRule');
  });

  it('takes half hours, leaves out rates with no hours, and subtracts what was paid', () => {
    const calc = overtime({ monthlyWageFen: yuan(5220), weekdayHours: 2.5, paidFen: yuan(50) });
    expect(calc.figures.map((f) => [f.key, f.fen])).toEqual([
      ['overtime150', 11_250],
      ['alreadyPaid', -5000],
    ]);
    expect(calc.totalFen).toBe(6250);
  });
});

describe('double pay without a written contract (劳动合同法 第八十二条)', () => {
  it('counts from the second month', () => {
    const calc = noContractDoublePay({ monthlyWageFen: yuan(5000), monthsWithoutContract: 8 });
    expect(calc.totalFen).toBe(yuan(35_000));
    expect(calc.figures[0]?.inputs.months).toBe(7);
    expect(calc.figures[0]?.basis).toEqual({ law: '劳动合同法', article: 82 });
  });

  it('owes nothing for the first month', () => {
    const calc = noContractDoublePay({ monthlyWageFen: yuan(5000), monthsWithoutContract: 1 });
    expect(calc.totalFen).toBe(0);
    expect(calc.figures).toEqual([]);
    expect(noteKeys(calc)).toEqual(['firstMonthGrace']);
  });

  it('stops at 11 months, and a full year means an open-ended contract', () => {
    const twelve = noContractDoublePay({ monthlyWageFen: yuan(5000), monthsWithoutContract: 12 });
    expect(twelve.totalFen).toBe(yuan(55_000));
    expect(noteKeys(twelve)).toEqual(['openEnded']);
    const twenty = noContractDoublePay({ monthlyWageFen: yuan(5000), monthsWithoutContract: 20 });
    expect(twenty.totalFen).toBe(yuan(55_000));
    expect(noteKeys(twenty)).toEqual(['elevenMonthCap', 'openEnded']);
  });
});

describe('economic compensation (劳动合同法 第四十七条)', () => {
  it('pays a month a year, a month for six months or more of a part-year', () => {
    expect(severance({ monthlyWageFen: yuan(8000), service: serviceOfMonths(42) }).totalFen).toBe(
      yuan(32_000),
    );
  });

  it('pays half a month for less than six months', () => {
    const calc = severance({ monthlyWageFen: yuan(8000), service: serviceOfMonths(40) });
    expect(calc.totalFen).toBe(yuan(28_000));
    expect(calc.figures[0]?.inputs.compensationMonths).toBe(3.5);
    const short = severance({ monthlyWageFen: yuan(8000), service: { years: 0, months: 0, days: 10 } });
    expect(short.totalFen).toBe(yuan(4000));
    expect(noteKeys(short)).toContain('underSixMonths');
    expect(severance({ monthlyWageFen: yuan(8000), service: serviceOfMonths(0) }).totalFen).toBe(0);
  });

  it('caps the wage at three times the local average and the years at twelve', () => {
    const capped = severance({
      monthlyWageFen: yuan(40_000),
      service: serviceOfMonths(15 * 12),
      averageWage: TEST_CITY,
    });
    expect(capped.figures[0]?.key).toBe('severanceCapped');
    expect(capped.figures[0]?.inputs).toMatchObject({ baseFen: yuan(30_000), compensationMonths: 12 });
    expect(capped.totalFen).toBe(yuan(360_000));
    expect(noteKeys(capped)).toEqual(expect.arrayContaining(['capApplied', 'twelveYears', 'averageSource']));
  });

  it('keeps the years beyond twelve when the wage is under the cap', () => {
    const calc = severance({
      monthlyWageFen: yuan(30_000),
      service: serviceOfMonths(15 * 12),
      averageWage: TEST_CITY,
    });
    expect(calc.totalFen).toBe(yuan(450_000));
    expect(noteKeys(calc)).toContain('capNotReached');
    expect(noteKeys(calc)).not.toContain('twelveYears');
  });

  it('caps the wage but not fewer years than twelve', () => {
    const calc = severance({
      monthlyWageFen: yuan(40_000),
      service: serviceOfMonths(10 * 12 + 7),
      averageWage: TEST_CITY,
    });
    expect(calc.totalFen).toBe(yuan(330_000));
  });

  it('says so when the city is not known and the cap could not be checked', () => {
    const calc = severance({ monthlyWageFen: yuan(90_000), service: serviceOfMonths(24) });
    expect(calc.totalFen).toBe(yuan(180_000));
    expect(noteKeys(calc)).toContain('capUnchecked');
  });
});

describe('service length from dates', () => {
  it('counts both the first and the last day', () => {
    expect(serviceBetween('2020-03-01', '2021-02-28')).toEqual({
      ok: true,
      value: { years: 1, months: 0, days: 0 },
    });
    expect(serviceBetween('2023-01-10', '2023-06-09')).toEqual({
      ok: true,
      value: { years: 0, months: 5, days: 0 },
    });
    expect(serviceBetween('2023-01-10', '2023-07-09')).toEqual({
      ok: true,
      value: { years: 0, months: 6, days: 0 },
    });
    expect(serviceBetween('2023-01-10', '2023-01-19')).toEqual({
      ok: true,
      value: { years: 0, months: 0, days: 10 },
    });
  });

  it('refuses an end before the start and dates that do not exist', () => {
    expect(serviceBetween('2023-05-01', '2023-04-01').ok).toBe(false);
    expect(serviceBetween('2023-02-30', '2023-04-01').ok).toBe(false);
  });
});

describe('the average wage table', () => {
  it('finds a city by its name, a short name, pinyin or code', () => {
    expect(findAverageWage(SHIPPED_AVERAGE_WAGES, '上海')?.regionCode).toBe('310000');
    expect(findAverageWage(SHIPPED_AVERAGE_WAGES, 'Shanghai')?.city).toBe('上海市');
    expect(findAverageWage(SHIPPED_AVERAGE_WAGES, '我在北京朝阳')?.city).toBe('北京市');
    expect(findAverageWage(SHIPPED_AVERAGE_WAGES, '拉萨')).toBeUndefined();
  });

  it('refuses an operator table without a year or a source', () => {
    expect(parseAverageWages([{ ...TEST_CITY, year: undefined }]).ok).toBe(false);
    expect(parseAverageWages([{ ...TEST_CITY, source: '' }]).ok).toBe(false);
    expect(parseAverageWages([TEST_CITY]).ok).toBe(true);
    expect(parseAverageWages(SHIPPED_AVERAGE_WAGES).ok).toBe(true);
  });
});
