/**
 * Who acts on an office's work, as the domains see it: an id, a name to show, a role and the
 * offices in scope. Staff sign-in (src/staff) produces a richer principal that satisfies this,
 * so domains check scope without knowing sessions or accounts.
 */
export interface OfficeActor {
  id: string;
  displayName: string;
  role: 'admin' | 'supervisor' | 'agent' | 'knowledge';
  /** The actor's own office. */
  officeId: string;
  /** Every office the actor may see: their own, configured extra and sub-offices. */
  officeIds: string[];
}

/** Supervisors and admins oversee the office's work; agents work their own chats and tickets. */
export function canOversee(actor: Pick<OfficeActor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'supervisor';
}

/** The one membership test behind every scoped read and write: is this office in the actor's scope? */
export function sees(actor: Pick<OfficeActor, 'officeIds'>, officeId: string): boolean {
  return actor.officeIds.includes(officeId);
}
