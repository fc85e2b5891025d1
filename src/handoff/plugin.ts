import fp from 'fastify-plugin';
import { registerEscalationHandlers } from './escalation-handlers.js';
import { createHandoffFlow } from './handoff-flow.js';
import { handoffRoutes } from './handoff-routes.js';
import { createHandoffService, type HandoffService } from './handoff-service.js';
import { officeForConversation } from './office-for-conversation.js';
import { parseOfficeHours } from './office-hours.js';
import { StaffHub } from './staff-hub.js';
import { staffSocket } from './staff-socket.js';
import { createWaitingGuard } from './waiting-guard.js';

declare module 'fastify' {
  interface FastifyInstance {
    handoffs: HandoffService;
    /** Live events to staff consoles, by office. */
    staffHub: StaffHub;
  }
}

/** Live takeover: the 转人工 flow, escalations into office queues, the staff chat API and socket. */
export default fp(
  async (app) => {
    const hub = new StaffHub();
    const handoffs = createHandoffService({
      prisma: app.prisma,
      codec: app.messageCodec,
      hub,
      t: app.t,
      hours: parseOfficeHours(app.config.OFFICE_HOURS),
      officeFor: officeForConversation(app),
      send: async (conversationId, replies, author) => {
        await app.delivery.send(conversationId, replies, { author });
      },
    });
    app.decorate('handoffs', handoffs);
    app.decorate('staffHub', hub);
    app.flows.register(createHandoffFlow(handoffs));
    app.flows.registerGuard(createWaitingGuard(handoffs));
    registerEscalationHandlers(app, handoffs);
    await app.register(handoffRoutes(handoffs));
    await app.register(staffSocket(hub, handoffs));
  },
  { name: 'handoff', dependencies: ['staff', 'conversation', 'delivery'] },
);
