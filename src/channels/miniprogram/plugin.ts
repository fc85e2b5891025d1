import fp from 'fastify-plugin';
import { mpRoutes } from './mp-routes.js';
import { mpSocket } from './mp-socket.js';
import { mpUpload } from './mp-upload.js';

/**
 * The WeChat mini-program channel: login, chat over HTTP and WebSocket, nearby stations. Out-of-turn
 * messages reach the user's open socket; while the mini-program is closed they wait in the outbox
 * and are flushed when it connects again.
 */
export default fp(
  async (app) => {
    app.delivery.registerSender('miniprogram', async (target, replies) =>
      app.chat.push(target.id, replies) > 0 ? 'delivered' : 'offline',
    );
    await app.register(mpRoutes);
    await app.register(mpSocket);
    await app.register(mpUpload);
  },
  { name: 'channel-miniprogram', dependencies: ['conversation', 'delivery'] },
);
