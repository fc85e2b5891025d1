import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import { regionIndex, resolvePlace } from '../../../regions/index.js';
import { parseAmount } from '../../../tickets/fields/parse-amount.js';
import { parseWorkerCount } from '../../../tickets/fields/parse-count.js';
import {
  mentionsGroup,
  parseEvidence,
  parseVulnerable,
  parseWants,
} from '../../../tickets/fields/parse-details.js';
import { parseEmployer } from '../../../tickets/fields/parse-employer.js';
import { parseEmployment } from '../../../tickets/fields/parse-employment.js';
import { parseName } from '../../../tickets/fields/parse-name.js';
import { parsePeriod } from '../../../tickets/fields/parse-period.js';
import { parsePhone, withoutPhone } from '../../../tickets/fields/parse-phone.js';
import { parseIndustryChoice, parseWork } from '../../../tickets/fields/parse-work.js';
import type { IntakeData, SlotName } from './intake-data.js';

export interface Extraction {
  data: IntakeData;
  /** Slots this message set or changed. */
  changed: SlotName[];
  /** A place name that exists in several regions: ask which. */
  ambiguousPlace?: { name: string; candidates: { code: string; fullName: string }[] };
  /** The worker answered the pending question with something we could not read. */
  unreadable?: SlotName;
  /** A phone-like number that is not a mainland mobile. */
  badPhone?: boolean;
  /** Only a province was named: too coarse to route. */
  provinceOnly?: boolean;
}

/** An 18-digit resident ID number, when the worker gives one. */
const RESIDENT_ID = /(?<!\d)\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/;

const DONT_KNOW =
  /^(?:不知道|不清楚|不晓得|不记得|忘了|没有|不确定|说不清|不知|idk|don'?t know|not sure)[\s。.!！]*$/i;

/**
 * Read every fact a message holds and merge it into the intake: a value given again replaces the
 * old one ("不对，是4500"). `pending` is the question just asked, so a bare answer ("李强",
 * "4500", "5个") is read as that field.
 */
export function extractSlots(
  text: string,
  current: IntakeData,
  cipher: FieldCipher,
  now: Date = new Date(),
): Extraction {
  const data: IntakeData = { ...current, evidence: [...current.evidence], wants: [...current.wants] };
  const changed: SlotName[] = [];
  const pending = current.step === 'collect' ? current.pending : undefined;
  const result: Extraction = { data, changed };
  if (!text) return result;

  const phone = parsePhone(text);
  if (phone.ok) {
    data.phoneEnc = cipher.encrypt(phone.value);
    changed.push('phone');
  } else if (pending === 'phone' && phone.reason === 'not a mainland mobile number') {
    result.badPhone = true;
  }
  const id = RESIDENT_ID.exec(text);
  if (id) data.idEnc = cipher.encrypt(id[0].toUpperCase());
  const rest = withoutPhone(id ? text.replace(id[0], ' ') : text);

  const name = parseName(rest, { bare: pending === 'name' });
  if (name.ok) {
    data.nameEnc = cipher.encrypt(name.value);
    changed.push('name');
  }
  // The name is not a place ("李强" is no district, but some names are).
  const placeText = name.ok ? rest.replace(name.value, ' ') : rest;

  const work =
    pending === 'industry' ? { industry: parseIndustryChoice(rest), ...parseWork(rest) } : parseWork(rest);
  if (work.industry && work.industry !== data.industry) {
    data.industry = work.industry;
    changed.push('industry');
  }
  if (work.platform) data.platform = work.platform;

  // Outside the answer to "where?", romanized words must be marked as a place: "Li Ming" is a name.
  const place = resolvePlace(placeText, undefined, {
    ...(data.regionCode ? { near: data.regionCode } : {}),
    cueRequired: pending !== 'place',
  });
  let placeWords: string[] = [];
  // A province alone is too coarse to route: the worker is asked for the district.
  // A place that only repeats a wider area of the one we have ("顺丰速运苏州分公司" after
  // 苏州工业园区) is not a correction.
  const widens =
    place.ok && data.regionCode !== undefined && regionIndex().isWithin(data.regionCode, place.region.code);
  if (place.ok && widens) {
    placeWords = place.matched;
  } else if (place.ok && place.region.level !== 'province') {
    placeWords = place.matched;
    data.regionCode = place.region.code;
    data.placeName = place.region.fullName;
    data.placeCandidates = undefined;
    changed.push('place');
  } else if (place.ok) {
    result.provinceOnly = true;
  } else if (place.reason === 'ambiguous') {
    placeWords = place.matched;
    result.ambiguousPlace = {
      name: place.matched.join(''),
      candidates: place.candidates.slice(0, 6).map((r) => ({ code: r.code, fullName: r.fullName })),
    };
  }

  // Parsed before the employer: an answer that is plainly another slot ("就我一个人", "三千",
  // "3月到5月", "有合同") is that slot, not the name of whoever owes the wages.
  const amount = parseAmount(rest, { bare: pending === 'amount' });
  const period = parsePeriod(rest);
  const count = parseWorkerCount(rest, { bare: pending === 'workerCount' });
  const evidence = parseEvidence(rest);
  const otherSlot = amount.ok || period.ok || count.ok || evidence.kinds.length > 0 || evidence.none;
  const employer = parseEmployer(placeText, placeWords, {
    bare: pending === 'employer' && !DONT_KNOW.test(rest.trim()) && !otherSlot,
  });
  if (employer.ok && employer.value !== data.employer) {
    data.employer = employer.value;
    changed.push('employer');
  }

  if (amount.ok) {
    data.amountYuan = amount.value.yuan;
    data.amountApprox = amount.value.approx;
    changed.push('amount');
  }
  if (period.ok) {
    data.periodText = period.value.text;
    data.periodMonths = period.value.months;
    changed.push('period');
  }
  if (count.ok) {
    data.workerCount = count.value.count;
    data.workerCountApprox = count.value.atLeast;
    changed.push('workerCount');
  }
  if (mentionsGroup(rest)) data.groupMentioned = true;

  for (const kind of evidence.kinds) if (!data.evidence.includes(kind)) data.evidence.push(kind);
  if (evidence.none && !data.evidence.length) data.evidenceNone = true;
  for (const want of parseWants(rest)) if (!data.wants.includes(want)) data.wants.push(want);
  if (parseVulnerable(rest)) data.vulnerable = true;
  const employment = parseEmployment(rest, now);
  if (employment.ok) {
    data.stillEmployed = employment.value.stillEmployed;
    data.employmentEndedOn =
      employment.value.endedOn ?? (employment.value.stillEmployed ? undefined : data.employmentEndedOn);
  }

  if (pending && !changed.includes(pending)) {
    if (
      DONT_KNOW.test(rest.trim()) &&
      (pending === 'employer' || pending === 'period' || pending === 'amount')
    ) {
      if (!data.skipped.includes(pending)) data.skipped.push(pending);
    } else if (!(pending === 'place' && result.ambiguousPlace)) {
      result.unreadable = pending;
    }
  }
  return result;
}
