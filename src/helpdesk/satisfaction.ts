import type { OutboundMessage } from '../messages/messages.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { Handoff } from '../platform/db/db-types.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import type { Locale } from '../platform/i18n/locales.js';
import type { HelpdeskSettings } from './helpdesk-settings.js';

export const RATINGS = ['satisfied', 'neutral', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

/** An answer counts only soon after the question: a "满意" a week later is just a message. */
const ANSWER_WINDOW_MS = 24 * 3_600_000;

/**
 * The one-tap question after a closed chat (满意 / 一般 / 不满意), when the office asks it: sent
 * with the chat's closing, answered by tapping a quick reply, stored per chat with the staff
 * member who had it, and shown to the office's staff.
 */
export function createSatisfaction(deps: {
  prisma: Db;
  settings: HelpdeskSettings;
  t: (locale: Locale) => Translate;
  localeOf: (conversationId: string) => Promise<Locale>;
  send: (conversationId: string, replies: OutboundMessage[]) => Promise<void>;
  now: () => Date;
}) {
  const { prisma } = deps;

  // A tap sends "评价：不满意", not the bare label: "不满意" alone reads as 取消 to the exact-command
  // rules, which run before any guard. The bare label still counts where it gets through (满意, 一般).
  const tapText = (t: Translate, rating: Rating) =>
    t('staff:satisfaction.tap', { rating: t(`staff:satisfaction.${rating}`) });

  // Every message of every chat is checked against these (the satisfaction guard): translated
  // once, on the first check, rather than a dozen i18next calls per turn.
  let phrases: Map<string, Rating> | undefined;
  const phraseTable = () => {
    const table = new Map<string, Rating>();
    for (const locale of ['zh-CN', 'en'] as const) {
      const t = deps.t(locale);
      for (const r of RATINGS) {
        for (const phrase of [tapText(t, r), t(`staff:satisfaction.${r}`)]) {
          const key = phrase.toLowerCase();
          // The first language and the tap text win, as the search in that order did.
          if (!table.has(key)) table.set(key, r);
        }
      }
    }
    return table;
  };

  /** The words a tap sends (or its label typed), in both languages, to the rating they mean. */
  function ratingOf(text: string): Rating | undefined {
    phrases ??= phraseTable();
    return phrases.get(text.trim().toLowerCase());
  }

  return {
    ratingOf,

    /** The queue listener: a closed chat of an office that asks gets the question once. */
    async onClosed(handoff: Handoff): Promise<void> {
      if (handoff.status !== 'closed' || !handoff.claimedById) return;
      if (!(await deps.settings.get(handoff.officeId)).satisfactionSurvey) return;
      const existing = await prisma.satisfactionRating.findUnique({ where: { handoffId: handoff.id } });
      if (existing) return;
      await prisma.satisfactionRating.create({
        data: {
          handoffId: handoff.id,
          conversationId: handoff.conversationId,
          officeId: handoff.officeId,
          staffId: handoff.claimedById,
          askedAt: deps.now(),
        },
      });
      const t = deps.t(await deps.localeOf(handoff.conversationId));
      await deps.send(handoff.conversationId, [
        {
          type: 'text',
          text: t('staff:satisfaction.question'),
          quickReplies: RATINGS.map((r) => ({ label: t(`staff:satisfaction.${r}`), text: tapText(t, r) })),
        },
      ]);
    },

    /** Record the worker's tap if a question is waiting for it; false when the text is not an answer. */
    async answer(conversationId: string, text: string): Promise<boolean> {
      const rating = ratingOf(text);
      if (!rating) return false;
      const pending = await prisma.satisfactionRating.findFirst({
        where: {
          conversationId,
          rating: null,
          askedAt: { gte: new Date(deps.now().getTime() - ANSWER_WINDOW_MS) },
        },
        orderBy: { askedAt: 'desc' },
      });
      if (!pending) return false;
      const saved = await prisma.satisfactionRating.updateMany({
        where: { id: pending.id, rating: null },
        data: { rating, answeredAt: deps.now() },
      });
      return saved.count === 1;
    },

    /** Counts and the latest answers for the offices in scope. */
    async summary(officeIds: string[]) {
      const [grouped, recent] = await Promise.all([
        prisma.satisfactionRating.groupBy({
          by: ['rating'],
          where: { officeId: { in: officeIds } },
          _count: { _all: true },
        }),
        prisma.satisfactionRating.findMany({
          where: { officeId: { in: officeIds }, rating: { not: null } },
          orderBy: { answeredAt: 'desc' },
          take: 20,
        }),
      ]);
      const counts = { satisfied: 0, neutral: 0, unsatisfied: 0, unanswered: 0 };
      for (const row of grouped) {
        const key = (row.rating ?? 'unanswered') as keyof typeof counts;
        if (key in counts) counts[key] = row._count._all;
      }
      return { counts, recent };
    },

    async forHandoff(handoffId: string) {
      const row = await prisma.satisfactionRating.findUnique({ where: { handoffId } });
      return row
        ? {
            rating: row.rating,
            askedAt: row.askedAt.toISOString(),
            answeredAt: row.answeredAt?.toISOString() ?? null,
          }
        : null;
    },
  };
}

export type Satisfaction = ReturnType<typeof createSatisfaction>;
