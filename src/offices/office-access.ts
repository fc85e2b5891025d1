import type { DomainErrorKind } from '../platform/domain-error.js';
import { fail, ok, type Result } from '../platform/result.js';
import { normalizeCode } from '../regions/region-index.js';
import { type OfficeActor, sees } from './office-actor.js';
import type { RoutingRuleView } from './office-types.js';
import type { OfficeInput } from './office-views.js';
import { type Directory, regionPrefixes } from './route-ticket.js';

/**
 * The one rule for what a staff member may do to the office directory and across offices.
 * Every staff route and the staff socket reach it (through `app.offices.access` or
 * `app.offices.by(actor)`), so there is one answer to "may this person touch that office":
 *
 * - staff see and act on the offices in their scope (`officeIds`: their own, extra ones granted,
 *   and everything below when the account includes sub-offices) — nothing else;
 * - nobody grants more than they have: an account's scope must lie inside the granter's;
 * - an admin edits offices and routing rules only inside their scope, and only for areas whose
 *   federations are all theirs; the national admin (an admin of 中华全国总工会) edits anywhere;
 * - a ticket is transferred only to an office the actor sees, or to the parent of the office
 *   that holds it, and always with a reason.
 */
export type Denial = {
  kind: Extract<DomainErrorKind, 'forbidden' | 'not-found' | 'invalid'>;
  message: string;
};
export type AccessCheck = Result<true, Denial>;

const CONTACT_FIELDS = ['phone', 'address', 'email', 'hours'];
const deny = (kind: Denial['kind'], message: string): AccessCheck => fail({ kind, message });

/** "310115" → "310115", "310100" → "3101", "310000" → "31", "000000" → "": the prefix a code covers. */
export function areaPrefix(code: string): string {
  let prefix = normalizeCode(code).slice(0, 6);
  while (prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

export function isNationalAdmin(actor: OfficeActor, directory: Directory): boolean {
  return actor.role === 'admin' && actor.officeId === directory.national.id;
}

/**
 * The area's own federation (the office routing falls back to at or above `code`) is in scope:
 * the actor answers for that place. A station there, or an office placed there, is theirs.
 */
export function ownsArea(actor: OfficeActor, directory: Directory, code: string): boolean {
  if (isNationalAdmin(actor, directory)) return true;
  const padded = areaPrefix(code).padEnd(6, '0');
  const federation =
    (padded === '000000' ? [] : regionPrefixes(padded))
      .map((prefix) => directory.regional.get(prefix))
      .find((office) => office !== undefined) ?? directory.national;
  return sees(actor, federation.id);
}

/**
 * Every federation in the area (the one at its top and all below) is in scope. A routing rule
 * for a prefix catches every case beneath it, so writing one needs the whole area.
 */
export function governsArea(actor: OfficeActor, directory: Directory, prefix: string): boolean {
  if (isNationalAdmin(actor, directory)) return true;
  if (!ownsArea(actor, directory, prefix.padEnd(6, '0'))) return false;
  for (const office of directory.regional.values()) {
    if (office.regionCode.startsWith(prefix) && !sees(actor, office.id)) return false;
  }
  return true;
}

/** Create (`before` undefined) or change an office. */
export function checkOfficeWrite(
  actor: OfficeActor,
  directory: Directory,
  before: { id: string; parentId: string | null; regionCode: string } | undefined,
  change: Partial<OfficeInput>,
): AccessCheck {
  if (before && !sees(actor, before.id) && !isNationalAdmin(actor, directory))
    return deny('not-found', `No union office ${before.id}.`);
  const contactOnly = Object.keys(change).every((key) => CONTACT_FIELDS.includes(key));
  if (actor.role === 'supervisor' && before && contactOnly) return ok(true);
  if (actor.role !== 'admin')
    return deny(
      'forbidden',
      'Only an admin edits offices; a supervisor may update their own office’s contact.',
    );
  if (isNationalAdmin(actor, directory)) return ok(true);
  const parentChanges = before ? 'parentId' in change && change.parentId !== before.parentId : true;
  if (parentChanges) {
    // Moving an office re-draws two subtrees: both ends must be the actor's. A new office needs a parent.
    const ends = before ? [before.parentId, change.parentId ?? null] : [change.parentId ?? null];
    if (ends.some((id) => id === null || !sees(actor, id)))
      return deny('forbidden', 'An office can only be placed under (or moved between) offices you serve.');
  }
  const regionCode = change.regionCode ?? before?.regionCode;
  if (regionCode && (!before || change.regionCode !== undefined) && !ownsArea(actor, directory, regionCode))
    return deny('forbidden', `Region ${regionCode} is served by a federation outside your offices.`);
  return ok(true);
}

/** Create, change or delete a routing rule: it must send to an office the actor serves, for an area they govern. */
export function checkRuleWrite(
  actor: OfficeActor,
  directory: Directory,
  rule: Pick<RoutingRuleView, 'regionPrefix' | 'officeId'>,
): AccessCheck {
  if (actor.role !== 'admin') return deny('forbidden', 'Only an admin edits routing rules.');
  if (isNationalAdmin(actor, directory)) return ok(true);
  if (!sees(actor, rule.officeId))
    return deny('forbidden', 'A routing rule can only send cases to an office you serve.');
  if (!governsArea(actor, directory, rule.regionPrefix))
    return deny(
      'forbidden',
      `Cases in ${rule.regionPrefix || 'all of China'} also reach offices outside yours; only the national admin routes them.`,
    );
  return ok(true);
}

/** Rules an actor is shown: ones sending to their offices, and ones catching cases in their areas. */
export function seesRule(actor: OfficeActor, directory: Directory, rule: RoutingRuleView): boolean {
  if (isNationalAdmin(actor, directory) || sees(actor, rule.officeId)) return true;
  return actor.officeIds.some((id) => {
    const office = directory.offices.get(id);
    return office?.regionCode.startsWith(rule.regionPrefix) ?? false;
  });
}

export function checkTransfer(
  actor: OfficeActor,
  directory: Directory,
  fromOfficeId: string,
  toOfficeId: string,
  reason: string | undefined,
): AccessCheck {
  if (!reason?.trim()) return deny('invalid', 'A transfer needs a reason (note).');
  const target = directory.offices.get(toOfficeId);
  if (!target?.active) return deny('invalid', `No active union office ${toOfficeId}.`);
  if (toOfficeId === fromOfficeId) return deny('invalid', 'The ticket is already with that office.');
  const parent = directory.offices.get(fromOfficeId)?.parentId;
  if (sees(actor, toOfficeId) || toOfficeId === parent) return ok(true);
  return deny('forbidden', 'Transfer to one of your offices or up to the parent office.');
}

/** Nobody grants more than they have: every office of the scope given must be in the granter's. */
export function checkGrant(actor: OfficeActor, granted: Iterable<string>): AccessCheck {
  for (const id of granted) {
    if (!sees(actor, id)) return deny('forbidden', 'You can give out only offices you serve yourself.');
  }
  return ok(true);
}
