/**
 * `knowledge`: the union's legal staff, who edit the knowledge cards and work the review queue
 * (src/console-api/knowledge); the only role that may, so an answer workers rely on changes only
 * through someone who knows the law.
 */
export const ROLES = ['admin', 'supervisor', 'agent', 'knowledge'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What a signed-in staff member is, as routes see it on `request.staff`. */
export interface StaffPrincipal {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string;
  /** Every office this person may see: their own, configured extra and sub-offices. */
  officeIds: string[];
  sessionId: string;
  sessionKind: 'cookie' | 'bearer';
}

// One rule for who oversees an office's work, shared with the domains.
export { canOversee } from '../offices/office-actor.js';
