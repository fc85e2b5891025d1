import type { Industry } from '../offices/office-types.js';

export const TICKET_TYPES = [
  'wage_arrears',
  'social_insurance',
  'overtime',
  'dismissal',
  'injury',
  'other',
] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_STATUSES = [
  'submitted',
  'accepted',
  'in_progress',
  'transferred',
  'resolved',
  'closed',
  'rejected',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ['high', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];
export type PriorityReason = 'collective' | 'amount' | 'vulnerable';

export const EVIDENCE_KINDS = [
  'contract',
  'pay_records',
  'chat_logs',
  'photos',
  'attendance',
  'witnesses',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Ten or more workers make a collective case (群体性欠薪). */
export const COLLECTIVE_THRESHOLD = 10;

/** A complaint as taken by the chat intake or the form API, before it is numbered and routed. */
export interface NewTicket {
  type: TicketType;
  claimantName: string;
  /** 11-digit mainland mobile, normalised. */
  phone: string;
  idNumber?: string;
  regionCode: string;
  industry: Industry;
  platform?: string;
  employer?: string;
  amountYuan?: number;
  amountApprox?: boolean;
  periodText?: string;
  periodMonths?: number;
  workerCount?: number;
  workerCountApprox?: boolean;
  vulnerable?: boolean;
  /** 统一社会信用代码 of the employer, when the worker has it (checked by the measures domain). */
  employerCreditCode?: string;
  /** Does the worker still work there? Undefined: not asked (the arbitration limit then says so). */
  stillEmployed?: boolean;
  /** YYYY-MM-DD the employment ended. */
  employmentEndedOn?: string;
  /** YYYY-MM-DD the worker knew of the violation (for complaints other than unpaid pay). */
  violationKnownOn?: string;
  evidence: EvidenceKind[];
  wants?: string;
  description?: string;
  channel: string;
  conversationId?: string;
  locale: string;
  consentVersion: string;
  consentAt: Date;
}

/** What a worker sees: no personal data. */
export interface PublicTicket {
  number: string;
  type: TicketType;
  status: TicketStatus;
  priority: Priority;
  dueAt: string;
  createdAt: string;
  office: { id: string; name: string; regionCode: string; contactPhone: string };
  history: { at: string; type: string; from: string | null; to: string | null; note: string | null }[];
  arbitrationLimit?: WorkerLimit;
}

/**
 * The arbitration limit (劳动争议调解仲裁法 第二十七条) as the worker is shown it on the receipt and
 * the status page: worked out by the measures domain, worded for the ticket's language.
 */
export type WorkerLimit = (
  | { kind: 'none-while-employed' }
  | { kind: 'date'; lastDay: string; daysLeft: number; warning: string; runsFrom: string }
  | { kind: 'unknown'; ask: string }
) & { text: string };

/** What other domains add to the worker's view of a ticket (receipt, status page). */
export interface WorkerNotes {
  arbitrationLimit?: WorkerLimit;
}

/** The receipt handed back right after filing (chat reply and form API response). */
export interface TicketReceiptView {
  number: string;
  queryCode: string;
  status: TicketStatus;
  priority: Priority;
  dueAt: string;
  office: { id: string; name: string; regionCode: string; contactPhone: string };
  arbitrationLimit?: WorkerLimit;
}
