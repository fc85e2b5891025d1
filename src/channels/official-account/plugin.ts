import fp from 'fastify-plugin';
import { createBackgroundTasks } from '../wechat-common/background.js';
import { createDbMessageDedup } from '../wechat-common/message-dedup.js';
import { createWxCrypto } from '../wechat-common/wx-crypto.js';
import { oaCallbackRoutes } from './oa-callback.js';
import { officialAccountSender, officialAccountTokens } from './oa-sender.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Present when WECHAT_OA_TOKEN is set. */
    officialAccount?: { idle(): Promise<void> };
  }
}

/**
 * The official account (公众号) channel, on when WECHAT_OA_TOKEN is set. Secure mode needs
 * WECHAT_OA_APPID and WECHAT_OA_ENCODING_AES_KEY; late answers and staff replies need
 * WECHAT_OA_APPID and WECHAT_OA_SECRET for the customer-service message API.
 */
export default fp(
  async (app) => {
    const { WECHAT_OA_TOKEN: token, WECHAT_OA_APPID: appid, WECHAT_OA_SECRET: secret } = app.config;
    const aesKey = app.config.WECHAT_OA_ENCODING_AES_KEY;
    if (!token) return;
    const tasks = createBackgroundTasks(app.log, 'official account');
    const crypto = aesKey && appid ? createWxCrypto(aesKey, appid) : undefined;
    const tokens = appid && secret ? officialAccountTokens(appid, secret) : undefined;
    if (tokens) app.delivery.registerSender('official-account', officialAccountSender(app, tokens));
    app.decorate('officialAccount', { idle: () => tasks.idle() });
    app.addHook('onClose', () => tasks.idle());
    await app.register(oaCallbackRoutes({ token, crypto }, tasks, tokens, createDbMessageDedup(app.prisma)));
  },
  { name: 'channel-official-account', dependencies: ['conversation', 'delivery'] },
);
