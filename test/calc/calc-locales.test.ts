import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (locale: string, ns: string) =>
  JSON.parse(fs.readFileSync(`locales/${locale}/${ns}.json`, 'utf8'));

/** Every leaf key, dotted; English plural forms (_one, _other) count as the one key Chinese has. */
function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix.replace(/_(?:one|other)$/, '')];
  return [
    ...new Set(
      Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key)),
    ),
  ];
}

describe('the calculator and the deadlines speak zh-CN and en alike', () => {
  it.each(['calc', 'deadlines'])('has every %s string in both languages', (ns) => {
    expect(keys(read('en', ns)).sort()).toEqual(keys(read('zh-CN', ns)).sort());
  });
});
