import { DomainError } from '../platform/domain-error.js';
import {
  type AccessCheck,
  checkOfficeWrite,
  checkRuleWrite,
  isNationalAdmin,
  seesRule,
} from './office-access.js';
import type { OfficeActor } from './office-actor.js';
import type { ImportBatch } from './office-import.js';
import type { OfficeView, RoutingRuleView } from './office-types.js';
import type { OfficeInput, RuleInput } from './office-views.js';
import type { Directory } from './route-ticket.js';

/** The parts of the office service a staff member's edits go through (structural: no import cycle). */
export interface OfficeWrites {
  directory(): Promise<Directory>;
  get(id: string): Promise<OfficeView | undefined>;
  create(input: OfficeInput): Promise<OfficeView>;
  update(id: string, patch: Partial<OfficeInput>): Promise<OfficeView>;
  listRules(): Promise<RoutingRuleView[]>;
  createRule(input: RuleInput): Promise<RoutingRuleView>;
  updateRule(id: string, patch: Partial<RuleInput>): Promise<RoutingRuleView>;
  deleteRule(id: string): Promise<void>;
  import(batch: ImportBatch): Promise<{ offices: number; rules: number }>;
}

function enforce(check: AccessCheck): void {
  if (!check.ok) throw new DomainError(check.reason.kind, check.reason.message);
}

/**
 * The office directory as one staff member may change it: every write is checked against
 * office-access.ts before it reaches the service. The console's routes use only this; the
 * service's own methods stay for the seed, the CLI and tests, which act as the system.
 */
export function officeEditsFor(service: OfficeWrites, actor: OfficeActor) {
  async function rule(id: string): Promise<RoutingRuleView> {
    const found = (await service.listRules()).find((r) => r.id === id);
    if (!found) throw new DomainError('not-found', `No routing rule ${id}.`);
    return found;
  }
  /** A rule the actor may not even see is "not found", like any other office's resource. */
  async function ruleInReach(id: string): Promise<RoutingRuleView> {
    const found = await rule(id);
    const directory = await service.directory();
    if (!seesRule(actor, directory, found)) throw new DomainError('not-found', `No routing rule ${id}.`);
    enforce(checkRuleWrite(actor, directory, found));
    return found;
  }

  return {
    async create(input: OfficeInput): Promise<OfficeView> {
      enforce(checkOfficeWrite(actor, await service.directory(), undefined, input));
      return service.create(input);
    },

    async update(id: string, patch: Partial<OfficeInput>): Promise<OfficeView> {
      const before = await service.get(id);
      if (!before) throw new DomainError('not-found', `No union office ${id}.`);
      enforce(checkOfficeWrite(actor, await service.directory(), before, patch));
      return service.update(id, patch);
    },

    async listRules(): Promise<RoutingRuleView[]> {
      const directory = await service.directory();
      return (await service.listRules()).filter((r) => seesRule(actor, directory, r));
    },

    async createRule(input: RuleInput): Promise<RoutingRuleView> {
      enforce(checkRuleWrite(actor, await service.directory(), input));
      return service.createRule(input);
    },

    async updateRule(id: string, patch: Partial<RuleInput>): Promise<RoutingRuleView> {
      const before = await ruleInReach(id);
      enforce(checkRuleWrite(actor, await service.directory(), { ...before, ...patch }));
      return service.updateRule(id, patch);
    },

    async deleteRule(id: string): Promise<void> {
      await ruleInReach(id);
      await service.deleteRule(id);
    },

    /** A bulk import re-draws the directory anywhere in the country: the national admin's job. */
    async import(batch: ImportBatch) {
      if (!isNationalAdmin(actor, await service.directory()))
        throw new DomainError('forbidden', 'Only the national admin imports offices and routing rules.');
      return service.import(batch);
    },
  };
}

export type OfficeEdits = ReturnType<typeof officeEditsFor>;
