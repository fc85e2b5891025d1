import { normalizeCode, type RegionIndex, regionIndex, resolvePlace } from '../../regions/index.js';

/**
 * The division a station's address names. "上海市静安区静安寺街道南京西路" names two streets
 * (静安寺街道 and, by its road, 南京西路街道): the street is unsure but both sit in 静安区, and the
 * district is what a worker searches by. So an unsure address keeps the deepest division every
 * reading shares; only readings in different cities leave it unknown.
 */
export function addressRegion(address: string, index: RegionIndex = regionIndex()): string | undefined {
  const resolved = resolvePlace(address, index);
  if (resolved.ok) return normalizeCode(resolved.region.code);
  if (resolved.reason !== 'ambiguous' || !resolved.candidates.length) return undefined;
  const [first, ...rest] = resolved.candidates;
  const shared = index
    .chain(first!.code)
    .find((ancestor) => rest.every((other) => index.isWithin(other.code, ancestor.code)));
  if (!shared) return undefined;
  // A shared province says too little, unless it is a city itself (上海市).
  if (shared.level === 'province' && !isMunicipality(shared.code)) return undefined;
  return shared.code;
}

/** 北京、天津、上海、重庆: the province is the city. */
function isMunicipality(code: string): boolean {
  return ['110000', '120000', '310000', '500000'].includes(normalizeCode(code));
}
