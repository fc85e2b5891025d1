import { resolvePlace } from '../../../regions/index.js';
import { parsePeriod } from '../../../tickets/fields/parse-period.js';
import type { MessageFacts } from '../../understanding/llm-understand.js';
import type { IntakeData, SlotName } from './intake-data.js';

/**
 * Fill only the fields the offline parsers left empty with the facts the understanding's one
 * LLM call read in the message (understand.ts), and only with what the worker's own words
 * support: names of employers, places, periods and jobs must appear in the message; a place must
 * resolve to one GB/T 2260 district (an ambiguous one is still asked about).
 */
export function applyLlmFacts(data: IntakeData, facts: MessageFacts, text: string): SlotName[] {
  const changed: SlotName[] = [];
  if (!data.industry && facts.industry) {
    data.industry = facts.industry;
    // A job the list does not name ("月嫂") is kept in the worker's words, as offline.
    if (facts.industry === 'other' && facts.job && text.includes(facts.job))
      data.stated = { ...data.stated, industry: facts.job };
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
  return changed;
}
