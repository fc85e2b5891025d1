import type { FastifyInstance } from 'fastify';
import type { ArbitrationLimit } from '../measures/arbitration-limit.js';
import type { OfficeActor } from '../offices/office-actor.js';
import { regionLabel } from '../regions/region-label.js';

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
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * A stored instant as a China wall-clock time, "2026-12-03 00:06:05": the ledger is read in
 * China, and its header names the zone (北京时间 UTC+8), so nobody reads UTC as local time.
 */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** 仲裁时效 in a cell: the last day, 不受限 while employed, or what is not known yet. */
function limitCell(limit: ArbitrationLimit, t: (k: string) => string): string {
  if (limit.kind === 'date') return limit.lastDay;
  return limit.kind === 'none-while-employed' ? t('ledger:limit.none') : t('ledger:limit.unknown');
}

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
    const assignees = await app.ticketReads.assignees(page.items.map((i) => i.id));
    const staffNames = await app.staffAccounts.displayNames([...new Set(assignees.values())]);
    const assignee = new Map(
      [...assignees].map(([ticketId, staffId]) => [ticketId, staffNames.get(staffId) ?? '']),
    );
    const measures = await app.measures.ledgerColumns(
      page.items.map((i) => ({ id: i.id, type: i.type, employer: i.employer ?? null })),
    );
    for (const item of page.items) {
      const measure = measures.get(item.id);
      rows.push([
        item.number,
        t(`ledger:ticketType.${item.type}`),
        t(`ledger:ticketStatus.${item.status}`),
        t(`ledger:priority.${item.priority}`),
        item.office.name,
        item.regionCode,
        regionLabel(item.regionCode, 'zh-CN'),
        t(`ledger:industry.${item.industry}`),
        item.platform ?? '',
        item.employer ?? '',
        item.amountYuan ?? '',
        item.workerCount ?? '',
        item.collective ? t('ledger:yes') : t('ledger:no'),
        item.claimantNameMasked,
        item.phoneMasked,
        chinaTime(item.createdAt),
        chinaTime(item.dueAt),
        item.overdue ? t('ledger:yes') : t('ledger:no'),
        assignee.get(item.id) ?? '',
        measure?.recovered ?? '',
        measure ? limitCell(measure.limit, t) : '',
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
  const ticketNumbers = await app.ticketReads.numbersByIds(inPeriod.flatMap((d) => d.ticketIds));
  return {
    name: t('ledger:sheet.documents'),
    header: t('ledger:documentHeader').split('|'),
    rows: inPeriod.map((d) => [
      d.number,
      t(`ledger:documentKind.${d.kind}`),
      d.recipient,
      d.employer ?? '',
      chinaTime(d.issuedAt),
      chinaTime(d.deadlineAt),
      t(`ledger:documentStatus.${d.status}`),
      chinaTime(d.repliedAt),
      d.copiedToProcuratorate ? t('ledger:yes') : t('ledger:no'),
      d.ticketIds.map((id) => ticketNumbers.get(id) ?? '').join(' '),
    ]),
  };
}
