import type { EmployerRegistry } from '../employers/employer-registry.js';
import { DomainError } from '../platform/domain-error.js';
import type { TicketType } from '../tickets/ticket-types.js';
import { type ArbitrationLimit, arbitrationLimit, parsePastDate } from './arbitration-limit.js';
import type { EmploymentFacts, MeasurePeriod, MeasureStore } from './measure-store.js';
import { fenToYuanText, parseRecoveredYuan } from './recovered-amount.js';
import { recoveredTotals } from './recovered-totals.js';

/** A ticket as the measures see it: its id, type and the employer name the worker typed. */
export interface MeasuredTicket {
  id: string;
  type: string;
  employer: string | null;
}

export interface NearLimit {
  number: string;
  status: string;
  employer: string | null;
  officeId: string;
  limit: Extract<ArbitrationLimit, { kind: 'date' }>;
}

/** Recovered amounts, limitation facts and the arbitration limit of each ticket. */
export function createMeasureService(deps: {
  store: MeasureStore;
  employers: EmployerRegistry;
  now?: () => Date;
}) {
  const { store, employers } = deps;
  const now = deps.now ?? (() => new Date());

  /** Check facts as staff or a form give them: real past dates; an end date means no longer employed. */
  function checkFacts(facts: EmploymentFacts): EmploymentFacts {
    const at = now();
    const date = (value: string | null | undefined, field: string) => {
      if (value === undefined || value === null) return value;
      const parsed = parsePastDate(value, at);
      if (!parsed.ok) throw new DomainError('invalid', `${field}: ${parsed.reason}`);
      return parsed.value;
    };
    const checked: EmploymentFacts = {
      ...facts,
      employmentEndedOn: date(facts.employmentEndedOn, 'employmentEndedOn'),
      violationKnownOn: date(facts.violationKnownOn, 'violationKnownOn'),
    };
    if (checked.stillEmployed === true && checked.employmentEndedOn) {
      throw new DomainError('invalid', 'A worker still employed has no employment end date.');
    }
    if (checked.employmentEndedOn && checked.stillEmployed === undefined) checked.stillEmployed = false;
    // Back at work (or never left): an end date recorded before no longer holds.
    if (checked.stillEmployed === true) checked.employmentEndedOn = null;
    return checked;
  }

  return {
    checkFacts,

    /** At filing: the employer entity registered, the facts the intake knew kept. */
    async onFiled(ticket: MeasuredTicket, facts: EmploymentFacts, creditCode?: string): Promise<void> {
      if (ticket.employer) await employers.ensure(ticket.employer, creditCode);
      const known = Object.values(facts).some((value) => value !== undefined && value !== null);
      if (known) await store.setFacts(ticket.id, facts);
    },

    async setFacts(ticketId: string, facts: EmploymentFacts) {
      await store.setFacts(ticketId, checkFacts(facts));
    },

    /** Validate before the ticket is closed, so a typo never closes it without its amount. */
    parseRecovered(input: string | number): number {
      const fen = parseRecoveredYuan(input);
      if (!fen.ok) throw new DomainError('invalid', fen.reason);
      return fen.value;
    },

    async setRecovered(ticketId: string, fen: number, staffId: string) {
      await store.setRecovered(ticketId, fen, staffId, now());
    },

    /** What the ticket's page shows: the amount recovered, the limit, the employer entity. */
    async forTicket(ticket: MeasuredTicket) {
      const [row, entity] = await Promise.all([
        store.get(ticket.id),
        ticket.employer ? employers.resolve([ticket.employer]) : Promise.resolve(new Map()),
      ]);
      const facts = {
        stillEmployed: row?.stillEmployed ?? null,
        employmentEndedOn: row?.employmentEndedOn ?? null,
        violationKnownOn: row?.violationKnownOn ?? null,
      };
      return {
        recovered:
          row?.recoveredFen === null || row?.recoveredFen === undefined
            ? null
            : { fen: row.recoveredFen, yuan: fenToYuanText(row.recoveredFen), at: row.recoveredAt },
        facts,
        limit: arbitrationLimit({ type: ticket.type as TicketType, ...facts }, now()),
        employer: ticket.employer ? (entity.get(ticket.employer) ?? null) : null,
        caseId: row?.caseId ?? null,
      };
    },

    /** For the ledger: each ticket's amount recovered (yuan text, '' if none) and its limit. */
    async ledgerColumns(tickets: MeasuredTicket[]) {
      const rows = new Map((await store.many(tickets.map((t) => t.id))).map((row) => [row.ticketId, row]));
      const at = now();
      return new Map(
        tickets.map((ticket) => {
          const row = rows.get(ticket.id);
          const facts = {
            stillEmployed: row?.stillEmployed ?? null,
            employmentEndedOn: row?.employmentEndedOn ?? null,
            violationKnownOn: row?.violationKnownOn ?? null,
          };
          const recovered =
            row?.recoveredFen === null || row?.recoveredFen === undefined
              ? ''
              : fenToYuanText(row.recoveredFen);
          return [
            ticket.id,
            { recovered, limit: arbitrationLimit({ type: ticket.type as TicketType, ...facts }, at) },
          ];
        }),
      );
    },

    /** The arbitration limit of one ticket, from the facts kept for it. */
    async limitOf(ticket: { id: string; type: string }): Promise<ArbitrationLimit> {
      const row = await store.get(ticket.id);
      return arbitrationLimit(
        {
          type: ticket.type as TicketType,
          stillEmployed: row?.stillEmployed ?? null,
          employmentEndedOn: row?.employmentEndedOn ?? null,
          violationKnownOn: row?.violationKnownOn ?? null,
        },
        now(),
      );
    },

    /** Open tickets, in every office, whose last day is `withinDays` away or less and not past. */
    async dueForReminders(withinDays: number, at: Date) {
      const rows = await store.openForReminders();
      return rows.flatMap((row) => {
        const limit = arbitrationLimit(
          {
            type: row.ticket.type as TicketType,
            stillEmployed: row.stillEmployed,
            employmentEndedOn: row.employmentEndedOn,
            violationKnownOn: row.violationKnownOn,
          },
          at,
        );
        if (limit.kind !== 'date' || limit.daysLeft < 0 || limit.daysLeft > withinDays) return [];
        return [{ ...row.ticket, limit }];
      });
    },

    /** Open tickets whose limit falls within `withinDays` (or has passed), soonest first. */
    async nearLimit(officeIds: string[], withinDays: number): Promise<NearLimit[]> {
      const rows = await store.openWithFacts(officeIds);
      const at = now();
      const near: NearLimit[] = [];
      for (const row of rows) {
        const limit = arbitrationLimit(
          {
            type: row.ticket.type as TicketType,
            stillEmployed: row.stillEmployed,
            employmentEndedOn: row.employmentEndedOn,
            violationKnownOn: row.violationKnownOn,
          },
          at,
        );
        if (limit.kind !== 'date' || limit.daysLeft > withinDays) continue;
        near.push({ ...row.ticket, limit });
      }
      return near.sort((a, b) => a.limit.daysLeft - b.limit.daysLeft);
    },

    recoveredTotals: (officeIds: string[], period: MeasurePeriod) =>
      recoveredTotals(store, employers, officeIds, period),
  };
}

export type MeasureService = ReturnType<typeof createMeasureService>;
