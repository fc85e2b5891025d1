import fp from 'fastify-plugin';
import { createDeliveryService, type DeliveryService } from './delivery-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    delivery: DeliveryService;
  }
}

/**
 * Outbox delivery. The web channel's sender pushes to the user's open chat sockets; other
 * channels (WeChat …) register theirs when their adapter starts.
 */
export default fp(
  async (app) => {
    const delivery = createDeliveryService({
      prisma: app.prisma,
      codec: app.messageCodec,
      conversations: app.outboundMessages,
      log: app.log,
    });
    // At least once: a web chat page acknowledges each id, and until it does the item stays
    // queued and is sent again on its reconnect (the page drops ids it has shown).
    delivery.registerSender('web', async (target, replies) => app.chat.pushOutcome(target.id, replies));
    // A page on another instance that does not acknowledge took the push: done, as if it had.
    app.chat.onPushTaken((conversationId, replies) =>
      delivery
        .acknowledge(
          conversationId,
          replies.flatMap((reply) => (reply.id ? [reply.id] : [])),
        )
        .catch((err) => app.log.warn({ err: (err as Error).message }, 'push taken elsewhere not recorded')),
    );
    app.decorate('delivery', delivery);
    if (app.config.NODE_ENV !== 'test') delivery.start();
    app.addHook('onClose', async () => delivery.stop());
  },
  { name: 'delivery', dependencies: ['prisma', 'conversation'] },
);
