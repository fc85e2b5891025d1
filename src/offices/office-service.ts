import type { Db } from '../platform/db/create-prisma.js';
import { dialectOf } from '../platform/db/sql-dialect.js';
import { DomainError } from '../platform/domain-error.js';
import { normalizeCode } from '../regions/region-index.js';
import type { ImportBatch } from './office-import.js';
import {
  type Industry,
  NATIONAL_OFFICE_CODE,
  type OfficeView,
  type RoutingRuleView,
} from './office-types.js';
import {
  checkOfficeInput,
  checkRule,
  type OfficeInput,
  type OfficeListFilter,
  type RuleInput,
  toOfficeView,
  toRuleView,
} from './office-views.js';
import { readPreparedSeed } from './prepared-seed.js';
import { insertRows } from './raw-insert.js';

export type { OfficeInput, OfficeListFilter, RuleInput } from './office-views.js';
export { toOfficeView } from './office-views.js';

import { createOfficeAccess } from './office-access-service.js';
import type { OfficeActor } from './office-actor.js';
import { officeEditsFor } from './office-staff-edits.js';
import { type Directory, type RouteDecision, routeTicket, sortRules } from './route-ticket.js';

export function createOfficeService(deps: { prisma: Db; collectiveUp: boolean }) {
  const { prisma } = deps;
  let directory: Directory | undefined;
  let loading: Promise<Directory> | undefined;

  async function load(): Promise<Directory> {
    const [offices, rules] = await Promise.all([
      prisma.unionOffice.findMany(),
      prisma.routingRule.findMany({ where: { active: true } }),
    ]);
    const byId = new Map<string, OfficeView>();
    const regional = new Map<string, OfficeView>();
    for (const row of offices) {
      const view = toOfficeView(row);
      byId.set(view.id, view);
      if (view.kind === 'regional' && view.active) regional.set(view.regionCode, view);
    }
    const national = [...byId.values()].find((o) => o.code === NATIONAL_OFFICE_CODE);
    if (!national) throw new Error('the office directory has no national federation: run the seed first');
    return { offices: byId, regional, rules: sortRules(rules.map(toRuleView)), national };
  }

  async function current(): Promise<Directory> {
    if (directory) return directory;
    loading ??= load().finally(() => {
      loading = undefined;
    });
    directory = await loading;
    return directory;
  }

  function invalidate() {
    directory = undefined;
  }

  async function requireOffice(id: string): Promise<OfficeView> {
    const office = (await current()).offices.get(id);
    if (!office) throw new DomainError('not-found', `No union office ${id}.`);
    return office;
  }

  const service = {
    /** Insert the national, province, city and county federations that are not there yet. */
    async ensureSeeded(): Promise<number> {
      // Prepared data, not GB/T 2260 itself: no region index to build before listening.
      const seed = readPreparedSeed();
      const existing = new Set(
        (await prisma.unionOffice.findMany({ select: { code: true } })).map((row) => row.code),
      );
      const missing = seed.filter((row) => !existing.has(row.code));
      // Parents before children: the seed lists national, provinces, cities, counties in order.
      const at = new Date();
      await prisma.$transaction(async (tx) =>
        insertRows(
          tx,
          dialectOf(prisma),
          'UnionOffice',
          [
            'id',
            'code',
            'name',
            'kind',
            'level',
            'regionCode',
            'parentId',
            'contactLoaded',
            'active',
            'createdAt',
            'updatedAt',
          ],
          missing.map((o) => [
            o.id,
            o.code,
            o.name,
            o.kind,
            o.level,
            o.regionCode,
            o.parentId,
            false,
            true,
            at,
            at,
          ]),
        ),
      );
      if (missing.length) invalidate();
      return missing.length;
    },

    async get(id: string): Promise<OfficeView | undefined> {
      const cached = (await current()).offices.get(id);
      if (cached) return cached;
      // Written outside this service (a fixture, a script): read it, and rebuild the cache.
      const row = await prisma.unionOffice.findUnique({ where: { id } });
      if (row) invalidate();
      return row ? toOfficeView(row) : undefined;
    },

    async getByCode(code: string): Promise<OfficeView | undefined> {
      for (const office of (await current()).offices.values()) if (office.code === code) return office;
      return undefined;
    },

    async list(filter: OfficeListFilter = {}): Promise<{ total: number; items: OfficeView[] }> {
      const all = [...(await current()).offices.values()].filter(
        (o) =>
          (!filter.regionCode ||
            o.regionCode.startsWith(normalizeCode(filter.regionCode).replace(/0+$/, ''))) &&
          (!filter.kind || o.kind === filter.kind) &&
          (!filter.level || o.level === filter.level) &&
          (!filter.parentId || o.parentId === filter.parentId) &&
          (!filter.industry || o.industry === filter.industry) &&
          (!filter.ids || filter.ids.includes(o.id)) &&
          (!filter.q || o.name.includes(filter.q) || o.code.includes(filter.q)),
      );
      all.sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.code.localeCompare(b.code));
      const offset = filter.offset ?? 0;
      return { total: all.length, items: all.slice(offset, offset + (filter.limit ?? 50)) };
    },

    async children(officeId: string): Promise<OfficeView[]> {
      const rows = await prisma.unionOffice.findMany({
        where: { parentId: officeId },
        orderBy: { code: 'asc' },
      });
      return rows.map(toOfficeView);
    },

    async route(regionCode: string, industry: Industry, collective: boolean): Promise<RouteDecision> {
      return routeTicket(await current(), { regionCode, industry, collective }, deps.collectiveUp);
    },

    /** Synchronous routing on a loaded directory (benchmarks; call `route` once first). */
    routeLoaded(regionCode: string, industry: Industry, collective: boolean): RouteDecision {
      if (!directory) throw new Error('directory not loaded');
      return routeTicket(directory, { regionCode, industry, collective }, deps.collectiveUp);
    },

    async create(input: OfficeInput): Promise<OfficeView> {
      checkOfficeInput(input);
      if (input.parentId) await requireOffice(input.parentId);
      if (await service.getByCode(input.code))
        throw new DomainError('conflict', `Office code ${input.code} is taken.`);
      const row = await prisma.unionOffice.create({
        data: {
          ...input,
          regionCode: normalizeCode(input.regionCode),
          kind: input.kind ?? 'industry',
          contactLoaded: Boolean(input.phone || input.address),
        },
      });
      invalidate();
      return toOfficeView(row);
    },

    async update(id: string, patch: Partial<OfficeInput>): Promise<OfficeView> {
      await requireOffice(id);
      checkOfficeInput(patch);
      if (patch.parentId === id) throw new DomainError('invalid', 'An office cannot be its own parent.');
      if (patch.parentId) await requireOffice(patch.parentId);
      const contactChanged = patch.phone !== undefined || patch.address !== undefined;
      const row = await prisma.unionOffice.update({
        where: { id },
        data: {
          ...patch,
          ...(patch.regionCode ? { regionCode: normalizeCode(patch.regionCode) } : {}),
          ...(contactChanged ? { contactLoaded: Boolean(patch.phone || patch.address) } : {}),
        },
      });
      invalidate();
      return toOfficeView(row);
    },

    async listRules(): Promise<RoutingRuleView[]> {
      return sortRules((await prisma.routingRule.findMany()).map(toRuleView));
    },

    async createRule(input: RuleInput): Promise<RoutingRuleView> {
      checkRule(input);
      await requireOffice(input.officeId);
      const row = await prisma.routingRule.create({ data: { ...input, regionPrefix: input.regionPrefix } });
      invalidate();
      return toRuleView(row);
    },

    async updateRule(id: string, patch: Partial<RuleInput>): Promise<RoutingRuleView> {
      const existing = await prisma.routingRule.findUnique({ where: { id } });
      if (!existing) throw new DomainError('not-found', `No routing rule ${id}.`);
      checkRule({ ...toRuleView(existing), ...patch });
      if (patch.officeId) await requireOffice(patch.officeId);
      const row = await prisma.routingRule.update({ where: { id }, data: patch });
      invalidate();
      return toRuleView(row);
    },

    async deleteRule(id: string): Promise<void> {
      const { count } = await prisma.routingRule.deleteMany({ where: { id } });
      if (!count) throw new DomainError('not-found', `No routing rule ${id}.`);
      invalidate();
    },

    /**
     * Apply an import in one transaction: offices upserted by code (parents may be earlier rows
     * of the same import), rules replaced when one with the same region, industry, collective
     * and office exists. Nothing is written when any row is wrong.
     */
    async import(batch: ImportBatch): Promise<{ offices: number; rules: number }> {
      if (batch.errors.length)
        throw new DomainError('invalid', `Import refused: ${batch.errors.slice(0, 10).join('; ')}`);
      const known = new Map([...(await current()).offices.values()].map((o) => [o.code, o.id]));
      const result = await prisma.$transaction(async (tx) => {
        for (const office of batch.offices) {
          const parentId = office.parentCode ? known.get(office.parentCode) : null;
          if (office.parentCode && !parentId)
            throw new DomainError('invalid', `Import refused: unknown parentCode ${office.parentCode}`);
          const { parentCode: _parent, ...fields } = office;
          const data = { ...fields, parentId, contactLoaded: Boolean(office.phone || office.address) };
          const row = await tx.unionOffice.upsert({
            where: { code: office.code },
            create: data,
            update: data,
          });
          known.set(row.code, row.id);
        }
        for (const rule of batch.rules) {
          const officeId = known.get(rule.officeCode);
          if (!officeId)
            throw new DomainError('invalid', `Import refused: unknown officeCode ${rule.officeCode}`);
          const { officeCode: _code, ...fields } = rule;
          const same = await tx.routingRule.findFirst({
            where: {
              regionPrefix: rule.regionPrefix,
              industry: rule.industry,
              collective: rule.collective,
              officeId,
            },
          });
          if (same) await tx.routingRule.update({ where: { id: same.id }, data: { ...fields, officeId } });
          else await tx.routingRule.create({ data: { ...fields, officeId } });
        }
        return { offices: batch.offices.length, rules: batch.rules.length };
      });
      invalidate();
      return result;
    },

    /** Forget the cached directory (after offices were changed outside this service). */
    reload: invalidate,

    /** The loaded directory (the access rule reads it). */
    directory: current,

    /** The directory as this staff member may edit it (office-access.ts checks every write). */
    by: (actor: OfficeActor) => officeEditsFor(service, actor),

    /** Scope questions other domains' staff routes ask (stations, transfers, grants). */
    access: createOfficeAccess(current),
  };
  return service;
}

export type OfficeService = ReturnType<typeof createOfficeService>;
