/**
 * What a station offers. Keys are stable API values; labels live in locales/<l>/stations.json.
 * At most 32 keys: the index keeps each station's amenities as one bit mask.
 */
export const AMENITIES = [
  'water',
  'microwave',
  'charging',
  'battery-swap',
  'toilet',
  'seating',
  'air-conditioning',
  'first-aid',
  'reading',
  'legal-help',
  'wifi',
  'umbrella',
  'repair-kit',
] as const;
export type Amenity = (typeof AMENITIES)[number];

const BIT = new Map<string, number>(AMENITIES.map((key, i) => [key, 1 << i]));

export function isAmenity(value: string): value is Amenity {
  return BIT.has(value);
}

/** Bit mask of the given amenity keys (unknown keys are ignored: callers validate first). */
export function amenityMask(keys: readonly string[]): number {
  let mask = 0;
  for (const key of keys) mask |= BIT.get(key) ?? 0;
  return mask >>> 0;
}
