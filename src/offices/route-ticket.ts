import { normalizeCode } from '../regions/region-index.js';
import type { Industry, OfficeView, RoutingRuleView } from './office-types.js';

export interface RouteRequest {
  /** Where the work happens: a 6-digit county/city/province code or a 9-digit street code. */
  regionCode: string;
  industry: Industry;
  collective: boolean;
}

export interface RouteDecision {
  office: OfficeView;
  /** rule = an explicit routing rule chose it; region = the area's own federation. */
  via: 'rule' | 'region';
  ruleId: string | null;
  /** The collective case went one level up from the office otherwise chosen. */
  collectiveUp: boolean;
  /** Offices passed over on the way (inactive ones), for the audit trail. */
  skipped: string[];
}

/** The in-memory directory the router reads (rebuilt by the service after every edit). */
export interface Directory {
  offices: Map<string, OfficeView>;
  /** Active regional federations by region code ("000000" = national). */
  regional: Map<string, OfficeView>;
  /** Active rules, most specific first. */
  rules: RoutingRuleView[];
  national: OfficeView;
}

/**
 * Most specific first: a longer region prefix beats a shorter one; at equal prefixes a rule
 * naming the industry beats one for any industry, then one naming collective/individual; the
 * rule's own priority breaks what is left.
 */
export function ruleSpecificity(rule: RoutingRuleView): number {
  return (
    rule.regionPrefix.length * 10_000 +
    (rule.industry ? 1000 : 0) +
    (rule.collective !== null ? 100 : 0) +
    Math.max(-99, Math.min(99, rule.priority))
  );
}

export function sortRules(rules: RoutingRuleView[]): RoutingRuleView[] {
  return [...rules].sort((a, b) => ruleSpecificity(b) - ruleSpecificity(a));
}

/** The region codes from the most specific up: 310115125 → 310115, 310100?, 310000, 000000. */
export function regionPrefixes(regionCode: string): string[] {
  const code = normalizeCode(regionCode).slice(0, 6).padEnd(6, '0');
  const chain = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  return [...new Set(chain)];
}

/**
 * Decide the office for a complaint. An explicit rule wins over the area's federation; with no
 * rule the county federation takes it, falling back upward (city → province → national) past
 * offices that are missing or inactive. With `collectiveUp`, a collective case goes to the
 * parent of the office otherwise chosen, unless a rule was written for collective cases.
 */
export function routeTicket(
  directory: Directory,
  request: RouteRequest,
  collectiveUp: boolean,
): RouteDecision {
  const code = normalizeCode(request.regionCode).slice(0, 6);
  const skipped: string[] = [];
  let decision: RouteDecision | undefined;
  for (const rule of directory.rules) {
    if (!code.startsWith(rule.regionPrefix)) continue;
    if (rule.industry && rule.industry !== request.industry) continue;
    if (rule.collective !== null && rule.collective !== request.collective) continue;
    const office = activeOrAncestor(directory, rule.officeId, skipped);
    if (!office) continue;
    decision = { office, via: 'rule', ruleId: rule.id, collectiveUp: false, skipped };
    break;
  }
  if (!decision) {
    const office =
      regionPrefixes(code)
        .map((prefix) => directory.regional.get(prefix))
        .find((found) => found !== undefined) ?? directory.national;
    decision = { office, via: 'region', ruleId: null, collectiveUp: false, skipped };
  }
  const ruleIsForCollective =
    decision.ruleId !== null && directory.rules.find((r) => r.id === decision.ruleId)?.collective === true;
  if (collectiveUp && request.collective && !ruleIsForCollective && decision.office.parentId) {
    const parent = activeOrAncestor(directory, decision.office.parentId, skipped);
    if (parent) return { ...decision, office: parent, collectiveUp: true };
  }
  return decision;
}

function activeOrAncestor(directory: Directory, officeId: string, skipped: string[]): OfficeView | undefined {
  let current = directory.offices.get(officeId);
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.active) return current;
    skipped.push(current.id);
    current = current.parentId ? directory.offices.get(current.parentId) : undefined;
  }
  return undefined;
}
