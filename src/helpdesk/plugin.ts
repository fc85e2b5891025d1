import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, normalizeLocale } from '../platform/i18n/locales.js';
import { createAutoAssigner } from './auto-assigner.js';
import { createCannedReplies } from './canned-replies.js';
import { createDutyRoster } from './duty-roster.js';
import { createHelpdeskSettings } from './helpdesk-settings.js';
import { createLabels } from './labels.js';
import { createPrivateNotes } from './private-notes.js';
import { createSatisfaction } from './satisfaction.js';

function createHelpdesk(app: FastifyInstance) {
  const now = () => new Date();
  const roster = createDutyRoster({
    prisma: app.prisma,
    staffOf: async (officeId) => app.staffAccounts.list([officeId]),
  });
  const autoAssign = createAutoAssigner({ prisma: app.prisma, handoffs: app.handoffs, roster, now });
  const settings = createHelpdeskSettings(app.prisma);
  const satisfaction = createSatisfaction({
    prisma: app.prisma,
    settings,
    t: app.t,
    localeOf: async (id) => normalizeLocale((await app.conversations.summary(id))?.locale) ?? DEFAULT_LOCALE,
    send: async (conversationId, replies) => {
      await app.delivery.send(conversationId, replies, { author: 'system' });
    },
    now,
  });
  return {
    roster,
    autoAssign,
    satisfaction,
    settings,
    canned: createCannedReplies(app.prisma),
    labels: createLabels(app.prisma),
    notes: createPrivateNotes({
      prisma: app.prisma,
      cipher: app.fieldCipher,
      displayNames: (ids) => app.staffAccounts.displayNames(ids),
    }),
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The help desk: duty roster and auto-assignment, canned replies, notes, labels, settings. */
    helpdesk: ReturnType<typeof createHelpdesk>;
  }
}

/**
 * The inbox tools around the live queue and the tickets. It reacts to queue changes
 * (`app.handoffs.onChange`) instead of the queue calling it; its routes are in console-api/helpdesk.
 */
export default fp(
  async (app) => {
    const helpdesk = createHelpdesk(app);
    app.handoffs.onChange((handoff) => helpdesk.autoAssign.onQueueChange(handoff));
    app.handoffs.onChange((handoff) => helpdesk.satisfaction.onClosed(handoff));
    app.decorate('helpdesk', helpdesk);
  },
  {
    name: 'helpdesk',
    dependencies: ['prisma', 'staff', 'handoff', 'encryption', 'i18n', 'conversation', 'delivery'],
  },
);
