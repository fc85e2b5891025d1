import type { Db } from '../platform/db/create-prisma.js';
import { DomainError } from '../platform/domain-error.js';
import { employerKey, parseEmployerKey, samePlace } from '../tickets/employer-key.js';
import { parseCreditCode } from './credit-code.js';

export interface EmployerEntity {
  /** The Employer row's id, or `name:<key>` for a name no ticket has registered yet. */
  id: string;
  name: string;
  creditCode: string | null;
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'P2002';

/**
 * Employers as one entity. Every spelling a worker types is reduced to a key (employer-key.ts);
 * each key points at one Employer; staff merge two entities when the key could not tell (a
 * brand and its registered name), and a 统一社会信用代码 ties spellings to the same entity.
 */
export function createEmployerRegistry(prisma: Db) {
  async function entity(id: string): Promise<EmployerEntity | undefined> {
    let row = await prisma.employer.findUnique({ where: { id } });
    // A merged entity answers with the one it went into (names already point there).
    for (let hops = 0; row?.mergedIntoId && hops < 10; hops++) {
      row = await prisma.employer.findUnique({ where: { id: row.mergedIntoId } });
    }
    return row ? { id: row.id, name: row.name, creditCode: row.creditCode } : undefined;
  }

  /**
   * A key seen for the first time may still name a known employer: "速达配送" (no place) and
   * "上海速达配送", or 广东 and 深圳 spellings. The one entity whose every spelling fits the key's
   * place; none when no entity or more than one does (staff merge those by hand).
   */
  async function fittingEntityId(key: string): Promise<string | undefined> {
    const { bare, place } = parseEmployerKey(key);
    const rows = await prisma.employerName.findMany({ where: { key: { endsWith: `:${bare}` } } });
    const placesOf = new Map<string, string[]>();
    for (const row of rows) {
      const parts = parseEmployerKey(row.key);
      if (parts.bare !== bare) continue;
      placesOf.set(row.employerId, [...(placesOf.get(row.employerId) ?? []), parts.place]);
    }
    const fitting = [...placesOf].filter(([, places]) => places.every((other) => samePlace(place, other)));
    if (fitting.length !== 1) return undefined;
    return (await entity((fitting[0] as [string, string[]])[0]))?.id;
  }

  const registry = {
    entity,

    /** The entity a ticket's employer name means, registering the name (and code) on first sight. */
    async ensure(name: string, creditCode?: string): Promise<EmployerEntity | undefined> {
      const key = employerKey(name);
      if (!key) return undefined;
      const code = creditCode ? parseCreditCode(creditCode) : undefined;
      if (code && !code.ok) throw new DomainError('invalid', code.reason);
      const known = await prisma.employerName.findUnique({ where: { key } });
      if (known) {
        const found = await entity(known.employerId);
        if (found && code?.ok && !found.creditCode) {
          const holder = await prisma.employer.findUnique({ where: { creditCode: code.value } });
          // Another entity already holds the code: staff decide whether to merge.
          if (!holder)
            await prisma.employer.update({ where: { id: found.id }, data: { creditCode: code.value } });
        }
        return entity(known.employerId);
      }
      const byCode = code?.ok
        ? await prisma.employer.findUnique({ where: { creditCode: code.value } })
        : null;
      try {
        const employerId =
          byCode?.id ??
          (await fittingEntityId(key)) ??
          (
            await prisma.employer.create({
              data: { name: name.trim(), creditCode: code?.ok ? code.value : null },
            })
          ).id;
        await prisma.employerName.create({ data: { key, name: name.trim(), employerId } });
      } catch (err) {
        // Two tickets with the same new name at once: the other one registered it.
        if (!isUniqueViolation(err)) throw err;
      }
      const row = await prisma.employerName.findUniqueOrThrow({ where: { key } });
      return entity(row.employerId);
    },

    /** The entity of each employer name (names never registered get a stand-in keyed by name). */
    async resolve(names: (string | null)[]): Promise<Map<string, EmployerEntity>> {
      const keys = [...new Set(names.map(employerKey).filter(Boolean))];
      const rows = keys.length ? await prisma.employerName.findMany({ where: { key: { in: keys } } }) : [];
      const ids = [...new Set(rows.map((row) => row.employerId))];
      // One query for all; names point at live entities (a merge moves them), so hops are rare.
      const found = ids.length ? await prisma.employer.findMany({ where: { id: { in: ids } } }) : [];
      const entities = new Map<string, EmployerEntity>();
      for (const row of found) {
        const live = row.mergedIntoId
          ? await entity(row.id)
          : { id: row.id, name: row.name, creditCode: row.creditCode };
        if (live) entities.set(row.id, live);
      }
      const byKey = new Map<string, EmployerEntity>();
      for (const row of rows) {
        const found = entities.get(row.employerId);
        if (found) byKey.set(row.key, found);
      }
      const out = new Map<string, EmployerEntity>();
      for (const name of names) {
        const key = employerKey(name);
        if (!key || !name) continue;
        if (!byKey.has(key)) {
          const fitting = await fittingEntityId(key);
          const found = fitting ? await entity(fitting) : undefined;
          if (found) byKey.set(key, found);
        }
        out.set(name, byKey.get(key) ?? { id: `name:${key}`, name: name.trim(), creditCode: null });
      }
      return out;
    },

    /** Every spelling registered for the entity. */
    async names(id: string): Promise<string[]> {
      const rows = await prisma.employerName.findMany({
        where: { employerId: id },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => row.name);
    },

    async setCreditCode(id: string, input: string): Promise<EmployerEntity> {
      const code = parseCreditCode(input);
      if (!code.ok) throw new DomainError('invalid', code.reason);
      const holder = await prisma.employer.findUnique({ where: { creditCode: code.value } });
      if (holder && holder.id !== id) {
        throw new DomainError(
          'conflict',
          'Another employer has this 统一社会信用代码: merge the two instead.',
        );
      }
      await prisma.employer.update({ where: { id }, data: { creditCode: code.value } });
      return (await entity(id)) as EmployerEntity;
    },

    /**
     * Merge `fromId` into `intoId`: its names, its cases and (when `into` has none) its credit code
     * move over, and `from` remembers where it went. One transaction: a half-merged employer would
     * count twice.
     */
    async merge(fromId: string, intoId: string): Promise<EmployerEntity> {
      if (fromId === intoId) throw new DomainError('invalid', 'An employer cannot be merged into itself.');
      const [from, into] = await Promise.all([
        prisma.employer.findUnique({ where: { id: fromId } }),
        prisma.employer.findUnique({ where: { id: intoId } }),
      ]);
      if (!from || !into || from.mergedIntoId || into.mergedIntoId) {
        throw new DomainError('not-found', 'No such employer (or it was merged already).');
      }
      if (from.creditCode && into.creditCode && from.creditCode !== into.creditCode) {
        throw new DomainError(
          'conflict',
          'The two employers have different 统一社会信用代码: they are not one.',
        );
      }
      const moveCode = from.creditCode && !into.creditCode ? from.creditCode : null;
      await prisma.$transaction([
        prisma.employerName.updateMany({ where: { employerId: fromId }, data: { employerId: intoId } }),
        prisma.collectiveCase.updateMany({ where: { employerId: fromId }, data: { employerId: intoId } }),
        prisma.employer.update({ where: { id: fromId }, data: { mergedIntoId: intoId, creditCode: null } }),
        ...(moveCode
          ? [prisma.employer.update({ where: { id: intoId }, data: { creditCode: moveCode } })]
          : []),
      ]);
      return (await entity(intoId)) as EmployerEntity;
    },
  };
  return registry;
}

export type EmployerRegistry = ReturnType<typeof createEmployerRegistry>;
