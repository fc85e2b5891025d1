export type { Region, RegionLevel } from './region.js';
export { normalizeCode, RegionIndex, regionIndex } from './region-index.js';
export { type PlaceResolution, resolvePlace, shortName } from './resolve-place.js';
