import type { UnionOffice } from '../platform/db/db-types.js';
import { DomainError } from '../platform/domain-error.js';
import { normalizeCode } from '../regions/region-index.js';
import {
  type Industry,
  isIndustry,
  NATIONAL_HOTLINE,
  type OfficeKind,
  type OfficeLevel,
  type OfficeView,
  type RoutingRuleView,
} from './office-types.js';

// The office directory's inputs and views: what callers send, what they get back, and the
// checks an input must pass before it is stored.

export interface OfficeInput {
  code: string;
  name: string;
  kind?: OfficeKind;
  level: OfficeLevel;
  regionCode: string;
  industry?: Industry | null;
  parentId?: string | null;
  phone?: string | null;
  address?: string | null;
  email?: string | null;
  hours?: string | null;
  active?: boolean;
}

export interface RuleInput {
  regionPrefix: string;
  industry?: Industry | null;
  collective?: boolean | null;
  officeId: string;
  priority?: number;
  note?: string | null;
  active?: boolean;
}

export interface OfficeListFilter {
  regionCode?: string;
  kind?: OfficeKind;
  level?: OfficeLevel;
  parentId?: string;
  industry?: Industry;
  q?: string;
  ids?: string[];
  limit?: number;
  offset?: number;
}

export function toOfficeView(row: UnionOffice): OfficeView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as OfficeKind,
    level: row.level as OfficeLevel,
    regionCode: row.regionCode,
    industry: isIndustry(row.industry) ? row.industry : null,
    parentId: row.parentId,
    phone: row.phone,
    address: row.address,
    email: row.email,
    hours: row.hours,
    contactLoaded: row.contactLoaded,
    active: row.active,
    contactPhone: row.contactLoaded && row.phone ? row.phone : NATIONAL_HOTLINE,
  };
}

/**
 * The union office directory and routing table. Reads for routing come from an in-memory copy
 * (a few thousand offices) rebuilt after every edit made through this service, so a routing
 * decision costs microseconds and never a query.
 */

export function checkOfficeInput(input: Partial<OfficeInput>) {
  if (input.regionCode !== undefined && !/^\d{6}$/.test(normalizeCode(input.regionCode))) {
    throw new DomainError('invalid', 'regionCode must be a 6-digit GB/T 2260 code.');
  }
  if (input.industry != null && !isIndustry(input.industry)) {
    throw new DomainError('invalid', `Unknown industry ${input.industry}.`);
  }
}

export function checkRule(input: Partial<RuleInput>) {
  if (input.regionPrefix !== undefined && !/^(?:\d{2}){0,3}$/.test(input.regionPrefix)) {
    throw new DomainError('invalid', 'regionPrefix must be "", or 2, 4 or 6 digits of a GB/T 2260 code.');
  }
  if (input.industry != null && !isIndustry(input.industry)) {
    throw new DomainError('invalid', `Unknown industry ${input.industry}.`);
  }
}

export function toRuleView(row: {
  id: string;
  regionPrefix: string;
  industry: string | null;
  collective: boolean | null;
  officeId: string;
  priority: number;
  note: string | null;
  active: boolean;
}): RoutingRuleView {
  return { ...row, industry: isIndustry(row.industry) ? row.industry : null };
}
