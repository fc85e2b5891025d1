import { fail, ok, type Result } from '../platform/result.js';
import { regionalOfficeCode } from './office-seed.js';
import type { OfficeView } from './office-types.js';

/**
 * An office as a person names it on the command line: its id or code (`acftu`,
 * `region-310104`), a GB/T 2260 code (`310104` → that area's federation), or its name
 * (`上海市徐汇区总工会`, or a unique part of one such as `徐汇区总工会`).
 */
export function findOffice(offices: Iterable<OfficeView>, text: string): Result<OfficeView> {
  const wanted = text.trim();
  const all = [...offices];
  const code = /^\d{6}$/.test(wanted) ? regionalOfficeCode(wanted) : wanted;
  const exact = all.find((o) => o.id === code || o.code === code || o.name === wanted);
  if (exact) return ok(exact);
  const named = all.filter((o) => wanted.length >= 2 && o.name.includes(wanted));
  if (named.length === 1 && named[0]) return ok(named[0]);
  if (named.length > 1) {
    const some = named
      .slice(0, 8)
      .map((o) => `${o.name} (${o.regionCode})`)
      .join(', ');
    return fail(
      `"${wanted}" names ${named.length} offices: ${some}${named.length > 8 ? ', …' : ''}. Give the region code.`,
    );
  }
  return fail(`No union office "${wanted}": give a region code such as 310104, an office code or a name.`);
}
