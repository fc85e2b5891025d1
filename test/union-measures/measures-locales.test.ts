import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../src/cases/case-service.js';

const read = (locale: string, ns: string) =>
  JSON.parse(fs.readFileSync(`locales/${locale}/${ns}.json`, 'utf8'));

/** Every leaf key of a nested object, dotted. */
function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe('the measures speak zh-CN and en alike', () => {
  it('has every console, intake and ledger string of the measures in both languages', () => {
    const pick = (locale: string) => ({
      console: keys(read(locale, 'console').measures, 'measures').concat(
        ['recovered', 'employment', 'case', 'case-status'].map(
          (e) => `event.${read(locale, 'console').event[e] ? e : ''}`,
        ),
      ),
      intake: keys(read(locale, 'intake').employment, 'employment').concat(
        read(locale, 'intake').field.employment ? ['field.employment'] : [],
      ),
      ledger: keys(read(locale, 'ledger').limit, 'limit'),
      header: read(locale, 'ledger').ticketHeader.split('|').length,
    });
    const zh = pick('zh-CN');
    expect(pick('en')).toEqual(zh);
    expect(zh.console).not.toContain('event.');
    expect(zh.console.length).toBeGreaterThan(40);
  });

  it('names every arbitration-limit question and case status the API can return', () => {
    for (const locale of ['zh-CN', 'en']) {
      const measures = read(locale, 'console').measures;
      expect(Object.keys(measures.ask).sort()).toEqual([
        'employment-ended-on',
        'still-employed',
        'violation-known-on',
      ]);
      expect(Object.keys(measures.caseStatus).sort()).toEqual([...CASE_STATUSES].sort());
    }
  });
});
