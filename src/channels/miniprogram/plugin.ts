import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { wechatAppTokens } from '../wechat-common/access-token.js';
import { mpRoutes } from './mp-routes.js';
import { mpSocket } from './mp-socket.js';
import { mpSubscriptionRoutes } from './mp-subscription-routes.js';
import { createMpSubscriptions, type MpSubscriptions, parseFieldMap } from './mp-subscriptions.js';
import { mpUpload } from './mp-upload.js';
import { mpVoiceUpload } from './voice-upload.js';

/** Subscription messages for ticket notices, when the app and a template are configured. */
function mpSubscriptionsFor(app: FastifyInstance): MpSubscriptions | undefined {
  const {
    WECHAT_MP_APPID: appid,
    WECHAT_MP_SECRET: secret,
    WECHAT_MP_TICKET_TEMPLATE_ID: templateId,
  } = app.config;
  if (!appid || !secret || !templateId) return undefined;
  return createMpSubscriptions({
    prisma: app.prisma,
    tokens: wechatAppTokens(appid, secret, 'mini-program'),
    templateId,
    fields: parseFieldMap(app.config.WECHAT_MP_TICKET_TEMPLATE_FIELDS),
    ...(app.config.WECHAT_MP_TICKET_PAGE ? { page: app.config.WECHAT_MP_TICKET_PAGE } : {}),
    state: app.config.WECHAT_MP_STATE,
    t: app.t('zh-CN'),
    log: app.log,
  });
}

/**
 * The WeChat mini-program channel: login, chat over HTTP and WebSocket, nearby stations. Out-of-turn
 * messages reach the user's open socket; while the mini-program is closed they wait in the outbox
 * and are flushed when it connects again, except ticket notices, which go out as subscription
 * messages while the user has granted one.
 */
export default fp(
  async (app) => {
    const subscriptions = mpSubscriptionsFor(app);
    app.delivery.registerSender('miniprogram', async (target, replies) => {
      if ((await app.chat.push(target.id, replies)) > 0) return 'delivered';
      // Closed app: a ticket notice can still reach the user as a subscription message.
      const ticket = replies.find((reply) => reply.type === 'ticket')?.ticket;
      return ticket && subscriptions
        ? subscriptions.sendTicketNotice(target.externalUserId, ticket)
        : 'offline';
    });
    await app.register(mpRoutes);
    await app.register(mpSubscriptionRoutes(subscriptions));
    await app.register(mpSocket);
    await app.register(mpUpload);
    await app.register(mpVoiceUpload);
  },
  { name: 'channel-miniprogram', dependencies: ['conversation', 'delivery'] },
);
