import type { StagedDelivery } from '../delivery/delivery-service.js';
import { DomainError } from '../platform/domain-error.js';
import { filedReceipt } from './filed-receipt.js';
import { newQueryCode, normalizeQueryCode } from './numbering.js';
import { decidePriority, dueAt, isCollective } from './priority.js';
import { checkTransition } from './status-workflow.js';
import type { FiledListener, TicketServiceDeps, WorkerNoteSource } from './ticket-service-deps.js';
import type {
  NewTicket,
  Priority,
  PublicTicket,
  TicketReceiptView,
  TicketStatus,
  WorkerNotes,
} from './ticket-types.js';
import {
  eventView,
  listWhere,
  OPEN_STATUSES,
  publicTicket,
  type TicketDetail,
  type TicketEventView,
  type TicketListFilter,
  type TicketSummary,
  type TicketWithOffice,
  ticketDetail,
  ticketSummary,
} from './ticket-views.js';
import { createTicketWriter } from './ticket-writer.js';

export type { FiledListener, TicketServiceDeps } from './ticket-service-deps.js';

export type {
  StatusChange,
  StatusNoticeChange,
  TicketDetail,
  TicketEventView,
  TicketListFilter,
  TicketSummary,
} from './ticket-views.js';

export function createTicketService(deps: TicketServiceDeps) {
  const { prisma, cipher } = deps;
  const now = deps.now ?? (() => new Date());
  const writer = createTicketWriter(prisma, now);

  const summary = (row: TicketWithOffice) => ticketSummary(row, cipher, now());
  const filedListeners: FiledListener[] = [];
  const workerNoteSources: WorkerNoteSource[] = [];

  /** What other domains add to the worker's view; one that fails leaves its part out. */
  async function workerNotes(ticket: { id: string; type: string; locale: string }): Promise<WorkerNotes> {
    const notes: WorkerNotes = {};
    for (const source of workerNoteSources) {
      try {
        Object.assign(notes, await source(ticket));
      } catch (err) {
        deps.onListenerError?.(err);
      }
    }
    return notes;
  }

  async function load(number: string): Promise<TicketWithOffice> {
    const row = await prisma.ticket.findUnique({ where: { number }, include: { office: true } });
    if (!row) throw new DomainError('not-found', `No ticket ${number}.`);
    return row;
  }

  /** The notice for a change about to commit, built from the stored row as it will then be. */
  async function stageNotice(
    row: TicketWithOffice,
    to: TicketStatus,
    note: string | undefined,
    toOfficeId: string | undefined,
  ): Promise<StagedDelivery | undefined> {
    if (!deps.stageStatusNotice || !row.conversationId) return undefined;
    const office = toOfficeId ? await deps.offices.get(toOfficeId) : undefined;
    return deps.stageStatusNotice({
      ticket: {
        number: row.number,
        status: to,
        priority: row.priority as Priority,
        dueAt: row.dueAt.toISOString(),
        office: office ?? row.office,
        conversationId: row.conversationId,
        locale: row.locale,
      },
      event: { note: note?.trim() || null },
    });
  }

  const service = {
    /** Run `listener` after every filing, before the receipt is handed back. */
    onFiled(listener: FiledListener): void {
      filedListeners.push(listener);
    },

    /** Add to what the worker sees of a ticket (its receipt and status page). */
    onWorkerView(source: WorkerNoteSource): void {
      workerNoteSources.push(source);
    },

    /** Route, number and store a complaint; resolves once it is on disk. */
    async create(input: NewTicket, options: { actor?: string } = {}): Promise<TicketReceiptView> {
      const collective = isCollective(input.workerCount);
      const route = await deps.offices.route(input.regionCode, input.industry, collective);
      const { priority, reasons } = decidePriority(input, deps.policy);
      const createdAt = now();
      const due = dueAt(priority, createdAt, deps.policy);
      const queryCode = newQueryCode();
      const written = await writer.write(
        {
          queryCode,
          type: input.type,
          status: 'submitted',
          priority,
          priorityReasons: JSON.stringify(reasons),
          dueAt: due,
          officeId: route.office.id,
          routingRuleId: route.ruleId,
          regionCode: input.regionCode,
          industry: input.industry,
          platform: input.platform ?? null,
          employer: input.employer ?? null,
          amountYuan: input.amountYuan ?? null,
          amountApprox: input.amountApprox ?? false,
          periodText: input.periodText ?? null,
          periodMonths: input.periodMonths ?? null,
          workerCount: input.workerCount ?? null,
          workerCountApprox: input.workerCountApprox ?? false,
          collective,
          vulnerable: input.vulnerable ?? false,
          evidence: JSON.stringify(input.evidence),
          wants: input.wants ?? null,
          descriptionEnc: input.description ? cipher.encrypt(input.description) : null,
          claimantNameEnc: cipher.encrypt(input.claimantName),
          claimantPhoneEnc: cipher.encrypt(input.phone),
          claimantIdEnc: input.idNumber ? cipher.encrypt(input.idNumber) : null,
          phoneIndex: cipher.blindIndex(input.phone),
          channel: input.channel,
          conversationId: input.conversationId ?? null,
          locale: input.locale,
          consentVersion: input.consentVersion,
          consentAt: input.consentAt,
          createdAt,
        },
        options.actor ?? 'worker',
        route.via === 'rule'
          ? `routed by rule ${route.ruleId}`
          : route.collectiveUp
            ? 'collective: one level up'
            : null,
      );
      const receipt: TicketReceiptView = {
        number: written.number,
        queryCode,
        status: 'submitted',
        priority,
        dueAt: due.toISOString(),
        office: {
          id: route.office.id,
          name: route.office.name,
          regionCode: route.office.regionCode,
          contactPhone: route.office.contactPhone,
        },
      };
      deps.onCreated?.(receipt, input);
      for (const listener of filedListeners) {
        try {
          await listener({ id: written.id, number: written.number, input });
        } catch (err) {
          deps.onListenerError?.(err);
        }
      }
      return {
        ...receipt,
        ...(await workerNotes({ id: written.id, type: input.type, locale: input.locale })),
      };
    },

    /** The ticket a conversation already filed for this phone since a time (see filed-receipt.ts). */
    filedSince(conversationId: string, since: Date, phone: string): Promise<TicketReceiptView | undefined> {
      return filedReceipt(prisma, { conversationId, since, phoneIndex: cipher.blindIndex(phone) });
    },

    /** Open tickets past their due time (for the metrics gauge and dashboards). */
    countOverdue(): Promise<number> {
      return prisma.ticket.count({ where: { status: { in: OPEN_STATUSES }, dueAt: { lt: now() } } });
    },

    /** Full detail with personal data decrypted: staff views (the caller audits the access). */
    async get(number: string): Promise<TicketDetail | undefined> {
      const row = await prisma.ticket.findUnique({
        where: { number },
        include: { office: true, events: { orderBy: { createdAt: 'asc' } }, attachments: true },
      });
      if (!row) return undefined;
      return ticketDetail(row, cipher, now());
    },

    /**
     * What the worker may see with the number and their query code: status, office, history —
     * no personal data. `code` undefined skips the check (the conversation that filed it).
     */
    async getPublic(number: string, code: string | undefined): Promise<PublicTicket | undefined> {
      const row = await prisma.ticket.findUnique({
        where: { number: number.toUpperCase() },
        include: { office: true, events: { orderBy: { createdAt: 'asc' } } },
      });
      if (!row) return undefined;
      if (code !== undefined && normalizeQueryCode(code) !== row.queryCode) return undefined;
      return { ...publicTicket(row), ...(await workerNotes(row)) };
    },

    async list(filter: TicketListFilter = {}): Promise<{ total: number; items: TicketSummary[] }> {
      const where = listWhere(filter, now(), cipher);
      const [total, rows] = await Promise.all([
        prisma.ticket.count({ where }),
        prisma.ticket.findMany({
          where,
          include: { office: true },
          orderBy: [{ createdAt: 'desc' }],
          take: Math.min(filter.limit ?? 50, 500),
          skip: filter.offset ?? 0,
        }),
      ]);
      return { total, items: rows.map(summary) };
    },

    /** Move a ticket through the workflow; the change and its TicketEvent commit together. */
    async changeStatus(
      number: string,
      to: TicketStatus,
      actor: string,
      note?: string,
      options: { toOfficeId?: string } = {},
    ): Promise<TicketDetail> {
      const row = await load(number);
      const from = row.status as TicketStatus;
      const check = checkTransition(from, to, { note, toOfficeId: options.toOfficeId });
      if (!check.ok) throw new DomainError('conflict', check.reason);
      if (options.toOfficeId && !(await deps.offices.get(options.toOfficeId))) {
        throw new DomainError('invalid', `No union office ${options.toOfficeId}.`);
      }
      const transfer = to === 'transferred';
      const notice = await stageNotice(row, to, note, options.toOfficeId);
      const [, event] = await prisma.$transaction([
        prisma.ticket.update({
          where: { id: row.id, status: from },
          data: { status: to, ...(transfer ? { officeId: options.toOfficeId } : {}) },
        }),
        prisma.ticketEvent.create({
          data: {
            ticketId: row.id,
            type: transfer ? 'transfer' : 'status',
            actor,
            fromStatus: from,
            toStatus: to,
            fromOfficeId: transfer ? row.officeId : null,
            toOfficeId: transfer ? (options.toOfficeId ?? null) : null,
            note: note?.trim() || null,
          },
        }),
        ...(notice?.writes ?? []),
      ]);
      // Committed: the notice is in the outbox whatever happens next; try it now.
      await notice?.deliver();
      const detail = (await service.get(number)) as TicketDetail;
      if (deps.onStatusChange) await deps.onStatusChange({ ticket: detail, event: eventView(event) });
      return detail;
    },

    /** Append a note or an assignment to the ticket's history (never changes status). */
    async addEvent(
      number: string,
      event: { type: 'note' | 'assign' | string; actor: string; note?: string },
    ): Promise<TicketEventView> {
      const row = await load(number);
      if (event.type === 'status' || event.type === 'transfer' || event.type === 'created') {
        throw new DomainError('invalid', 'Use changeStatus for status changes.');
      }
      const created = await prisma.ticketEvent.create({
        data: { ticketId: row.id, type: event.type, actor: event.actor, note: event.note?.trim() || null },
      });
      await prisma.ticket.update({ where: { id: row.id }, data: { updatedAt: now() } });
      return eventView(created);
    },

    async events(number: string): Promise<TicketEventView[]> {
      const row = await load(number);
      const events = await prisma.ticketEvent.findMany({
        where: { ticketId: row.id },
        orderBy: { createdAt: 'asc' },
      });
      return events.map(eventView);
    },

    /** Attach evidence kept by the intake (already encrypted) to the ticket it ended up in. */
    async claimAttachments(conversationId: string, number: string): Promise<number> {
      const row = await load(number);
      const { count } = await prisma.attachment.updateMany({
        where: { conversationId, ticketId: null },
        data: { ticketId: row.id },
      });
      return count;
    },

    /** Wait for tickets queued for writing (tests, graceful shutdown). */
    settle: () => writer.settle(),
  };
  return service;
}

export type TicketService = ReturnType<typeof createTicketService>;
