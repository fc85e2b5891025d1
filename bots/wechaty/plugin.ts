import fp from 'fastify-plugin';
import type { PuppetInterface } from 'wechaty-puppet/impls';
import type { WechatyBot } from './bot.js';
import { offStatus, type WechatyStatus } from './bot-status.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The personal-account WeChat bot; runs when WECHATY_PUPPET is set (or a test starts it). */
    wechaty: {
      status(): WechatyStatus;
      /** Start with the configured puppet, or with the given one (tests pass the mock). */
      start(puppet?: PuppetInterface): Promise<void>;
      stop(): Promise<void>;
      /** Resolves when the messages received so far are answered. */
      idle(): Promise<void>;
    };
  }
}

/**
 * Wires the wechaty bot into the app: its outbox sender, its status for admins, and its start
 * with the server when WECHATY_PUPPET is set. wechaty itself is loaded only then (it is large).
 */
export default fp(
  async (app) => {
    const { WECHATY_PUPPET: puppetName, WECHATY_PUPPET_SERVICE_TOKEN: puppetToken } = app.config;
    let bot: WechatyBot | undefined;

    app.decorate('wechaty', {
      status: () => bot?.status() ?? offStatus(Boolean(puppetName), puppetName),
      async start(puppet?: PuppetInterface) {
        const chosen = puppet ?? puppetName;
        if (!chosen) throw new Error('WECHATY_PUPPET is not set');
        await bot?.stop();
        const { createWechatyBot } = await import('./bot.js');
        bot = createWechatyBot(app, {
          puppet: chosen,
          ...(puppetToken ? { puppetToken } : {}),
          ...(puppet ? {} : { memoryName: 'data/wechaty' }),
        });
        await bot.start();
      },
      async stop() {
        await bot?.stop();
      },
      idle: async () => bot?.idle(),
    });

    // Until the bot is logged in, messages for WeChat users wait in the outbox.
    app.delivery.registerSender('wechat', (target, replies) =>
      bot ? bot.sender(target, replies) : Promise.resolve('offline'),
    );

    app.get(
      '/api/staff/wechaty/status',
      {
        preHandler: app.staffGuard({ roles: ['admin'] }),
        schema: {
          tags: ['staff'],
          summary: 'WeChat bot status and login QR code (admins)',
          security: [{ bearerAuth: [] }],
        },
      },
      async () => app.wechaty.status(),
    );

    if (puppetName) {
      // Not awaited: a puppet that takes long to connect must not hold up the server.
      app.addHook('onReady', async () => {
        void app.wechaty.start().catch((err) => app.log.error({ err }, 'wechaty failed to start'));
      });
    }
    app.addHook('onClose', async () => app.wechaty.stop());
  },
  { name: 'channel-wechaty', dependencies: ['conversation', 'delivery', 'staff'] },
);
