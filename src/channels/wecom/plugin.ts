import fp from 'fastify-plugin';
import { createBackgroundTasks } from '../wechat-common/background.js';
import { createDbMessageDedup } from '../wechat-common/message-dedup.js';
import { createWxCrypto } from '../wechat-common/wx-crypto.js';
import { wecomTokens } from './kf-api.js';
import { createKfSync } from './kf-sync.js';
import { wecomCallbackRoutes } from './wecom-callback.js';
import { wecomSender } from './wecom-sender.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Present when the WeCom customer-service channel is configured. */
    wecom?: { idle(): Promise<void> };
  }
}

/**
 * WeChat Customer Service through WeCom (企业微信 · 微信客服), on when WECOM_CORP_ID,
 * WECOM_KF_SECRET, WECOM_TOKEN and WECOM_ENCODING_AES_KEY are all set.
 */
export default fp(
  async (app) => {
    const { WECOM_CORP_ID: corpId, WECOM_KF_SECRET: secret, WECOM_TOKEN: token } = app.config;
    const aesKey = app.config.WECOM_ENCODING_AES_KEY;
    if (!corpId || !secret || !token || !aesKey) return;
    const tokens = wecomTokens(corpId, secret);
    const tasks = createBackgroundTasks(app.log, 'WeCom');
    app.delivery.registerSender('wecom', wecomSender(app, tokens));
    app.decorate('wecom', { idle: () => tasks.idle() });
    app.addHook('onClose', () => tasks.idle());
    const pull = createKfSync(app, tokens, createDbMessageDedup(app.prisma));
    await app.register(wecomCallbackRoutes({ token, crypto: createWxCrypto(aesKey, corpId) }, tasks, pull));
  },
  { name: 'channel-wecom', dependencies: ['conversation', 'delivery'] },
);
