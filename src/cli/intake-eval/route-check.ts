import { regionIndex } from '../../regions/index.js';
import type { Persona } from './persona.js';

export interface RouteCheck {
  /** The ticket's region as a full name (上海市浦东新区张江镇), or '' when it had none. */
  region: string;
  /** The expected district (or, without one, city) was on the ticket's region chain. */
  placeOk: boolean;
  /** undefined when the persona expects no industry. */
  industryOk?: boolean;
  /** The ticket's industry, and the expected one. */
  industry: string;
  expectedIndustry?: string;
}

/**
 * Whether a ticket went where the persona's case belongs: the expected district (else city)
 * is the ticket's region or contains it. Municipalities have no city level in GB/T 2260's
 * chain here, so an expected city "上海市" is matched against the province.
 */
export function checkRoute(regionCode: string, industry: string, expect: Persona['expect']): RouteCheck {
  const chain = regionCode ? regionIndex().chain(regionCode) : [];
  const names = new Set(chain.map((r) => r.name));
  const region = chain[0]?.fullName ?? '';
  let placeOk: boolean;
  if (expect.district) {
    const cityOk = !expect.city || names.has(expect.city);
    placeOk = names.has(expect.district) && cityOk;
  } else if (expect.city) {
    placeOk = names.has(expect.city);
  } else {
    placeOk = expect.province ? names.has(expect.province) : chain.length > 0;
  }
  return {
    region,
    placeOk,
    industry,
    ...(expect.industry
      ? { industryOk: expect.industry === industry, expectedIndustry: expect.industry }
      : {}),
  };
}
