import { articleLabel } from '../knowledge/chinese-numeral.js';
import { type OfficeActor, sees } from '../offices/office-actor.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { SupervisionDocument } from '../platform/db/db-types.js';
import { DomainError } from '../platform/domain-error.js';
import type { TicketReads } from '../tickets/ticket-reads.js';
import { DEFAULT_DEADLINE_WORKING_DAYS, type DocumentKind, formatDocumentNumber } from './document-kinds.js';
import { type Citation, factsFromTickets, type NewDocument, view } from './document-views.js';
import { fillTemplate, readTemplate } from './render-template.js';

export type { Citation, NewDocument } from './document-views.js';
export { view } from './document-views.js';

import { addWorkingDays, chineseDate } from './working-days.js';

export interface SupervisionDeps {
  prisma: Db;
  /** The tickets a document is about, read through the tickets domain that owns them. */
  tickets: Pick<TicketReads, 'byNumbers' | 'byIds'>;
  /** Strings for generated text (the supervision locale namespace, zh-CN). */
  t: (key: string, options?: Record<string, unknown>) => string;
  templatesDir?: string;
  holidays?: ReadonlySet<string>;
  now?: () => Date;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const NUMBERING_RETRIES = 5;

/**
 * 一函两书: generate from the office's templates, number per office and year, track the
 * deadline and the employer's reply. A 建议书 follows an 意见书 and marks it escalated.
 */
export function createSupervisionService(deps: SupervisionDeps) {
  const { prisma } = deps;
  const now = deps.now ?? (() => new Date());

  async function inScope(id: string, staff: OfficeActor) {
    const doc = await prisma.supervisionDocument.findUnique({ where: { id }, include: { tickets: true } });
    if (!doc || !sees(staff, doc.officeId)) throw new DomainError('not-found', 'No such document.');
    return doc;
  }

  async function citationLines(citations: Citation[]): Promise<string> {
    const lines: string[] = [];
    for (const [index, c] of citations.entries()) {
      const doc = await prisma.knowledgeDoc.findUnique({
        where: { law_article: { law: c.law, article: c.article } },
      });
      const title = doc?.lawTitle ?? c.law;
      // The article's text when the statute is imported; otherwise its name alone (never a made-up text).
      lines.push(
        `${index + 1}. 《${title}》${articleLabel(c.article)}${doc ? `：${doc.text.replace(/\s+/g, '')}` : ''}`,
      );
    }
    return lines.join('\n');
  }

  async function nextSeq(officeId: string, year: number): Promise<number> {
    const last = await prisma.supervisionDocument.findFirst({
      where: { officeId, year },
      orderBy: { seq: 'desc' },
      select: { seq: true },
    });
    return (last?.seq ?? 0) + 1;
  }

  const service = {
    async create(input: NewDocument, staff: OfficeActor): Promise<SupervisionDocument> {
      const officeId = input.officeId ?? staff.officeId;
      if (!sees(staff, officeId))
        throw new DomainError('forbidden', 'You can issue documents only for offices you serve.');
      const office = await prisma.unionOffice.findUnique({ where: { id: officeId } });
      if (!office) throw new DomainError('invalid', `No union office ${officeId}.`);

      const parent = input.parentId ? await inScope(input.parentId, staff) : undefined;
      if (input.kind === 'suggestion' && parent?.kind !== 'opinion') {
        throw new DomainError('invalid', 'A 建议书 follows an 意见书: give the parentId of the 意见书.');
      }
      const ticketNumbers = [...new Set([...(input.ticketNumbers ?? [])])];
      const tickets = await deps.tickets.byNumbers(ticketNumbers);
      const missing = ticketNumbers.filter(
        (n) => !tickets.some((t) => t.number === n && sees(staff, t.officeId)),
      );
      if (missing.length)
        throw new DomainError('not-found', `No ticket ${missing.join(', ')} in your offices.`);
      const ticketIds = [
        ...new Set([...tickets.map((t) => t.id), ...(parent?.tickets.map((t) => t.ticketId) ?? [])]),
      ];
      const allTickets = await deps.tickets.byIds(ticketIds);

      const employer =
        input.employer?.trim() ||
        parent?.employer ||
        allTickets.find((t) => t.employer)?.employer ||
        undefined;
      const facts =
        input.facts?.trim() ||
        (input.kind !== 'reminder' && parent?.facts) ||
        factsFromTickets(deps.t, allTickets);
      const citations: Citation[] = input.citations?.length
        ? input.citations
        : parent
          ? (JSON.parse(parent.citations) as Citation[])
          : [];
      if (input.kind === 'opinion') {
        if (!employer)
          throw new DomainError('invalid', 'An 意见书 is addressed to an employer: give the employer.');
        if (!facts) throw new DomainError('invalid', 'An 意见书 needs the facts found (or linked tickets).');
        if (!citations.length)
          throw new DomainError(
            'invalid',
            'An 意见书 cites the statutes violated: give at least one citation.',
          );
      }
      const recipient =
        input.recipient?.trim() ||
        (input.kind === 'suggestion'
          ? deps.t('supervision:laborDepartment', { area: office.name.replace(/(?:总工会|工会)$/, '') })
          : employer);
      if (!recipient)
        throw new DomainError('invalid', 'Say who the document is addressed to (recipient or employer).');

      const issuedAt = now();
      const year = new Date(issuedAt.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
      const deadlineDays =
        input.deadlineDays ?? (input.kind === 'opinion' ? DEFAULT_DEADLINE_WORKING_DAYS : undefined);
      const deadlineAt = deadlineDays ? addWorkingDays(issuedAt, deadlineDays, deps.holidays) : null;
      const fields = {
        office: office.name,
        recipient,
        employer: employer ?? '',
        facts,
        citations: await citationLines(citations),
        requests: input.requests?.trim() || deps.t(`supervision:defaultRequests.${input.kind}`),
        deadline: deadlineAt ? chineseDate(deadlineAt) : '',
        deadlineDays: deadlineDays ? String(deadlineDays) : '',
        holiday: input.holiday?.trim() ?? '',
        date: chineseDate(issuedAt),
        parentNumber: parent?.number ?? '',
        parentDate: parent ? chineseDate(parent.issuedAt) : '',
        refusal:
          input.kind === 'suggestion' ? deps.t(`supervision:refusal.${input.refusal ?? 'no-reply'}`) : '',
        tickets: allTickets.map((t) => t.number).join('、'),
      };
      const template = readTemplate(input.kind, deps.templatesDir);

      for (let attempt = 0; attempt < NUMBERING_RETRIES; attempt++) {
        const seq = await nextSeq(officeId, year);
        const number = formatDocumentNumber(year, seq);
        const body = fillTemplate(template, { ...fields, number });
        try {
          const created = await prisma.supervisionDocument.create({
            data: {
              officeId,
              kind: input.kind,
              year,
              seq,
              number,
              title: body.split('\n')[0]?.replace(/^#\s*/, '') ?? '',
              recipient,
              employer: employer ?? null,
              regionCode: input.regionCode ?? allTickets[0]?.regionCode ?? office.regionCode,
              facts,
              citations: JSON.stringify(citations),
              fields: JSON.stringify({
                requests: fields.requests,
                holiday: fields.holiday,
                refusal: input.refusal ?? null,
                deadlineDays,
              }),
              body,
              status: 'issued',
              deadlineAt,
              copiedToProcuratorate: input.copiedToProcuratorate ?? false,
              parentId: parent?.id ?? null,
              createdById: staff.id,
              issuedAt,
              tickets: { create: ticketIds.map((ticketId) => ({ ticketId })) },
            },
          });
          if (parent && input.kind === 'suggestion') {
            await prisma.supervisionDocument.update({
              where: { id: parent.id },
              data: { status: 'escalated' },
            });
          }
          return created;
        } catch (err) {
          // Two documents numbered at once: the unique (office, year, seq) refused one; take the next number.
          if ((err as { code?: string }).code !== 'P2002') throw err;
        }
      }
      throw new DomainError('conflict', 'Could not number the document; try again.');
    },

    /** The documents that name a ticket (for the ticket's detail view). */
    async forTicket(ticketId: string) {
      const rows = await prisma.supervisionDocumentTicket.findMany({
        where: { ticketId },
        include: { document: true },
      });
      return rows.map((row) => ({
        id: row.document.id,
        kind: row.document.kind,
        number: row.document.number,
        status: row.document.status,
      }));
    },

    /** Kind, status and deadline of the offices' documents issued in a period (for the dashboard). */
    async issuedIn(officeIds: string[], period: { from?: Date; to?: Date }) {
      return prisma.supervisionDocument.findMany({
        where: {
          officeId: { in: officeIds },
          ...(period.from || period.to ? { issuedAt: { gte: period.from, lte: period.to } } : {}),
        },
        select: { kind: true, status: true, deadlineAt: true },
      });
    },

    async list(
      staff: OfficeActor,
      filter: { kind?: DocumentKind; status?: string; employer?: string; officeIds?: string[] } = {},
    ) {
      const at = now();
      const where = {
        officeId: { in: filter.officeIds ?? staff.officeIds },
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.employer ? { employer: { contains: filter.employer } } : {}),
        ...(filter.status === 'overdue'
          ? { status: 'issued', deadlineAt: { lt: at } }
          : filter.status === 'issued'
            ? { status: 'issued', OR: [{ deadlineAt: null }, { deadlineAt: { gte: at } }] }
            : filter.status
              ? { status: filter.status }
              : {}),
      };
      const rows = await prisma.supervisionDocument.findMany({
        where,
        include: { tickets: true },
        orderBy: [{ issuedAt: 'desc' }],
        take: 500,
      });
      return rows.map((row) => view(row, at));
    },

    async get(id: string, staff: OfficeActor) {
      return view(await inScope(id, staff), now());
    },

    /** The stored document (for DOCX), as issued. */
    async raw(id: string, staff: OfficeActor) {
      return inScope(id, staff);
    },

    async recordReply(id: string, staff: OfficeActor, reply: { text: string; at?: Date }) {
      const doc = await inScope(id, staff);
      if (doc.status === 'closed') throw new DomainError('conflict', 'This document is closed.');
      const updated = await prisma.supervisionDocument.update({
        where: { id },
        data: { status: 'replied', replyText: reply.text, repliedAt: reply.at ?? now() },
        include: { tickets: true },
      });
      return view(updated, now());
    },

    async update(
      id: string,
      staff: OfficeActor,
      change: { status?: 'closed' | 'issued'; copiedToProcuratorate?: boolean },
    ) {
      const doc = await inScope(id, staff);
      if (change.status === 'issued' && doc.status !== 'closed')
        throw new DomainError('conflict', 'Only a closed document can be reopened.');
      const updated = await prisma.supervisionDocument.update({
        where: { id },
        data: {
          ...(change.status ? { status: change.status } : {}),
          ...(change.copiedToProcuratorate !== undefined
            ? { copiedToProcuratorate: change.copiedToProcuratorate }
            : {}),
        },
        include: { tickets: true },
      });
      return view(updated, now());
    },
  };
  return service;
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
