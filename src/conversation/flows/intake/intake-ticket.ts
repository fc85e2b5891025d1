import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import { CONSENT_VERSION } from '../../../tickets/consent.js';
import type { NewTicket } from '../../../tickets/ticket-types.js';
import type { FlowContext } from '../../flow.js';
import type { IntakeData } from './intake-data.js';

/**
 * For the staff who take the case: what the worker said in their own words where the intake
 * kept it as said, and which fields to check with them. Put at the top of the description,
 * which staff read first.
 */
export function staffNote(ctx: FlowContext, data: IntakeData, cipher: FieldCipher): string | undefined {
  const lines: string[] = [];
  for (const [slot, words] of Object.entries(data.stated ?? {})) {
    lines.push(`${ctx.t(`intake:slot.${slot}`)}：${words}`);
  }
  const toCheck = (data.unverified ?? []).map((slot) => ctx.t(`intake:slot.${slot}`));
  const skipped = data.skipped.map((slot) => ctx.t(`intake:slot.${slot}`));
  if (toCheck.length) lines.push(ctx.t('intake:staffNote.check', { fields: toCheck.join('、') }));
  if (skipped.length) lines.push(ctx.t('intake:staffNote.unknown', { fields: skipped.join('、') }));
  if (data.unverified?.includes('phone') && data.phoneEnc)
    lines.push(ctx.t('intake:staffNote.phoneAsSaid', { phone: cipher.decrypt(data.phoneEnc) }));
  return lines.length ? `${ctx.t('intake:staffNote.title')}\n${lines.join('\n')}` : undefined;
}

/** The ticket as the ticket service takes it, from what the intake gathered and the consent given. */
export function intakeTicket(ctx: FlowContext, data: IntakeData, cipher: FieldCipher): NewTicket {
  const said = data.descriptionEnc ? cipher.decrypt(data.descriptionEnc) : undefined;
  const note = staffNote(ctx, data, cipher);
  const description = [note, said].filter(Boolean).join('\n\n') || undefined;
  return {
    type: data.type,
    // Either may be missing when the worker would not say: staff reach them through the chat.
    claimantName: data.nameEnc ? cipher.decrypt(data.nameEnc) : '',
    phone: data.phoneEnc ? cipher.decrypt(data.phoneEnc) : '',
    idNumber: data.idEnc ? cipher.decrypt(data.idEnc) : undefined,
    regionCode: data.regionCode ?? '',
    industry: data.industry ?? 'other',
    platform: data.platform,
    employer: data.employer,
    amountYuan: data.amountYuan,
    amountApprox: data.amountApprox,
    periodText: data.periodText,
    periodMonths: data.periodMonths,
    workerCount: data.workerCount ?? (data.groupMentioned ? undefined : 1),
    workerCountApprox: data.workerCountApprox,
    vulnerable: data.vulnerable,
    stillEmployed: data.stillEmployed,
    employmentEndedOn: data.employmentEndedOn,
    violationKnownOn: data.violationKnownOn,
    evidence: data.evidence,
    wants: data.wants.join(',') || undefined,
    description,
    channel: ctx.inbound.channel,
    conversationId: ctx.conversationId,
    locale: ctx.locale,
    consentVersion: CONSENT_VERSION,
    consentAt: ctx.now,
  };
}
