import fp from 'fastify-plugin';
import type { PuppetInterface } from 'wechaty-puppet/impls';
import { createChannelLease } from '../channel-lease.js';
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
    // One bot per account: the server and `npm run bot` (or two servers) on one database would
    // otherwise both answer every message. The process holding the lease runs it; others stand by.
    // The lease lasts WECHATY_LEASE_SECONDS without renewal; it is renewed every third of that.
    const leaseMs = app.config.WECHATY_LEASE_SECONDS * 1000;
    const lease = createChannelLease(app.prisma, 'wechaty', leaseMs);
    let leaseTimer: NodeJS.Timeout | undefined;
    let standby: WechatyStatus | undefined;
    let stopping = false;

    async function runBot(puppet?: PuppetInterface) {
      const chosen = puppet ?? puppetName;
      if (!chosen) throw new Error('WECHATY_PUPPET is not set');
      const { createWechatyBot } = await import('./bot.js');
      bot = createWechatyBot(app, {
        puppet: chosen,
        ...(puppetToken ? { puppetToken } : {}),
        ...(puppet ? {} : { memoryName: 'data/wechaty' }),
      });
      standby = undefined;
      await bot.start();
    }

    /** Every third of the lease: renew it (or, standing by, try to take it over). */
    function watchLease(puppet?: PuppetInterface) {
      clearInterval(leaseTimer);
      leaseTimer = setInterval(() => {
        void lease
          .acquire()
          .then(async (held) => {
            if (stopping) return;
            if (held && !bot) {
              app.log.info('wechaty: the lease is free, starting the bot here');
              await runBot(puppet);
            } else if (!held && bot) {
              // Lost it (this process stalled past the lease): another process runs the bot now.
              app.log.warn('wechaty: lease lost to another process, standing by');
              await bot.stop();
              bot = undefined;
              standby = standbyStatus(puppet ?? puppetName);
            }
          })
          .catch((err) => app.log.error({ err }, 'wechaty: lease check failed'));
      }, leaseMs / 3);
      leaseTimer.unref();
    }

    function standbyStatus(puppet?: string | PuppetInterface): WechatyStatus {
      const name = typeof puppet === 'string' ? puppet : puppet?.name();
      return {
        ...offStatus(true, name),
        state: 'standby',
        lastError: 'Another process on this database runs the bot; this one takes over if it stops.',
      };
    }

    app.decorate('wechaty', {
      status: () => bot?.status() ?? standby ?? offStatus(Boolean(puppetName), puppetName),
      async start(puppet?: PuppetInterface) {
        if (!(puppet ?? puppetName)) throw new Error('WECHATY_PUPPET is not set');
        stopping = false;
        await bot?.stop();
        bot = undefined;
        watchLease(puppet);
        if (!(await lease.acquire())) {
          standby = standbyStatus(puppet ?? puppetName);
          app.log.warn('wechaty: another process runs the bot; standing by');
          return;
        }
        await runBot(puppet);
      },
      async stop() {
        stopping = true;
        const started = leaseTimer !== undefined;
        clearInterval(leaseTimer);
        leaseTimer = undefined;
        await bot?.stop();
        bot = undefined;
        standby = undefined;
        // Hand over now rather than after the lease lapses (a standby process takes it at once).
        if (started)
          await lease.release().catch((err) => app.log.warn({ err }, 'wechaty: lease not released'));
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
