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
import { looksLikeJob, parseIndustryChoice, parseWork } from '../../../tickets/fields/parse-work.js';
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
  /** The province, when only one was named (kept for routing if the worker can say no more). */
  broadRegion?: { code: string; fullName: string };
}

export interface ExtractOptions {
  /** The turn's time: open periods ("从国庆节到现在") are counted up to it. */
  now?: Date;
}

/** An 18-digit resident ID number, when the worker gives one. */
const RESIDENT_ID = /(?<!\d)\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/;

export const DONT_KNOW =
  /^(?:我?(?:也)?(?:不知道|不清楚|不晓得|不记得|记不清|忘了|没有|不确定|说不清|不知|不懂)(?:了|啊|呀|哦)?|i? ?(?:idk|don'?t know|do not know|not sure|no idea|dunno|can'?t remember))[\s。.!！~～]*$/i;

/**
 * Read every fact a message holds and merge it into the intake: a value given again replaces the
 * old one ("不对，是4500"). `pending` is the question just asked, so a bare answer ("李强",
 * "4500", "5个") is read as that field.
 */
/** Sounds and fillers only ("嗯嗯那个", "umm"): no answer to anything. */
export const FILLER_ONLY =
  /^(?:嗯|恩|呃|额|啊|哦|噢|喔|唉|诶|那个|这个|就是|然后|emm*|umm*|uh+|hmm*|er+|well|[\s,，.。!！?？~～…、])+$/i;

export function extractSlots(
  text: string,
  current: IntakeData,
  cipher: FieldCipher,
  options: ExtractOptions = {},
): Extraction {
  // Arrays copied: the caller compares the new data with the old (skipped just now? asked again?).
  const data: IntakeData = {
    ...current,
    evidence: [...current.evidence],
    wants: [...current.wants],
    skipped: [...current.skipped],
  };
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

  const fillerOnly = FILLER_ONLY.test(rest.trim());
  // At the summary, a name alone ("张三") corrects a name kept as said, marked for staff to check.
  const nameAlone = current.step === 'confirm' && (current.unverified ?? []).includes('name');
  const name = parseName(rest, { bare: (pending === 'name' || nameAlone) && !fillerOnly });
  if (name.ok) {
    data.nameEnc = cipher.encrypt(name.value);
    changed.push('name');
  }
  // The name is not a place ("李强" is no district, but some names are).
  const placeText = name.ok ? rest.replace(name.value, ' ') : rest;

  const work =
    pending === 'industry' ? { industry: parseIndustryChoice(rest), ...parseWork(rest) } : parseWork(rest);
  // An unlisted job asked for ("保安", "月嫂"): the nearest industry, or other, and the words kept.
  const job =
    pending === 'industry' && !fillerOnly && looksLikeJob(rest) ? rest.trim().slice(0, 40) : undefined;
  if (job && !work.industry) work.industry = 'other';
  if (job) data.stated = { ...data.stated, industry: job };
  if (work.industry && (work.industry !== data.industry || job)) {
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
  const index = regionIndex();
  const widens =
    place.ok && data.regionCode !== undefined && index.isWithin(data.regionCode, place.region.code);
  // A street's short name alone ("古北", "珠江") may be a town anywhere or an area's everyday
  // name: inside the district (or city) already given it is taken, elsewhere ignored, and with
  // nothing given the worker is asked whether that is the place.
  const loneStreet =
    place.ok &&
    place.region.level === 'street' &&
    place.matched.length === 1 &&
    place.matched[0] !== place.region.name;
  const given = data.regionCode
    ? (
        index.atLevel(data.regionCode, 'county') ??
        index.atLevel(data.regionCode, 'city') ??
        index.atLevel(data.regionCode, 'province')
      )?.code
    : undefined;
  if (place.ok && widens) {
    placeWords = place.matched;
  } else if (loneStreet && given && !index.isWithin(place.region.code, given)) {
    // Not a place here: the words stay part of whatever else they say ("珠江那边的站点").
  } else if (loneStreet && !given && place.ok) {
    placeWords = place.matched;
    result.ambiguousPlace = {
      name: place.matched[0]!,
      candidates: [{ code: place.region.code, fullName: place.region.fullName }],
    };
  } else if (place.ok && place.region.level !== 'province') {
    placeWords = place.matched;
    data.regionCode = place.region.code;
    data.placeName = place.region.fullName;
    data.placeCandidates = undefined;
    // A city said in passing ("在深圳跑滴滴"): the district is asked once, to reach its union.
    data.placeBroad = place.region.level === 'city' && pending !== 'place' ? true : undefined;
    // A place named for sure now settles one kept as said before.
    data.unverified = data.unverified?.filter((slot) => slot !== 'place');
    data.skipped = data.skipped.filter((slot) => slot !== 'place');
    changed.push('place');
  } else if (place.ok) {
    result.provinceOnly = true;
    result.broadRegion = { code: place.region.code, fullName: place.region.fullName };
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
  const period = parsePeriod(rest, { now: options.now });
  const count = parseWorkerCount(rest, { bare: pending === 'workerCount' });
  const evidence = parseEvidence(rest);
  const otherSlot = amount.ok || period.ok || count.ok || evidence.kinds.length > 0 || evidence.none;
  const employer = parseEmployer(placeText, placeWords, {
    bare: pending === 'employer' && !DONT_KNOW.test(rest.trim()) && !otherSlot && !fillerOnly,
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
  const employment = parseEmployment(rest, options.now ?? new Date());
  if (employment.ok) {
    data.stillEmployed = employment.value.stillEmployed;
    data.employmentEndedOn =
      employment.value.endedOn ?? (employment.value.stillEmployed ? undefined : data.employmentEndedOn);
  }

  // A value read for sure now settles one kept as said before ("名字是李建国" at the summary).
  if (changed.length && data.unverified?.length) {
    data.unverified = data.unverified.filter((slot) => !changed.includes(slot));
    if (!data.unverified.length) data.unverified = undefined;
  }
  if (pending && !changed.includes(pending)) {
    if (DONT_KNOW.test(rest.trim()) && !['place', 'name', 'phone'].includes(pending)) {
      // Not known is an answer, not asked again; without a place, name or phone the case
      // cannot reach anyone, so those are asked once more before they are left to staff.
      if (!data.skipped.includes(pending)) data.skipped.push(pending);
      if (pending === 'industry') data.industry = 'other';
    } else if (!(pending === 'place' && result.ambiguousPlace)) {
      result.unreadable = pending;
    }
  }
  return result;
}
