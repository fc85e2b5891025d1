import type { OutboundMessage, QuickReply } from '../../../messages/messages.js';
import { INDUSTRIES } from '../../../offices/office-types.js';
import type { Translate } from '../../../platform/i18n/create-i18n.js';
import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import { maskIdNumber, maskPhone } from '../../../platform/privacy/mask-fields.js';
import type { TicketReceiptView } from '../../../tickets/ticket-types.js';
import { type IntakeData, SLOT_NAMES, type SlotName } from './intake-data.js';
import { settled } from './keep-as-stated.js';

/** Asked in this order; worker count only when several workers were mentioned. */
const ASK_ORDER: readonly SlotName[] = SLOT_NAMES;

export function nextMissing(data: IntakeData): SlotName | undefined {
  return ASK_ORDER.find((slot) => !settled(data, slot) && !has(data, slot));
}

/** "找工作人员": after two turns not understood, a person can take the report instead. */
export function personOffer(t: Translate): QuickReply {
  return { label: t('knowledge:quick.human.label'), text: t('knowledge:quick.human.text') };
}

/** A reply with the offer of a person added (and said, so text-only channels show it too). */
export function withPersonOffer(t: Translate, reply: OutboundMessage): OutboundMessage {
  const offer = personOffer(t);
  if (reply.quickReplies?.some((q) => q.text === offer.text)) return reply;
  return {
    ...reply,
    text: `${reply.text}\n${t('intake:personOffer')}`,
    quickReplies: [...(reply.quickReplies ?? []), offer],
  };
}

function has(data: IntakeData, slot: SlotName): boolean {
  switch (slot) {
    case 'industry':
      return data.industry !== undefined;
    case 'place':
      return data.regionCode !== undefined && !data.placeBroad;
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

export function askFor(t: Translate, slot: SlotName, prefix?: string, data?: IntakeData): OutboundMessage {
  const question =
    slot === 'place' && data?.placeBroad && data.placeName
      ? t('intake:ask.district', { city: data.placeName })
      : t(`intake:ask.${slot}`);
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
  if (candidates.length === 1) {
    const place = candidates[0]!.fullName;
    return {
      type: 'text',
      text: t('intake:placeConfirm', { place }),
      quickReplies: [
        { label: t('intake:placeConfirmYes'), text: t('intake:placeConfirmYes') },
        { label: t('intake:placeConfirmNo'), text: t('intake:placeConfirmNo') },
      ],
    };
  }
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
  const stated = data.stated ?? {};
  const unverified = new Set(data.unverified ?? []);
  /** A value as shown: the worker's words where they said more, marked when staff will check it. */
  const shown = (slot: SlotName, value: string | undefined): string => {
    const words = stated[slot];
    const base = value && words && value !== words ? `${value}（${words}）` : (value ?? words ?? none);
    return unverified.has(slot) ? `${base} ${t('intake:summary.toCheck')}` : base;
  };
  const name = data.nameEnc ? cipher.decrypt(data.nameEnc) : none;
  const phone = data.phoneEnc ? maskPhone(cipher.decrypt(data.phoneEnc)) : none;
  const industry = data.industry ? t(`intake:industry.${data.industry}`) : undefined;
  const work = [shown('industry', industry), data.platform].filter(Boolean).join(' · ');
  const amount =
    data.amountYuan !== undefined
      ? t(data.amountApprox ? 'intake:summary.amountApprox' : 'intake:summary.amount', {
          amount: fmtMoney(data.amountYuan),
        })
      : undefined;
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
    `${t('intake:field.name')}：${unverified.has('name') ? `${name} ${t('intake:summary.toCheck')}` : name}`,
    `${t('intake:field.phone')}：${unverified.has('phone') ? `${phone} ${t('intake:summary.toCheck')}` : phone}`,
    `${t('intake:field.work')}：${work}`,
    `${t('intake:field.employer')}：${shown('employer', data.employer)}`,
    `${t('intake:field.place')}：${shown('place', data.placeName)}`,
    `${t('intake:field.amount')}：${shown('amount', amount)}`,
    `${t('intake:field.period')}：${shown('period', data.periodText)}`,
    `${t('intake:field.count')}：${stated.workerCount ? shown('workerCount', undefined) : count}`,
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
    text:
      t('intake:receipt', {
        number: view.number,
        code: view.queryCode,
        office: view.office.name,
        due: formatDue(view.dueAt, locale),
        phone: view.office.contactPhone,
        priority: t(`tickets:priority.${view.priority}`),
      }) + (view.arbitrationLimit ? `\n${view.arbitrationLimit.text}` : ''),
    ticket: {
      number: view.number,
      queryCode: view.queryCode,
      status: view.status,
      priority: view.priority,
      dueAt: view.dueAt,
      office: { name: view.office.name, regionCode: view.office.regionCode },
      ...(view.arbitrationLimit ? { arbitrationLimit: view.arbitrationLimit } : {}),
    },
  };
}
