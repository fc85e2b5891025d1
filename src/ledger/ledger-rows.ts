import type { FastifyInstance } from 'fastify';
import type { OfficeActor } from '../offices/office-actor.js';

export interface Period {
  from?: Date;
  to?: Date;
}

export interface Sheet {
  name: string;
  header: string[];
  rows: unknown[][];
}

const PAGE = 500;

/** 工单台账: the office's tickets in the period, personal data masked. */
export async function ticketSheet(
  app: FastifyInstance,
  staff: OfficeActor,
  period: Period,
  t: (k: string) => string,
): Promise<Sheet> {
  const rows: unknown[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await app.tickets.list({
      officeIds: staff.officeIds,
      createdFrom: period.from,
      createdTo: period.to,
      limit: PAGE,
      offset,
    });
    const assignments = await app.prisma.ticketAssignment.findMany({
      where: { ticketId: { in: page.items.map((i) => i.id) } },
    });
    const staffNames = new Map(
      (
        await app.prisma.staff.findMany({
          where: { id: { in: assignments.map((a) => a.staffId) } },
          select: { id: true, displayName: true },
        })
      ).map((s) => [s.id, s.displayName]),
    );
    const assignee = new Map(assignments.map((a) => [a.ticketId, staffNames.get(a.staffId) ?? '']));
    for (const item of page.items) {
      rows.push([
        item.number,
        t(`ledger:ticketType.${item.type}`),
        t(`ledger:ticketStatus.${item.status}`),
        t(`ledger:priority.${item.priority}`),
        item.office.name,
        item.regionCode,
        t(`ledger:industry.${item.industry}`),
        item.platform ?? '',
        item.employer ?? '',
        item.amountYuan ?? '',
        item.workerCount ?? '',
        item.collective ? t('ledger:yes') : t('ledger:no'),
        item.claimantNameMasked,
        item.phoneMasked,
        item.createdAt,
        item.dueAt,
        item.overdue ? t('ledger:yes') : t('ledger:no'),
        assignee.get(item.id) ?? '',
      ]);
    }
    if (page.items.length < PAGE) break;
  }
  return {
    name: t('ledger:sheet.tickets'),
    header: t('ledger:ticketHeader').split('|'),
    rows,
  };
}

/** 一函两书台账: the office's documents in the period. */
export async function documentSheet(
  app: FastifyInstance,
  staff: OfficeActor,
  period: Period,
  t: (k: string) => string,
): Promise<Sheet> {
  const docs = await app.supervision.list(staff);
  const inPeriod = docs.filter((d) => {
    const at = new Date(d.issuedAt).getTime();
    return (!period.from || at >= period.from.getTime()) && (!period.to || at <= period.to.getTime());
  });
  const ticketNumbers = new Map(
    (
      await app.prisma.ticket.findMany({
        where: { id: { in: inPeriod.flatMap((d) => d.ticketIds) } },
        select: { id: true, number: true },
      })
    ).map((row) => [row.id, row.number]),
  );
  return {
    name: t('ledger:sheet.documents'),
    header: t('ledger:documentHeader').split('|'),
    rows: inPeriod.map((d) => [
      d.number,
      t(`ledger:documentKind.${d.kind}`),
      d.recipient,
      d.employer ?? '',
      d.issuedAt,
      d.deadlineAt ?? '',
      t(`ledger:documentStatus.${d.status}`),
      d.repliedAt ?? '',
      d.copiedToProcuratorate ? t('ledger:yes') : t('ledger:no'),
      d.ticketIds.map((id) => ticketNumbers.get(id) ?? '').join(' '),
    ]),
  };
}
