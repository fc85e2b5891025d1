import { DomainError } from '../platform/domain-error.js';
import { type AccessCheck, checkGrant, checkTransfer, isNationalAdmin, ownsArea } from './office-access.js';
import type { OfficeActor } from './office-actor.js';
import type { Directory } from './route-ticket.js';

function enforce(check: AccessCheck): void {
  if (!check.ok) throw new DomainError(check.reason.kind, check.reason.message);
}

/**
 * `app.offices.access`: the rule of office-access.ts on the current directory, for routes
 * outside the office domain (stations, ticket transfers, accounts). The `assert…` methods throw
 * the DomainError the error handler turns into 400/403/404.
 */
export function createOfficeAccess(directory: () => Promise<Directory>) {
  return {
    async isNationalAdmin(actor: OfficeActor): Promise<boolean> {
      return isNationalAdmin(actor, await directory());
    },

    /** The place (a 6- or 9-digit code; none = unplaced, national only) is served by the actor. */
    async ownsArea(actor: OfficeActor, regionCode: string | null | undefined): Promise<boolean> {
      const loaded = await directory();
      return regionCode ? ownsArea(actor, loaded, regionCode) : isNationalAdmin(actor, loaded);
    },

    async assertTransfer(actor: OfficeActor, fromOfficeId: string, toOfficeId: string, reason?: string) {
      enforce(checkTransfer(actor, await directory(), fromOfficeId, toOfficeId, reason));
    },

    assertGrant(actor: OfficeActor, granted: Iterable<string>): void {
      enforce(checkGrant(actor, granted));
    },
  };
}

export type OfficeAccess = ReturnType<typeof createOfficeAccess>;
