import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { searchCases } from './case-search.js';
import { slaWarnings } from './sla-warnings.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** Search over tickets and chats, SLA warnings, satisfaction answers: all inside the actor's offices. */
export async function insightRoutes(app: FastifyInstance): Promise<void> {
  const guard = app.staffGuard();
  const tags = ['staff: help desk'];

  app.get(
    '/api/staff/search',
    {
      schema: { tags, querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 60 }) }) },
      onRequest: guard,
    },
    async (request) => {
      const { q } = request.query as { q: string };
      const found = await searchCases(app, request.staff, q);
      // A search over transcripts reads the workers' words: it is logged like opening one.
      await app.staffAudit.record(request.staff, {
        action: 'search-cases',
        subjectType: 'search',
        subjectId: `${found.tickets.length} tickets, ${found.chats.length} chats`,
        officeId: request.staff.officeId,
      });
      return found;
    },
  );

  app.get('/api/staff/sla-warnings', { schema: { tags }, onRequest: guard }, async (request) => ({
    tickets: await slaWarnings(app, request.staff),
  }));

  app.get('/api/staff/satisfaction', { schema: { tags }, onRequest: guard }, async (request) => {
    const { counts, recent } = await app.helpdesk.satisfaction.summary(request.staff.officeIds);
    const names = await app.staffAccounts.displayNames([
      ...new Set(recent.map((r) => r.staffId).filter((id): id is string => !!id)),
    ]);
    return {
      counts,
      recent: recent.map((r) => ({
        handoffId: r.handoffId,
        rating: r.rating,
        staffName: r.staffId ? (names.get(r.staffId) ?? null) : null,
        answeredAt: r.answeredAt?.toISOString() ?? null,
      })),
    };
  });

  app.get(
    '/api/staff/handoffs/:id/satisfaction',
    { schema: { tags, params: IdParams }, onRequest: guard },
    async (request) => {
      const { id } = request.params as { id: string };
      const handoff = await app.handoffs.scoped(id, request.staff);
      return { satisfaction: await app.helpdesk.satisfaction.forHandoff(handoff.id) };
    },
  );
}
