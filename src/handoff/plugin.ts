import fp from 'fastify-plugin';
import { createHandoffService, type HandoffService } from './handoff-service.js';
import { officeForConversation } from './office-for-conversation.js';
import { parseOfficeHours } from './office-hours.js';
import { StaffHub } from './staff-hub.js';

declare module 'fastify' {
  interface FastifyInstance {
    handoffs: HandoffService;
    /** Live events to staff consoles, by office. */
    staffHub: StaffHub;
  }
}

/**
 * Live takeover: the office queues and the staff hub. The 转人工 flow is in
 * conversation/flows/handoff, the staff chat API and socket in console-api/handoff.
 */
export default fp(
  async (app) => {
    const hub = new StaffHub(app.bus, (err) => app.log.error({ err }, 'a staff frame was not published'));
    await hub.ready;
    app.addHook('onClose', async () => hub.close());
    const handoffs = createHandoffService({
      prisma: app.prisma,
      conversations: app.conversations,
      hub,
      t: app.t,
      hours: parseOfficeHours(app.config.OFFICE_HOURS),
      officeFor: officeForConversation(app),
      ticketOf: (conversationId) => app.ticketReads.latestOf(conversationId),
      assertTransfer: (actor, from, to, reason) => app.offices.access.assertTransfer(actor, from, to, reason),
      onListenerError: (err) => app.log.error({ err }, 'a queue listener failed'),
      send: async (conversationId, replies, author) => {
        await app.delivery.send(conversationId, replies, { author });
      },
    });
    app.decorate('handoffs', handoffs);
    app.decorate('staffHub', hub);
  },
  {
    name: 'handoff',
    dependencies: ['bus', 'prisma', 'conversation', 'i18n', 'config', 'delivery', 'tickets', 'offices'],
  },
);
