import type { SupervisionDocument } from '../platform/db/db-types.js';
import { type DocumentKind, effectiveStatus } from './document-kinds.js';

// A document's input, its view for the console, and the facts paragraph drawn from tickets.

export interface Citation {
  law: string;
  article: number;
}

export interface NewDocument {
  kind: DocumentKind;
  officeId?: string;
  recipient?: string;
  employer?: string;
  regionCode?: string;
  facts?: string;
  citations?: Citation[];
  requests?: string;
  ticketNumbers?: string[];
  deadlineDays?: number;
  copiedToProcuratorate?: boolean;
  /** For a 建议书: the 意见书 it follows. */
  parentId?: string;
  /** For a 提示函 before a holiday: "春节将至，" */
  holiday?: string;
  refusal?: 'no-reply' | 'refused' | 'not-corrected';
}

export function factsFromTickets(
  t: (key: string, options?: Record<string, unknown>) => string,
  tickets: {
    number: string;
    employer: string | null;
    amountYuan: number | null;
    workerCount: number | null;
    periodText: string | null;
  }[],
) {
  return tickets
    .map((ticket, index) =>
      t('supervision:factFromTicket', {
        index: index + 1,
        employer: ticket.employer ?? t('supervision:unknownEmployer'),
        workers: ticket.workerCount ?? 1,
        period: ticket.periodText ? t('supervision:period', { period: ticket.periodText }) : '',
        amount: ticket.amountYuan
          ? t('supervision:amount', { amount: ticket.amountYuan.toLocaleString('zh-CN') })
          : '',
        number: ticket.number,
      }),
    )
    .join('\n');
}

export function view(doc: SupervisionDocument & { tickets: { ticketId: string }[] }, at: Date) {
  return {
    id: doc.id,
    officeId: doc.officeId,
    kind: doc.kind,
    number: doc.number,
    title: doc.title,
    recipient: doc.recipient,
    employer: doc.employer,
    regionCode: doc.regionCode,
    facts: doc.facts,
    citations: JSON.parse(doc.citations) as Citation[],
    body: doc.body,
    status: effectiveStatus(doc.status, doc.deadlineAt, at),
    deadlineAt: doc.deadlineAt?.toISOString() ?? null,
    replyText: doc.replyText,
    repliedAt: doc.repliedAt?.toISOString() ?? null,
    copiedToProcuratorate: doc.copiedToProcuratorate,
    parentId: doc.parentId,
    issuedAt: doc.issuedAt.toISOString(),
    ticketIds: doc.tickets.map((t) => t.ticketId),
  };
}
