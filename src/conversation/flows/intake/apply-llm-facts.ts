import { resolvePlace } from '../../../regions/index.js';
import { parsePeriod } from '../../../tickets/fields/parse-period.js';
import { EVIDENCE_KINDS } from '../../../tickets/ticket-types.js';
import type { IntakeData, SlotName } from './intake-data.js';
import type { LlmFacts } from './llm-extract.js';

const WANT_CODES = ['recover_wages', 'compensation', 'social_insurance', 'arbitration', 'mediation'];

/**
 * Fill only the fields the offline parsers left empty, and only with what the worker's own words
 * support: names of employers, places and periods must appear in the message; a place must
 * resolve to one GB/T 2260 district (an ambiguous one is still asked about).
 */
export function applyLlmFacts(data: IntakeData, facts: LlmFacts, text: string): SlotName[] {
  const changed: SlotName[] = [];
  if (!data.industry && facts.industry) {
    data.industry = facts.industry;
    changed.push('industry');
  }
  if (!data.platform && facts.platform && text.includes(facts.platform)) data.platform = facts.platform;
  if (!data.employer && facts.employer && text.includes(facts.employer)) {
    data.employer = facts.employer;
    changed.push('employer');
  }
  if (!data.regionCode && facts.place && text.includes(facts.place.slice(0, 2))) {
    const place = resolvePlace(facts.place);
    if (place.ok && place.region.level !== 'province') {
      data.regionCode = place.region.code;
      data.placeName = place.region.fullName;
      changed.push('place');
    }
  }
  if (data.amountYuan === undefined && facts.amountYuan) {
    data.amountYuan = Math.round(facts.amountYuan);
    data.amountApprox = false;
    changed.push('amount');
  }
  if (!data.periodText && facts.periodText && text.includes(facts.periodText)) {
    const period = parsePeriod(facts.periodText);
    data.periodText = facts.periodText;
    data.periodMonths = period.ok ? period.value.months : undefined;
    changed.push('period');
  }
  if (data.workerCount === undefined && facts.workerCount) {
    data.workerCount = facts.workerCount;
    data.workerCountApprox = false;
    changed.push('workerCount');
  }
  for (const kind of facts.evidence ?? []) {
    const known = EVIDENCE_KINDS.find((k) => k === kind);
    if (known && !data.evidence.includes(known)) data.evidence.push(known);
  }
  for (const want of facts.wants ?? [])
    if (WANT_CODES.includes(want) && !data.wants.includes(want)) data.wants.push(want);
  return changed;
}
