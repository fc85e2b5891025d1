import { toOfficeView } from '../offices/office-service.js';
import type { Industry } from '../offices/office-types.js';
import type { Attachment, Prisma, Ticket, TicketEvent, UnionOffice } from '../platform/db/db-types.js';
import type { FieldCipher } from '../platform/privacy/encryption.js';
import { maskName, maskPhone } from '../platform/privacy/mask-fields.js';
import type {
  EvidenceKind,
  Priority,
  PriorityReason,
  PublicTicket,
  TicketStatus,
  TicketType,
} from './ticket-types.js';

// What the tickets service hands out, and how a stored row becomes it (decrypting only what
// each view may show).

export interface TicketEventView {
  id: string;
  type: string;
  actor: string;
  fromStatus: string | null;
  toStatus: string | null;
  fromOfficeId: string | null;
  toOfficeId: string | null;
  note: string | null;
  createdAt: string;
}

/** A ticket in a staff list: personal data masked. */
export interface TicketSummary {
  id: string;
  number: string;
  type: TicketType;
  status: TicketStatus;
  priority: Priority;
  priorityReasons: PriorityReason[];
  dueAt: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  office: { id: string; name: string; regionCode: string };
  regionCode: string;
  industry: string;
  platform: string | null;
  employer: string | null;
  amountYuan: number | null;
  amountApprox: boolean;
  workerCount: number | null;
  collective: boolean;
  channel: string;
  conversationId: string | null;
  claimantNameMasked: string;
  phoneMasked: string;
}

/** One ticket with the claimant's personal data in clear: for staff detail views only. */
export interface TicketDetail extends TicketSummary {
  claimantName: string;
  phone: string;
  idNumber: string | null;
  periodText: string | null;
  periodMonths: number | null;
  workerCountApprox: boolean;
  vulnerable: boolean;
  evidence: EvidenceKind[];
  wants: string | null;
  description: string | null;
  locale: string;
  consentVersion: string;
  consentAt: string;
  routingRuleId: string | null;
  events: TicketEventView[];
  attachments: {
    id: string;
    kind: string;
    mimeType: string | null;
    sizeBytes: number | null;
    createdAt: string;
  }[];
}

export interface TicketListFilter {
  /** Only tickets held by these offices (a staff member's scope). */
  officeIds?: string[];
  status?: TicketStatus | TicketStatus[];
  priority?: Priority;
  overdue?: boolean;
  /** GB/T 2260 prefix: "44", "4403", "440305". */
  regionPrefix?: string;
  industry?: Industry;
  /** Substring of the employer / station name. */
  employer?: string;
  conversationId?: string;
  /** One ticket by its number (GY-YYYYMMDD-NNNN). */
  number?: string;
  /** Due at or before this time (SLA warnings). */
  dueBefore?: Date;
  /** Only these tickets (by id): a label's tickets, for instance. */
  ids?: string[];
  /** Exact phone (matched through the blind index, never decrypted in bulk). */
  phone?: string;
  createdFrom?: Date;
  createdTo?: Date;
  limit?: number;
  offset?: number;
}

export interface StatusChange {
  ticket: TicketDetail;
  event: TicketEventView;
}

/** What the worker's notice of a status change says: no personal data, so none is decrypted. */
export interface StatusNoticeChange {
  ticket: Pick<TicketSummary, 'number' | 'status' | 'priority' | 'dueAt' | 'office' | 'conversationId'> & {
    locale: string;
  };
  event: Pick<TicketEventView, 'note'>;
}

export type TicketWithOffice = Ticket & { office: UnionOffice };
export const OPEN_STATUSES: TicketStatus[] = ['submitted', 'accepted', 'in_progress', 'transferred'];

/** A list row: personal data masked. */
export function ticketSummary(row: TicketWithOffice, cipher: FieldCipher, at: Date): TicketSummary {
  return {
    id: row.id,
    number: row.number,
    type: row.type as TicketType,
    status: row.status as TicketStatus,
    priority: row.priority as Priority,
    priorityReasons: parseJsonArray(row.priorityReasons) as PriorityReason[],
    dueAt: row.dueAt.toISOString(),
    overdue: OPEN_STATUSES.includes(row.status as TicketStatus) && row.dueAt < at,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    office: { id: row.office.id, name: row.office.name, regionCode: row.office.regionCode },
    regionCode: row.regionCode,
    industry: row.industry,
    platform: row.platform,
    employer: row.employer,
    amountYuan: row.amountYuan,
    amountApprox: row.amountApprox,
    workerCount: row.workerCount,
    collective: row.collective,
    channel: row.channel,
    conversationId: row.conversationId,
    claimantNameMasked: maskName(cipher.decrypt(row.claimantNameEnc)),
    phoneMasked: maskPhone(cipher.decrypt(row.claimantPhoneEnc)),
  };
}

