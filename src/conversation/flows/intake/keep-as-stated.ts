import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import { regionIndex } from '../../../regions/index.js';
import { type Extraction, FILLER_ONLY } from './extract-slots.js';
import type { IntakeData, SlotName } from './intake-data.js';

/** Answers to one question that did not fill it before the answer is kept as the worker said it. */
export const TRIES_BEFORE_KEEPING = 2;
/** Turns in a row with nothing understood before the worker is offered a person. */
export const FAILED_TURNS_BEFORE_PERSON = 2;

function markUnverified(data: IntakeData, slot: SlotName): void {
  data.unverified = [...new Set([...(data.unverified ?? []), slot])];
}

/** The smallest region holding every candidate ("朝阳区" in 北京 and 长春 → none; two in one city → it). */
function commonRegion(codes: string[]): { code: string; fullName: string } | undefined {
  const index = regionIndex();
  const [first, ...others] = codes;
  if (!first) return undefined;
  const shared = index.chain(first).find((r) => others.every((code) => index.isWithin(code, r.code)));
  return shared && { code: shared.code, fullName: shared.fullName };
}

/**
 * The second answer that still does not fit the question: keep it as said, mark the slot for
 * staff to check, and move on. An answer that was about something else (it filled other
 * slots) leaves the slot for staff to ask, rather than storing unrelated words in it.
 */
export function keepAsStated(
  data: IntakeData,
  slot: SlotName,
  text: string,
  extraction: Extraction,
  cipher: FieldCipher,
): void {
  markUnverified(data, slot);
  const said = text.trim().slice(0, 200);
  const aboutThis = said.length > 0 && !FILLER_ONLY.test(said) && !extraction.changed.length;
  // An answer about something else: the earlier answer to this question is what was said.
  const words = aboutThis ? said : data.heard;
  data.heard = undefined;
  if (slot === 'place') placeAsNearAsKnown(data, extraction);
  if (!words) {
    if (!data.skipped.includes(slot)) data.skipped.push(slot);
    return;
  }
  switch (slot) {
    case 'name':
      data.nameEnc = cipher.encrypt(words);
      return;
    case 'phone':
      data.phoneEnc = cipher.encrypt(words);
      return;
    case 'employer':
      data.employer = words;
      return;
    case 'period':
      data.periodText = words;
      return;
    case 'industry':
      data.industry = 'other';
      data.stated = { ...data.stated, industry: words };
      return;
    default:
      data.stated = { ...data.stated, [slot]: words };
  }
}

/** Route as near as we can: the province named, or what the places offered share. */
function placeAsNearAsKnown(data: IntakeData, extraction: Extraction): void {
  const broad = extraction.broadRegion ?? commonRegion((data.placeCandidates ?? []).map((c) => c.code));
  if (broad && !data.regionCode) {
    data.regionCode = broad.code;
    data.placeName = broad.fullName;
  }
  data.placeCandidates = undefined;
}

/** Whether a slot is settled: given, kept as stated, or known to be unknown. */
export function settled(data: IntakeData, slot: SlotName): boolean {
  return data.skipped.includes(slot) || (data.unverified ?? []).includes(slot);
}
