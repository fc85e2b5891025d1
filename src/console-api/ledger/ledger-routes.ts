import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { toCsv } from '../../ledger/csv.js';
import { dashboardCounts } from '../../ledger/dashboard.js';
import { documentSheet, type Period, ticketSheet } from '../../ledger/ledger-rows.js';
import { riskWarnings } from '../../ledger/risk-warnings.js';
import { toXlsx } from '../../ledger/xlsx.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { localeFromAcceptLanguage } from '../../platform/i18n/locales.js';
import { regionLabel } from '../../regions/region-label.js';

const PeriodQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
});
const CsvQuery = Type.Object({
  ...PeriodQuery.properties,
  sheet: Type.Optional(Type.Union([Type.Literal('tickets'), Type.Literal('documents')])),
});

/** "2026-11-01" is a day in China: from its first second to (for `to`) its last. */
function periodOf(query: { from?: string; to?: string }): Period {
  const from = query.from ? new Date(`${query.from}T00:00:00+08:00`) : undefined;
  const to = query.to ? new Date(`${query.to}T23:59:59.999+08:00`) : undefined;
  if (from && to && from > to) throw new HttpError(400, '`from` must not be after `to`.');
  return { from, to };
}

/** 工作台账 export (CSV, XLSX), the dashboard and the risk warnings. */
export async function ledgerRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['staff: ledger'];
  const exporters = app.staffGuard({ roles: ['admin', 'supervisor'] });
  const t = app.t('zh-CN');

  async function audited(request: FastifyRequest, format: string) {
    await app.staffAudit.record(request.staff, {
      action: 'export-ledger',
      subjectType: 'ledger',
      subjectId: format,
      officeId: request.staff.officeId,
    });
  }

  app.get(
    '/api/staff/ledger.csv',
    { schema: { tags, querystring: CsvQuery }, onRequest: exporters },
    async (request, reply) => {
      const query = request.query as { from?: string; to?: string; sheet?: 'tickets' | 'documents' };
      const period = periodOf(query);
      const sheet =
        query.sheet === 'documents'
          ? await documentSheet(app, request.staff, period, t)
          : await ticketSheet(app, request.staff, period, t);
      await audited(request, `csv:${query.sheet ?? 'tickets'}`);
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="ledger-${query.sheet ?? 'tickets'}.csv"`)
        .header('cache-control', 'no-store');
      return toCsv(sheet.header, sheet.rows);
    },
  );

  app.get(
    '/api/staff/ledger.xlsx',
    { schema: { tags, querystring: PeriodQuery }, onRequest: exporters },
    async (request, reply) => {
      const period = periodOf(request.query as { from?: string; to?: string });
      const sheets = [
        await ticketSheet(app, request.staff, period, t),
        await documentSheet(app, request.staff, period, t),
      ];
      await audited(request, 'xlsx');
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="ledger.xlsx"')
        .header('cache-control', 'no-store');
      return toXlsx(sheets);
    },
  );

  /** Spellings of one employer counted as one (employers/employer-registry.ts), most first. */
  async function byEntity(rows: { key: string; count: number }[]) {
    const entities = await app.employers.resolve(rows.map((r) => r.key));
    const merged = new Map<string, { key: string; employerId: string; count: number }>();
    for (const row of rows) {
      const entity = entities.get(row.key);
      const id = entity?.id ?? row.key;
      const seen = merged.get(id) ?? { key: entity?.name ?? row.key, employerId: id, count: 0 };
      seen.count += row.count;
      merged.set(id, seen);
    }
    return [...merged.values()].sort((a, b) => b.count - a.count);
  }

  app.get(
    '/api/staff/dashboard',
    { schema: { tags, querystring: PeriodQuery }, onRequest: app.staffGuard() },
    async (request) => {
      const period = periodOf(request.query as { from?: string; to?: string });
      const now = new Date();
      const locale = localeFromAcceptLanguage(request.headers['accept-language']);
      const counts = await dashboardCounts(
        { tickets: app.ticketReads, documents: (ids, p) => app.supervision.issuedIn(ids, p) },
        request.staff.officeIds,
        period,
        now,
      );
      // Places by name in the console's language (310104017 → 上海市徐汇区漕河泾街道).
      const byRegion = counts.tickets.byRegion.map((r) => ({ ...r, label: regionLabel(r.key, locale) }));
      // 追回金额 over the same tickets (same offices, same period), summed in fen.
      const recovered = await app.measures.recoveredTotals(request.staff.officeIds, period);
      return {
        ...counts,
        tickets: { ...counts.tickets, byRegion, byEmployer: await byEntity(counts.tickets.byEmployer) },
        recovered: {
          ...recovered,
          byRegion: recovered.byRegion.map((r) => ({ ...r, label: regionLabel(r.key, locale) })),
        },
        risks: await riskWarnings(app.ticketReads, request.staff.officeIds, now, app.employers),
      };
    },
  );

  app.get('/api/staff/risks', { schema: { tags }, onRequest: app.staffGuard() }, async (request) => ({
    risks: await riskWarnings(app.ticketReads, request.staff.officeIds, new Date(), app.employers),
  }));
}
