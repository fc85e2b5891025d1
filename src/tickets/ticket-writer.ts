import { randomUUID } from 'node:crypto';
import { insertRows, type SqlValue } from '../offices/raw-insert.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { DatabaseEngine } from '../platform/db/database-engine.js';
import type { Prisma } from '../platform/db/db-types.js';
import { dialectOf } from '../platform/db/sql-dialect.js';
import { chinaDay, formatTicketNumber } from './numbering.js';

export type TicketRow = Omit<Prisma.TicketCreateManyInput, 'id' | 'number'>;
export interface WrittenTicket {
  id: string;
  number: string;
}

interface Pending {
  row: TicketRow;
  actor: string;
  note: string | null;
  resolve: (written: WrittenTicket) => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 256;

const TICKET_COLUMNS = [
  'id',
  'number',
  'queryCode',
  'type',
  'status',
  'priority',
  'priorityReasons',
  'dueAt',
  'officeId',
  'routingRuleId',
  'regionCode',
  'industry',
  'platform',
  'employer',
  'amountYuan',
  'amountApprox',
  'periodText',
  'periodMonths',
  'workerCount',
  'workerCountApprox',
  'collective',
  'vulnerable',
  'evidence',
  'wants',
  'descriptionEnc',
  'claimantNameEnc',
  'claimantPhoneEnc',
  'claimantIdEnc',
  'phoneIndex',
  'channel',
  'conversationId',
  'locale',
  'consentVersion',
  'consentAt',
  'createdAt',
  'updatedAt',
] as const;
const EVENT_COLUMNS = [
  'id',
  'ticketId',
  'type',
  'actor',
  'fromStatus',
  'toStatus',
  'fromOfficeId',
  'toOfficeId',
  'note',
  'createdAt',
] as const;

function ticketValues(row: TicketRow & { id: string; number: string }): SqlValue[] {
  const created = (row.createdAt as Date | undefined) ?? new Date();
  return TICKET_COLUMNS.map((column): SqlValue => {
    if (column === 'updatedAt') return created;
    if (column === 'createdAt') return created;
    const value = (row as Record<string, unknown>)[column];
    if (value === undefined || value === null) {
      // Columns with database defaults.
      if (
        column === 'amountApprox' ||
        column === 'workerCountApprox' ||
        column === 'collective' ||
        column === 'vulnerable'
      )
        return false;
      return null;
    }
    // Dates and booleans as they are: the dialect writes them the way its engine stores them.
    return value as SqlValue;
  });
}

/**
 * The day's counter, taken and advanced by a batch in one statement (the row lock it takes holds
 * other writers, other instances too, until this transaction commits): the same upsert, in each
 * engine's placeholders and with PostgreSQL's table-qualified reference to the old value.
 */
const TAKE_NUMBERS: Record<DatabaseEngine, string> = {
  sqlite: `INSERT INTO "TicketCounter" ("day", "last") VALUES (?, ?)
    ON CONFLICT ("day") DO UPDATE SET "last" = "last" + excluded."last" RETURNING "last"`,
  postgres: `INSERT INTO "TicketCounter" ("day", "last") VALUES ($1, $2)
    ON CONFLICT ("day") DO UPDATE SET "last" = "TicketCounter"."last" + excluded."last" RETURNING "last"`,
};

/**
 * Group commit: tickets filed at the same moment are numbered and written in one transaction
 * (one fsync instead of one each; SQLite runs synchronous=FULL, PostgreSQL fsyncs each commit). Each caller's promise resolves
 * only after the transaction that holds its ticket has committed, so an acknowledged ticket is
 * on disk. A failed batch rejects every caller in it; none is half-written.
 */
export function createTicketWriter(prisma: Db, now: () => Date) {
  const dialect = dialectOf(prisma);
  let queue: Pending[] = [];
  let flushing: Promise<void> | undefined;

  async function writeBatch(batch: Pending[]): Promise<WrittenTicket[]> {
    const day = chinaDay(now());
    return prisma.$transaction(async (tx) => {
      const [counter] = await tx.$queryRawUnsafe<{ last: number | bigint }[]>(
        TAKE_NUMBERS[dialect.engine],
        day,
        batch.length,
      );
      const first = Number(counter!.last) - batch.length + 1;
      const written = batch.map((_, i) => ({ id: randomUUID(), number: formatTicketNumber(day, first + i) }));
      // One multi-row INSERT per table: Prisma's createMany costs milliseconds per row on the JS
      // engine, a raw statement through the same connection and transaction costs microseconds.
      await insertRows(
        tx,
        dialect,
        'Ticket',
        TICKET_COLUMNS,
        batch.map((item, i) => ticketValues({ ...item.row, id: written[i]!.id, number: written[i]!.number })),
      );
      await insertRows(
        tx,
        dialect,
        'TicketEvent',
        EVENT_COLUMNS,
        batch.map((item, i) => [
          randomUUID(),
          written[i]!.id,
          'created',
          item.actor,
          null,
          'submitted',
          null,
          item.row.officeId,
          item.note,
          item.row.createdAt as Date,
        ]),
      );
      return written;
    });
  }

  async function drain(): Promise<void> {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        const written = await writeBatch(batch);
        for (const [i, item] of batch.entries()) item.resolve(written[i]!);
      } catch (err) {
        for (const item of batch) item.reject(err);
      }
    }
  }

  function schedule(): void {
    if (flushing) return;
    // Wait one tick so callers arriving together share the transaction.
    flushing = new Promise<void>((done) => setImmediate(done)).then(drain).finally(() => {
      flushing = undefined;
      // Something queued between the last loop check and here: go again.
      if (queue.length) schedule();
    });
  }

  return {
    write(row: TicketRow, actor: string, note: string | null): Promise<WrittenTicket> {
      return new Promise<WrittenTicket>((resolve, reject) => {
        queue.push({ row, actor, note, resolve, reject });
        schedule();
      });
    },
    /** Resolves when everything queued so far is written. */
    async settle(): Promise<void> {
      while (flushing) await flushing;
    },
  };
}
