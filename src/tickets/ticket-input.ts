import Type, { type Static } from 'typebox';
import { parseCreditCode } from '../employers/credit-code.js';
import { parsePastDate } from '../measures/arbitration-limit.js';
import { INDUSTRIES } from '../offices/office-types.js';
import { DomainError } from '../platform/domain-error.js';
import { normalizeCode, regionIndex, resolvePlace } from '../regions/index.js';
import { CONSENT_VERSION } from './consent.js';
import { parseAmount } from './fields/parse-amount.js';
import { parseWorkerCount } from './fields/parse-count.js';
import { parsePeriod } from './fields/parse-period.js';
import { parsePhone } from './fields/parse-phone.js';
import { EVIDENCE_KINDS, type NewTicket, TICKET_TYPES } from './ticket-types.js';

const literals = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.Enum(values));

/** The mini-program's structured form: the same facts the chat intake collects. */
export const TicketFormSchema = Type.Object(
  {
    type: Type.Optional(literals(TICKET_TYPES)),
    claimantName: Type.String({ minLength: 1, maxLength: 40 }),
    phone: Type.String({ minLength: 11, maxLength: 24, description: '138 1234 5678, +86… accepted' }),
    idNumber: Type.Optional(Type.String({ pattern: '^\\d{17}[\\dXx]$' })),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$' })),
    place: Type.Optional(
      Type.String({ minLength: 2, maxLength: 60, description: 'Place name, e.g. 浦东新区' }),
    ),
    industry: literals(INDUSTRIES),
    platform: Type.Optional(Type.String({ maxLength: 40 })),
    employer: Type.String({ minLength: 2, maxLength: 100 }),
    employerCreditCode: Type.Optional(
      Type.String({ minLength: 18, maxLength: 24, description: '统一社会信用代码 (GB 32100-2015)' }),
    ),
    stillEmployed: Type.Optional(
      Type.Boolean({
        description: 'Does the worker still work there? (the arbitration limit depends on it)',
      }),
    ),
    employmentEndedOn: Type.Optional(
      Type.String({ format: 'date', description: 'When the employment ended' }),
    ),
    violationKnownOn: Type.Optional(
      Type.String({ format: 'date', description: 'When the worker knew of the violation' }),
    ),
    amount: Type.Optional(
      Type.Union([
        Type.Integer({ minimum: 1, maximum: 100_000_000 }),
        Type.String({ minLength: 1, maxLength: 30 }),
      ]),
    ),
    period: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    workerCount: Type.Optional(
      Type.Union([
        Type.Integer({ minimum: 1, maximum: 100_000 }),
        Type.String({ minLength: 1, maxLength: 30 }),
      ]),
    ),
    vulnerable: Type.Optional(Type.Boolean()),
    evidence: Type.Optional(Type.Array(literals(EVIDENCE_KINDS), { maxItems: 10 })),
    wants: Type.Optional(Type.String({ maxLength: 500 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    consent: Type.Literal(true, {
      description: 'The worker agreed to share the data with the union office.',
    }),
    consentVersion: Type.String({ minLength: 1 }),
    channel: Type.Optional(
      Type.Union([Type.Literal('miniprogram'), Type.Literal('api'), Type.Literal('web')]),
    ),
    /** The worker's id on the channel: status changes are sent there. */
    channelUserId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
export type TicketForm = Static<typeof TicketFormSchema>;

/**
 * Check and normalise a form with the chat intake's own parsers (a phone with spaces, "三千五",
 * "十几个人", a place name). Every problem is a 400 naming the field.
 */
export function ticketFromForm(form: TicketForm, now: Date, conversationId?: string): NewTicket {
  if (form.consentVersion !== CONSENT_VERSION) {
    throw new DomainError(
      'invalid',
      `consentVersion must be ${CONSENT_VERSION} (the text the worker was shown).`,
    );
  }
  const phone = parsePhone(form.phone);
  if (!phone.ok)
    throw new DomainError('invalid', 'phone must be a mainland mobile number (11 digits starting with 1).');
  const name = form.claimantName.trim();
  if (!name) throw new DomainError('invalid', 'claimantName must not be blank.');
  const regionCode = resolveRegion(form);

  let amountYuan: number | undefined;
  let amountApprox = false;
  if (typeof form.amount === 'number') amountYuan = form.amount;
  else if (typeof form.amount === 'string') {
    const amount = parseAmount(form.amount, { bare: true });
    if (!amount.ok)
      throw new DomainError(
        'invalid',
        `amount "${form.amount}" is not an amount (e.g. 3500, 三千五, 1.2万).`,
      );
    amountYuan = amount.value.yuan;
    amountApprox = amount.value.approx;
  }
  let workerCount: number | undefined;
  let workerCountApprox = false;
  if (typeof form.workerCount === 'number') workerCount = form.workerCount;
  else if (typeof form.workerCount === 'string') {
    const count = parseWorkerCount(form.workerCount, { bare: true });
    if (!count.ok)
      throw new DomainError('invalid', `workerCount "${form.workerCount}" is not a number of workers.`);
    workerCount = count.value.count;
    workerCountApprox = count.value.atLeast;
  }
  const period = form.period ? parsePeriod(form.period) : undefined;
  const facts = employmentFacts(form, now);
  return {
    ...facts,
    type: form.type ?? 'wage_arrears',
    claimantName: name,
    phone: phone.value,
    idNumber: form.idNumber?.toUpperCase(),
    regionCode,
    industry: form.industry,
    platform: form.platform?.trim() || undefined,
    employer: form.employer.trim(),
    amountYuan,
    amountApprox,
    periodText: form.period?.trim() || undefined,
    periodMonths: period?.ok ? period.value.months : undefined,
    workerCount: workerCount ?? 1,
    workerCountApprox,
    vulnerable: form.vulnerable ?? false,
    evidence: [...new Set(form.evidence ?? [])],
    wants: form.wants?.trim() || undefined,
    description: form.description?.trim() || undefined,
    channel: form.channel ?? 'api',
    conversationId,
    locale: form.locale ?? 'zh-CN',
    consentVersion: form.consentVersion,
    consentAt: now,
  };
}

function resolveRegion(form: TicketForm): string {
  if (form.regionCode) {
    const region = regionIndex().get(form.regionCode);
    if (!region) throw new DomainError('invalid', `regionCode ${form.regionCode} is not a GB/T 2260 code.`);
    return normalizeCode(region.code);
  }
  if (!form.place) throw new DomainError('invalid', 'Give regionCode or place (where the work happens).');
  const place = resolvePlace(form.place);
  if (place.ok) return place.region.code;
  if (place.reason === 'ambiguous') {
    const options = place.candidates.map((c) => `${c.fullName} (${c.code})`).join(', ');
    throw new DomainError(
      'invalid',
      `place "${form.place}" is ambiguous: send regionCode, one of ${options}.`,
    );
  }
  throw new DomainError('invalid', `place "${form.place}" is not a known district, city or province.`);
}

/** The facts the arbitration limit turns on, and the employer's credit code: checked, or a 400. */
function employmentFacts(form: TicketForm, now: Date): Partial<NewTicket> {
  const date = (value: string | undefined, field: string) => {
    if (value === undefined) return undefined;
    const parsed = parsePastDate(value, now);
    if (!parsed.ok) throw new DomainError('invalid', `${field}: ${parsed.reason}`);
    return parsed.value;
  };
  const employmentEndedOn = date(form.employmentEndedOn, 'employmentEndedOn');
  if (employmentEndedOn && form.stillEmployed === true) {
    throw new DomainError('invalid', 'stillEmployed is true but employmentEndedOn is given.');
  }
  let employerCreditCode: string | undefined;
  if (form.employerCreditCode) {
    const code = parseCreditCode(form.employerCreditCode);
    if (!code.ok) throw new DomainError('invalid', `employerCreditCode: ${code.reason}`);
    employerCreditCode = code.value;
  }
  return {
    stillEmployed: employmentEndedOn ? false : form.stillEmployed,
    employmentEndedOn,
    violationKnownOn: date(form.violationKnownOn, 'violationKnownOn'),
    employerCreditCode,
  };
}
