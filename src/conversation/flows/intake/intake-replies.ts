import type { OutboundMessage, QuickReply } from '../../../messages/messages.js';
import { INDUSTRIES } from '../../../offices/office-types.js';
import type { Translate } from '../../../platform/i18n/create-i18n.js';
import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import { maskIdNumber, maskPhone } from '../../../platform/privacy/mask-fields.js';
import type { TicketReceiptView } from '../../../tickets/ticket-types.js';
import { type IntakeData, SLOT_NAMES, type SlotName } from './intake-data.js';

/** Asked in this order; worker count only when several workers were mentioned. */
const ASK_ORDER: readonly SlotName[] = SLOT_NAMES;

export function nextMissing(data: IntakeData): SlotName | undefined {
  return ASK_ORDER.find((slot) => !data.skipped.includes(slot) && !has(data, slot));
}

function has(data: IntakeData, slot: SlotName): boolean {
  switch (slot) {
    case 'industry':
      return data.industry !== undefined;
    case 'place':
      return data.regionCode !== undefined;
    case 'employer':
      return data.employer !== undefined;
    case 'amount':
      return data.amountYuan !== undefined;
    case 'period':
      return data.periodText !== undefined;
    case 'workerCount':
      return data.workerCount !== undefined || !data.groupMentioned;
    case 'name':
      return data.nameEnc !== undefined;
    case 'phone':
      return data.phoneEnc !== undefined;
  }
}

export function askFor(t: Translate, slot: SlotName, prefix?: string): OutboundMessage {
  const question = t(`intake:ask.${slot}`);
  const quickReplies: QuickReply[] | undefined =
    slot === 'industry'
      ? INDUSTRIES.map((code) => ({
          label: t(`intake:industry.${code}`),
          text: t(`intake:industry.${code}`),
        }))
      : slot === 'workerCount'
        ? [{ label: t('intake:countAlone'), text: t('intake:countAlone') }]
        : undefined;
  return {
    type: 'text',
    text: prefix ? `${prefix}\n${question}` : question,
    ...(quickReplies ? { quickReplies } : {}),
  };
}

export function askPlaceChoice(
  t: Translate,
  name: string,
  candidates: { fullName: string }[],
): OutboundMessage {
  const list = candidates.map((c, i) => `${i + 1}. ${c.fullName}`).join('\n');
  return {
    type: 'text',
    text: t('intake:placeAmbiguous', { name, list }),
    quickReplies: candidates.map((c) => ({ label: c.fullName, text: c.fullName })),
  };
}

const fmtMoney = (yuan: number) => yuan.toLocaleString('en-US');

/** The facts as the union will see them, for the worker to confirm (phone shown masked). */
export function summary(t: Translate, data: IntakeData, cipher: FieldCipher): OutboundMessage {
  const none = t('intake:summary.notGiven');
  const name = data.nameEnc ? cipher.decrypt(data.nameEnc) : none;
  const phone = data.phoneEnc ? maskPhone(cipher.decrypt(data.phoneEnc)) : none;
  const work = [data.industry ? t(`intake:industry.${data.industry}`) : none, data.platform]
    .filter(Boolean)
    .join(' · ');
  const amount =
    data.amountYuan !== undefined
      ? t(data.amountApprox ? 'intake:summary.amountApprox' : 'intake:summary.amount', {
          amount: fmtMoney(data.amountYuan),
        })
      : none;
  const count =
    data.workerCount !== undefined
      ? t(data.workerCountApprox ? 'intake:summary.countAtLeast' : 'intake:summary.count', {
          count: data.workerCount,
        })
      : t('intake:summary.count', { count: 1 });
  const evidence = data.evidence.length
    ? data.evidence.map((e) => t(`intake:evidence.${e}`)).join('、')
    : t('intake:summary.noEvidence');
  const wants = data.wants.length
    ? data.wants.map((w) => t(`intake:wants.${w}`)).join('、')
    : t('intake:wants.recover_wages');
  const lines = [
    t('intake:summary.title'),
    `${t('intake:field.name')}：${name}`,
    `${t('intake:field.phone')}：${phone}`,
    `${t('intake:field.work')}：${work}`,
    `${t('intake:field.employer')}：${data.employer ?? none}`,
    `${t('intake:field.place')}：${data.placeName ?? none}`,
    `${t('intake:field.amount')}：${amount}`,
    `${t('intake:field.period')}：${data.periodText ?? none}`,
    `${t('intake:field.count')}：${count}`,
    `${t('intake:field.evidence')}：${evidence}`,
    `${t('intake:field.wants')}：${wants}`,
  ];
  if (data.idEnc)
    lines.splice(3, 0, `${t('intake:field.idNumber')}：${maskIdNumber(cipher.decrypt(data.idEnc))}`);
  // Only when said: nobody is asked, and staff see "unknown — ask the worker" otherwise.
  if (data.stillEmployed !== undefined) {
    const state = data.stillEmployed
      ? t('intake:employment.still')
      : data.employmentEndedOn
        ? t('intake:employment.leftOn', { date: data.employmentEndedOn })
        : t('intake:employment.left');
    lines.splice(lines.length - 2, 0, `${t('intake:field.employment')}：${state}`);
  }
  if (data.attachments) lines.push(t('intake:summary.attachments', { count: data.attachments }));
  lines.push('', t('intake:summary.ask'));
  return {
    type: 'text',
    text: lines.join('\n'),
    quickReplies: [
      { label: t('intake:confirm.yes'), text: t('intake:confirm.yes') },
      { label: t('intake:confirm.change'), text: t('intake:confirm.change') },
      { label: t('intake:cancel'), text: t('intake:cancel') },
    ],
  };
}

export function consentRequest(t: Translate): OutboundMessage {
  return {
    type: 'text',
    text: t('intake:consent.text'),
    quickReplies: [
      { label: t('intake:consent.agree'), text: t('intake:consent.agree') },
      { label: t('intake:consent.decline'), text: t('intake:consent.decline') },
    ],
  };
}

/** Due time as the worker reads it: China time, to the hour. */
export function formatDue(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function receipt(t: Translate, view: TicketReceiptView, locale: string): OutboundMessage {
  return {
    type: 'ticket',
    text: t('intake:receipt', {
      number: view.number,
      code: view.queryCode,
      office: view.office.name,
      due: formatDue(view.dueAt, locale),
      phone: view.office.contactPhone,
      priority: t(`tickets:priority.${view.priority}`),
    }),
    ticket: {
      number: view.number,
      queryCode: view.queryCode,
      status: view.status,
      priority: view.priority,
      dueAt: view.dueAt,
      office: { name: view.office.name, regionCode: view.office.regionCode },
    },
  };
}
