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
    // At least once: a push reaching any instance is 'sent', and done only when acknowledged —
    // by the web chat page itself (it drops ids it has shown), or, for a listener that takes a
    // push as it is (a socket that does not acknowledge), by the instance that wrote it.
    delivery.registerSender('web', async (target, replies) =>
      (await app.chat.push(target.id, replies)) > 0 ? 'sent' : 'offline',
    );
    app.chat.onTaken((conversationId, replies) =>
      delivery.acknowledge(
        conversationId,
        replies.flatMap((reply) => (reply.id ? [reply.id] : [])),
      ),
    );
    app.decorate('delivery', delivery);
    if (app.config.NODE_ENV !== 'test') delivery.start();
    app.addHook('onClose', async () => delivery.stop());
  },
  { name: 'delivery', dependencies: ['prisma', 'conversation'] },
);