/** Full detail with personal data decrypted: staff views (the caller audits the access). */
export function ticketDetail(
  row: TicketWithOffice & { events: TicketEvent[]; attachments: Attachment[] },
  cipher: FieldCipher,
  at: Date,
): TicketDetail {
  return {
    ...ticketSummary(row, cipher, at),
    claimantName: cipher.decrypt(row.claimantNameEnc),
    phone: cipher.decrypt(row.claimantPhoneEnc),
    idNumber: cipher.decryptOptional(row.claimantIdEnc) ?? null,
    periodText: row.periodText,
    periodMonths: row.periodMonths,
    workerCountApprox: row.workerCountApprox,
    vulnerable: row.vulnerable,
    evidence: parseJsonArray(row.evidence) as EvidenceKind[],
    wants: row.wants,
    description: cipher.decryptOptional(row.descriptionEnc) ?? null,
    locale: row.locale,
    consentVersion: row.consentVersion,
    consentAt: row.consentAt.toISOString(),
    routingRuleId: row.routingRuleId,
    events: row.events.map(eventView),
    attachments: row.attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      mimeType: a.mimeType,
      sizeBytes: a.sizeBytes,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}

/** What the worker may see with the number and their query code: no personal data. */
export function publicTicket(row: TicketWithOffice & { events: TicketEvent[] }): PublicTicket {
  const office = toOfficeView(row.office);
  return {
    number: row.number,
    type: row.type as TicketType,
    status: row.status as TicketStatus,
    priority: row.priority as Priority,
    dueAt: row.dueAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    office: {
      id: office.id,
      name: office.name,
      regionCode: office.regionCode,
      contactPhone: office.contactPhone,
    },
    // Staff notes can name people: the worker sees what happened, not the internal notes,
    // except a rejection's reason, which they are owed.
    history: row.events
      .filter((e) => e.type === 'created' || e.type === 'status' || e.type === 'transfer')
      .map((e) => ({
        at: e.createdAt.toISOString(),
        type: e.type,
        from: e.fromStatus,
        to: e.toStatus,
        note: e.toStatus === 'rejected' ? e.note : null,
      })),
  };
}

export function listWhere(filter: TicketListFilter, at: Date, cipher: FieldCipher): Prisma.TicketWhereInput {
  const where: Prisma.TicketWhereInput = {};
  if (filter.officeIds) where.officeId = { in: filter.officeIds };
  if (filter.status) where.status = Array.isArray(filter.status) ? { in: filter.status } : filter.status;
  if (filter.priority) where.priority = filter.priority;
  if (filter.overdue) {
    where.dueAt = { lt: at };
    if (!filter.status) where.status = { in: OPEN_STATUSES };
  }
  if (filter.regionPrefix) where.regionCode = { startsWith: filter.regionPrefix };
  if (filter.industry) where.industry = filter.industry;
  if (filter.employer) where.employer = { contains: filter.employer };
  if (filter.conversationId) where.conversationId = filter.conversationId;
  if (filter.ids) where.id = { in: filter.ids };
  if (filter.number) where.number = filter.number.toUpperCase();
  if (filter.dueBefore) where.dueAt = { ...(where.dueAt as object | undefined), lte: filter.dueBefore };
  if (filter.phone) where.phoneIndex = cipher.blindIndex(filter.phone.replace(/\D/g, '').slice(-11));
  if (filter.createdFrom || filter.createdTo) {
    where.createdAt = { gte: filter.createdFrom, lte: filter.createdTo };
  }
  return where;
}

export function eventView(e: TicketEvent): TicketEventView {
  return {
    id: e.id,
    type: e.type,
    actor: e.actor,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    fromOfficeId: e.fromOfficeId,
    toOfficeId: e.toOfficeId,
    note: e.note,
    createdAt: e.createdAt.toISOString(),
  };
}

export function parseJsonArray(json: string): unknown[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}
