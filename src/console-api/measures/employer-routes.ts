import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { EmployerEntity } from '../../employers/employer-registry.js';
import { HttpError } from '../../platform/http/error-handler.js';
import type { StaffPrincipal } from '../../staff/roles.js';

/** The employer names an office's tickets carry: enough for any office's list. */
const NAMES_MAX = 500;

interface VisibleEmployer extends EmployerEntity {
  /** The spellings seen in this staff member's tickets. */
  spellings: string[];
  tickets: number;
}

/**
 * /api/staff/employers: employers as one entity. A staff member sees an employer only through the
 * tickets of their offices (office scope); supervisors and admins set its 统一社会信用代码 and
 * merge two entities that are one company.
 */
export async function employerRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['staff: employers'];
  const anyStaff = app.staffGuard();
  const overseers = app.staffGuard({ roles: ['admin', 'supervisor'] });

  async function visible(staff: StaffPrincipal): Promise<Map<string, VisibleEmployer>> {
    const names = await app.ticketReads.countBy(staff.officeIds, {}, 'employer', NAMES_MAX);
    const entities = await app.employers.resolve(names.map((n) => n.key || null));
    const out = new Map<string, VisibleEmployer>();
    for (const { key: name, count } of names) {
      const entity = name ? entities.get(name) : undefined;
      if (!entity) continue;
      const seen = out.get(entity.id) ?? { ...entity, spellings: [], tickets: 0 };
      seen.spellings.push(name);
      seen.tickets += count;
      out.set(entity.id, seen);
    }
    return out;
  }

  /** An entity the staff member sees, registered if only its name was known so far. */
  async function seen(staff: StaffPrincipal, id: string): Promise<EmployerEntity> {
    const found = (await visible(staff)).get(id);
    if (!found) throw new HttpError(404, 'No such employer in your offices’ tickets.');
    if (!id.startsWith('name:')) return found;
    return (await app.employers.ensure(found.spellings[0] as string)) as EmployerEntity;
  }

  app.get(
    '/api/staff/employers',
    {
      schema: { tags, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 60 })) }) },
      onRequest: anyStaff,
    },
    async (request) => {
      const q = (request.query as { q?: string }).q?.trim();
      const items = [...(await visible(request.staff)).values()]
        .filter(
          (e) => !q || e.name.includes(q) || e.spellings.some((s) => s.includes(q)) || e.creditCode === q,
        )
        .sort((a, b) => b.tickets - a.tickets);
      return { items };
    },
  );

  app.put(
    '/api/staff/employers/:id/credit-code',
    {
      schema: {
        tags,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
        body: Type.Object(
          { creditCode: Type.String({ minLength: 18, maxLength: 24 }) },
          { additionalProperties: false },
        ),
      },
      onRequest: overseers,
    },
    async (request) => {
      const entity = await seen(request.staff, (request.params as { id: string }).id);
      return {
        employer: await app.employers.setCreditCode(
          entity.id,
          (request.body as { creditCode: string }).creditCode,
        ),
      };
    },
  );

  app.post(
    '/api/staff/employers/merge',
    {
      schema: {
        tags,
        body: Type.Object(
          {
            from: Type.String({ minLength: 1, maxLength: 200 }),
            into: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
      },
      onRequest: overseers,
    },
    async (request) => {
      const body = request.body as { from: string; into: string };
      if (body.from === body.into) throw new HttpError(400, 'An employer cannot be merged into itself.');
      const from = await seen(request.staff, body.from);
      const into = await seen(request.staff, body.into);
      await app.staffAudit.record(request.staff, {
        action: 'merge-employers',
        subjectType: 'employer',
        subjectId: `${from.id}>${into.id}`,
        officeId: request.staff.officeId,
      });
      return { employer: await app.employers.merge(from.id, into.id) };
    },
  );
}
