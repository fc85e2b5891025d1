import type { FastifyBaseLogger } from 'fastify';
import type { DeliveryService } from '../delivery/delivery-service.js';
import type { MeasureService } from '../measures/measure-service.js';
import type { Channel } from '../messages/messages.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import { type Locale, normalizeLocale } from '../platform/i18n/locales.js';
import type { TicketService } from '../tickets/ticket-service.js';

/** The reminder goes this many days before the last day (issue 15, item 5). */
export const REMIND_DAYS_BEFORE = 30;

/**
 * Channels that may write to a worker only for a while after the worker wrote: WeChat's
 * customer-service messages (official account) and WeCom's 微信客服 allow 48 hours.
 */
export const REPLY_WINDOW_HOURS: Partial<Record<Channel, number>> = { 'official-account': 48, wecom: 48 };

export type ReminderOutcome = 'sent' | 'queued' | 'blocked' | 'no-channel';

export interface LimitReminderDeps {
  prisma: Db;
  measures: Pick<MeasureService, 'dueForReminders'>;
  delivery: Pick<DeliveryService, 'send'>;
  tickets: Pick<TicketService, 'addEvent' | 'getPublic'>;
  /** The worker's channel and when they last wrote (nothing of what they wrote). */
  conversations: {
    channelOf(conversationId: string): Promise<Channel | undefined>;
    lastHeardFrom(conversationId: string): Promise<Date | undefined>;
  };
  t: (locale: Locale) => Translate;
  log: Pick<FastifyBaseLogger, 'info' | 'error'>;
  now?: () => Date;
}

/**
 * Reminds each worker, through their own channel and the outbox, 30 days before the
 * arbitration limit of an open ticket ends; once per ticket and last day. When the channel
 * cannot carry it now (the worker is offline, WeChat's 48-hour window is shut, no channel at
 * all), the ticket's timeline tells staff so, in so many words, so that someone calls.
 */
export function createLimitReminders(deps: LimitReminderDeps) {
  const now = deps.now ?? (() => new Date());
  const staffT = deps.t('zh-CN');

  async function windowShut(conversationId: string, channel: Channel, at: Date): Promise<boolean> {
    const hours = REPLY_WINDOW_HOURS[channel];
    if (!hours) return false;
    const heard = await deps.conversations.lastHeardFrom(conversationId);
    return !heard || at.getTime() - heard.getTime() > hours * 3_600_000;
  }

  async function remind(
    ticket: { id: string; number: string; conversationId: string | null; locale: string },
    limit: { lastDay: string; daysLeft: number },
    at: Date,
  ): Promise<ReminderOutcome | undefined> {
    // The row is the claim: a second process (or a second run) finds it and leaves the ticket.
    const claimed = await deps.prisma.limitReminder
      .create({ data: { ticketId: ticket.id, lastDay: limit.lastDay, outcome: 'pending', createdAt: at } })
      .catch(() => undefined);
    if (!claimed) return undefined;
    let outcome: ReminderOutcome = 'no-channel';
    const channel = ticket.conversationId
      ? await deps.conversations.channelOf(ticket.conversationId)
      : undefined;
    if (ticket.conversationId && channel) {
      const shut = await windowShut(ticket.conversationId, channel, at);
      const view = await deps.tickets.getPublic(ticket.number, undefined);
      const t = deps.t(normalizeLocale(ticket.locale) ?? 'zh-CN');
      const text = t('deadlines:reminder.text', {
        number: ticket.number,
        lastDay: limit.lastDay,
        daysLeft: limit.daysLeft,
        office: view?.office.name ?? '',
        phone: view?.office.contactPhone ?? '12351',
      });
      // Queued even when the window is shut: it goes out the moment the worker writes again.
      const sent = await deps.delivery.send(ticket.conversationId, [{ type: 'text', text }], {
        author: 'system',
      });
      outcome = shut ? 'blocked' : sent.delivered ? 'sent' : 'queued';
    }
    await deps.prisma.limitReminder.update({ where: { id: claimed.id }, data: { outcome } });
    await deps.tickets.addEvent(ticket.number, {
      type: 'note',
      actor: 'system',
      note: staffT(`deadlines:reminder.staff.${outcome}`, { lastDay: limit.lastDay }),
    });
    return outcome;
  }

  return {
    /** Remind every worker whose limit is now 30 days away or less; what happened, per ticket. */
    async runDue(): Promise<{ number: string; outcome: ReminderOutcome }[]> {
      const at = now();
      const done: { number: string; outcome: ReminderOutcome }[] = [];
      for (const ticket of await deps.measures.dueForReminders(REMIND_DAYS_BEFORE, at)) {
        try {
          const outcome = await remind(ticket, ticket.limit, at);
          if (outcome) done.push({ number: ticket.number, outcome });
        } catch (err) {
          // One ticket's failure leaves the others reminded; its claim row keeps it from a loop.
          deps.log.error({ err, ticket: ticket.number }, 'arbitration limit reminder failed');
        }
      }
      if (done.length) deps.log.info({ reminders: done.length }, 'arbitration limit reminders');
      return done;
    },
  };
}

export type LimitReminders = ReturnType<typeof createLimitReminders>;
