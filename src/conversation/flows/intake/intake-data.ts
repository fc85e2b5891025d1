import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { INDUSTRIES } from '../../../offices/office-types.js';
import { EVIDENCE_KINDS, TICKET_TYPES } from '../../../tickets/ticket-types.js';

export const SLOT_NAMES = [
  'industry',
  'place',
  'employer',
  'amount',
  'period',
  'workerCount',
  'name',
  'phone',
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];
export const INTAKE_STEPS = ['collect', 'choose-place', 'confirm', 'consent'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

const literals = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.Enum(values));

/**
 * What the intake has gathered, kept in the conversation's state (stored as JSON every turn, so a
 * restart resumes). Name, phone and the worker's own words are stored only encrypted (…Enc).
 */
export const IntakeDataSchema = Type.Object({
  v: Type.Literal(1),
  step: literals(INTAKE_STEPS),
  pending: Type.Optional(literals(SLOT_NAMES)),
  type: literals(TICKET_TYPES),
  industry: Type.Optional(literals(INDUSTRIES)),
  platform: Type.Optional(Type.String()),
  employer: Type.Optional(Type.String()),
  regionCode: Type.Optional(Type.String()),
  placeName: Type.Optional(Type.String()),
  /** The place is a city given in passing: its district is asked once (the answer is kept). */
  placeBroad: Type.Optional(Type.Boolean()),
  placeCandidates: Type.Optional(Type.Array(Type.Object({ code: Type.String(), fullName: Type.String() }))),
  amountYuan: Type.Optional(Type.Integer({ minimum: 0 })),
  amountApprox: Type.Optional(Type.Boolean()),
  periodText: Type.Optional(Type.String()),
  periodMonths: Type.Optional(Type.Integer({ minimum: 0 })),
  workerCount: Type.Optional(Type.Integer({ minimum: 1 })),
  workerCountApprox: Type.Optional(Type.Boolean()),
  groupMentioned: Type.Optional(Type.Boolean()),
  evidence: Type.Array(literals(EVIDENCE_KINDS)),
  evidenceNone: Type.Optional(Type.Boolean()),
  wants: Type.Array(Type.String()),
  vulnerable: Type.Optional(Type.Boolean()),
  /** Said in passing ("已经离职了", "还在干"): the arbitration limit turns on it. Not asked. */
  stillEmployed: Type.Optional(Type.Boolean()),
  employmentEndedOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  /** The day of a dismissal the calculator was told: a non-pay limit runs from it. */
  violationKnownOn: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  nameEnc: Type.Optional(Type.String()),
  phoneEnc: Type.Optional(Type.String()),
  idEnc: Type.Optional(Type.String()),
  descriptionEnc: Type.Optional(Type.String()),
  /** Slots the worker said they do not know; not asked again. */
  skipped: Type.Array(literals(SLOT_NAMES)),
  attachments: Type.Integer({ minimum: 0 }),
  /**
   * The worker's own words for a slot, when they say more than the parsed value holds (a job
   * outside the list: "月嫂", "仓库分拣") or when no parser could read them. Name and phone are
   * never kept here (they go encrypted to nameEnc/phoneEnc).
   */
  stated: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 200 }))),
  /** Slots kept as stated after one clarifying question: staff check them (shown on the ticket). */
  unverified: Type.Optional(Type.Array(literals(SLOT_NAMES))),
  /** The last answer to the pending question that did not fill it (kept as said if no better comes). */
  heard: Type.Optional(Type.String({ maxLength: 200 })),
  /** Answers to the pending question that did not fill it (one clarifying question, then kept). */
  tries: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Turns in a row in which nothing was understood (two, and a person is offered). */
  failedTurns: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type IntakeData = Static<typeof IntakeDataSchema>;

export function newIntakeData(): IntakeData {
  return {
    v: 1,
    step: 'collect',
    type: 'wage_arrears',
    evidence: [],
    wants: [],
    skipped: [],
    attachments: 0,
  };
}

/** Parse the flow data saved last turn; a row that does not fit is reported, not half-used. */
export function parseIntakeData(
  raw: unknown,
): { ok: true; value: IntakeData } | { ok: false; reason: string } {
  if (Value.Check(IntakeDataSchema, raw)) return { ok: true, value: raw };
  const first = [...Value.Errors(IntakeDataSchema, raw)][0];
  return { ok: false, reason: `intake data invalid at ${first?.instancePath || '/'}: ${first?.message}` };
}
