import fp from 'fastify-plugin';
import type { Channel } from '../messages/messages.js';
import { normalizeLocale } from '../platform/i18n/locales.js';
import { createLimitReminders, type LimitReminders } from './limit-reminders.js';
import { limitText } from './limit-text.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Arbitration-limit reminders 30 days before the last day: runDue(). */
    limitReminders: LimitReminders;
  }
}

/**
 * Deadlines a worker should not miss: the arbitration limit on the receipt and the status page,
 * and its reminder through the worker's channel.
 */
export default fp(
  async (app) => {
    app.tickets.onWorkerView(async (ticket) => {
      const limit = await app.measures.limitOf(ticket);
      const t = app.t(normalizeLocale(ticket.locale) ?? 'zh-CN');
      return { arbitrationLimit: { ...limit, text: limitText(t, limit) } };
    });

    const reminders = createLimitReminders({
      prisma: app.prisma,
      measures: app.measures,
      delivery: app.delivery,
      tickets: app.tickets,
      conversations: {
        channelOf: async (id) => (await app.conversations.summary(id))?.channel as Channel | undefined,
        lastHeardFrom: async (id) => (await app.conversations.latestInbound(id))?.createdAt,
      },
      t: (locale) => app.t(locale),
      log: app.log,
    });
    app.decorate('limitReminders', reminders);

    const every = app.config.LIMIT_REMINDER_INTERVAL_MS;
    // Tests run it with their own clock; a running server looks every hour by default.
    if (every > 0 && app.config.NODE_ENV !== 'test') {
      let timer: NodeJS.Timeout | undefined;
      app.addHook('onReady', async () => {
        timer = setInterval(() => {
          reminders.runDue().catch((err) => app.log.error({ err }, 'arbitration limit reminders failed'));
        }, every);
        timer.unref();
      });
      app.addHook('onClose', async () => clearInterval(timer));
    }
  },
  { name: 'deadlines', dependencies: ['tickets', 'measures', 'delivery', 'conversation', 'i18n'] },
);
