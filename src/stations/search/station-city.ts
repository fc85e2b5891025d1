import { type Region, type RegionIndex, regionIndex } from '../../regions/index.js';

/** 北京、天津、上海、重庆 have no city level: the province is the city. */
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

const cache = new Map<string, Region | null>();

/**
 * The city a division lies in (the province for the four municipalities), or undefined when the
 * code names only a province or nothing known. Cached: a search asks once per result.
 */
export function cityOfCode(code: string | null | undefined, index?: RegionIndex): Region | undefined {
  if (!code) return undefined;
  const known = cache.get(code);
  if (known !== undefined) return known ?? undefined;
  const regions = index ?? regionIndex();
  const city =
    regions.atLevel(code, 'city') ??
    regions.chain(code).find((r) => r.level === 'province' && MUNICIPALITIES.has(r.code));
  cache.set(code, city ?? null);
  return city;
}
