/** Work types a complaint and an industry union can be about. */
export const INDUSTRIES = [
  'delivery',
  'ride-hailing',
  'courier',
  'construction',
  'factory',
  'retail',
  'domestic',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export function isIndustry(value: unknown): value is Industry {
  return typeof value === 'string' && (INDUSTRIES as readonly string[]).includes(value);
}

export const OFFICE_KINDS = ['national', 'regional', 'industry'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];
export const OFFICE_LEVELS = ['national', 'province', 'city', 'county'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/** The national union hotline, shown wherever an office has no contact of its own loaded. */
export const NATIONAL_HOTLINE = '12351';
/** Code of the area served by the national federation (GB/T 2260 has no code for the country). */
export const NATIONAL_REGION = '000000';
export const NATIONAL_OFFICE_CODE = 'acftu';

/** What the offices service hands out (no Prisma types leak out of the domain). */
export interface OfficeView {
  id: string;
  code: string;
  name: string;
  kind: OfficeKind;
  level: OfficeLevel;
  regionCode: string;
  industry: Industry | null;
  parentId: string | null;
  phone: string | null;
  address: string | null;
  email: string | null;
  hours: string | null;
  contactLoaded: boolean;
  active: boolean;
  /** The phone to show a worker: the office's own, else the national hotline. */
  contactPhone: string;
}

export interface RoutingRuleView {
  id: string;
  regionPrefix: string;
  industry: Industry | null;
  collective: boolean | null;
  officeId: string;
  priority: number;
  note: string | null;
  active: boolean;
}
