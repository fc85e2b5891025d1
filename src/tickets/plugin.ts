import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, normalizeLocale } from '../platform/i18n/locales.js';
import { CollectedGauge, Counter } from '../platform/metrics/registry.js';
import { statusNotice } from './status-notice.js';
import { createTicketReads, type TicketReads } from './ticket-reads.js';
import { ticketRoutes } from './ticket-routes.js';
import { createTicketService, type TicketService } from './ticket-service.js';
import { createTicketWorkStore, type TicketWorkStore } from './ticket-work-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Tickets: create, get (decrypted detail), getPublic (number + query code), list(filter incl.
     * officeIds; masked), changeStatus(number, to, actor, note, {toOfficeId}), addEvent, events.
     */
    tickets: TicketService;
    /** Read-only questions other domains ask of the ticket tables (counts, lookups by id). */
    ticketReads: TicketReads;
    /** Assignments, duplicate links and attachments (the ticket tables staff work touches). */
    ticketWork: TicketWorkStore;
  }
}

export default fp(
  async (app) => {
    const created = app.metrics.register(
      new Counter('gongyou_tickets_created_total', 'Tickets filed, by channel and priority.'),
    );
    const changes = app.metrics.register(
      new Counter('gongyou_ticket_status_changes_total', 'Ticket status changes, by new status.'),
    );
    const tickets = createTicketService({
      prisma: app.prisma,
      cipher: app.fieldCipher,
      offices: app.offices,
      policy: {
        highAmountYuan: app.config.TICKET_HIGH_AMOUNT_YUAN,
        slaHours: { high: app.config.TICKET_SLA_HOURS_HIGH, normal: app.config.TICKET_SLA_HOURS_NORMAL },
      },
      onCreated: (receipt, input) => created.inc({ channel: input.channel, priority: receipt.priority }),
      onListenerError: (err) => app.log.error({ err }, 'a ticket filing listener failed'),
      async onStatusChange(change) {
        changes.inc({ to: change.ticket.status });
      },
      // The worker's notice commits with the change (outbox); delivery is tried right after.
      async stageStatusNotice(change) {
        const conversationId = change.ticket.conversationId;
        if (!conversationId) return undefined;
        const t = app.t(normalizeLocale(change.ticket.locale) ?? DEFAULT_LOCALE);
        return app.delivery.stage(conversationId, [statusNotice(t, change)], { author: 'system' });
      },
    });
    app.metrics.register(
      new CollectedGauge('gongyou_tickets_overdue', 'Open tickets past their SLA due time.', () =>
        tickets.countOverdue(),
      ),
    );
    app.decorate('tickets', tickets);
    app.decorate('ticketReads', createTicketReads(app.prisma));
    app.decorate('ticketWork', createTicketWorkStore(app.prisma));
    await app.register(ticketRoutes);
    app.addHook('onClose', async () => tickets.settle());
  },
  {
    name: 'tickets',
    dependencies: ['prisma', 'config', 'encryption', 'offices', 'delivery', 'i18n', 'metrics'],
  },
);
