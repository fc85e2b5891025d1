import type { Db } from '../platform/db/create-prisma.js';

/**
 * The offices a staff member serves: their own, the extra offices configured on the account,
 * and (when the account says so) every office below their own in the directory. Read straight
 * from the UnionOffice table so the guard does not depend on the offices service's shape.
 */
export async function officeScope(
  prisma: Db,
  staff: { officeId: string; extraOfficeIds: string; includeSubOffices: boolean },
): Promise<string[]> {
  const scope = new Set<string>([staff.officeId, ...parseIds(staff.extraOfficeIds)]);
  if (staff.includeSubOffices) {
    let frontier = [staff.officeId];
    // The tree is at most national → province → city → county → industry: a few rounds.
    for (let depth = 0; depth < 6 && frontier.length; depth++) {
      const children = await prisma.unionOffice.findMany({
        where: { parentId: { in: frontier } },
        select: { id: true },
      });
      frontier = children.map((child) => child.id).filter((id) => !scope.has(id));
      for (const id of frontier) scope.add(id);
    }
  }
  return [...scope];
}

export function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
