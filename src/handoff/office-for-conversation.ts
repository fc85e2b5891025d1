import type { FastifyInstance } from 'fastify';

/**
 * The office whose queue a chat joins: the office for the region the escalation names, else the
 * office of the conversation's latest ticket, else the configured default (HANDOFF_OFFICE).
 */
export function officeForConversation(app: FastifyInstance) {
  return async (
    conversationId: string,
    regionCode?: string,
    collective = false,
  ): Promise<string | undefined> => {
    if (regionCode && app.hasDecorator('offices')) {
      try {
        // A collective case follows the routing table's collective rules (possibly one level up).
        return (await app.offices.route(regionCode, 'other', collective)).office.id;
      } catch (err) {
        app.log.warn({ err: (err as Error).message }, 'handoff: no office for the escalated region');
      }
    }
    const ticketOffice = await app.ticketReads.latestOfficeOf(conversationId);
    if (ticketOffice) return ticketOffice;
    const configured = app.config.HANDOFF_OFFICE;
    const fallback = (await app.offices.getByCode(configured)) ?? (await app.offices.get(configured));
    return fallback?.id;
  };
}
