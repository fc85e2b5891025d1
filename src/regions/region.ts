export type RegionLevel = 'province' | 'city' | 'county' | 'street';

/** A GB/T 2260 administrative division (streets use the 9-digit township codes). */
export interface Region {
  /** 6 digits for province/city/county (310000, 310100, 310115); 9 for streets (310115125). */
  code: string;
  name: string;
  level: RegionLevel;
  parentCode?: string;
  /** Name with its ancestors, skipping placeholders: 上海市浦东新区, 广东省深圳市南山区. */
  fullName: string;
}

export const LEVEL_RANK: Record<RegionLevel, number> = { province: 1, city: 2, county: 3, street: 4 };
