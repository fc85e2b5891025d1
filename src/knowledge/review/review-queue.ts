import type { Db } from '../../platform/db/create-prisma.js';
import { maskPersonalData } from '../../platform/privacy/mask-personal-data.js';

export const REVIEW_REASONS = ['low-confidence', 'not-sure', 'unhelpful', 'handoff'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
export type ReviewStatus = 'open' | 'added-ask' | 'new-card' | 'dismissed';

export interface ReviewInput {
  reason: ReviewReason;
  question: string;
  locale: string;
  /** The best card's topic, or unknown when none came close. */
  topic?: string;
  cardId?: string;
  score?: number;
  conversationId?: string;
}

export interface ReviewItem {
  id: string;
  reason: ReviewReason;
  question: string;
  locale: string;
  topic: string;
  cardId: string | null;
  score: number;
  status: ReviewStatus;
  createdAt: Date;
}

/** Longest question kept: enough to see what was asked, not a pasted document. */
const QUESTION_MAX = 300;

/**
 * Questions the cards did not answer well, for legal staff to learn from. Stored masked (phone
 * and ID numbers), so the queue never shows who asked; the conversation id stays for counting.
 */
export function createReviewQueue(prisma: Db) {
  const toItem = (row: {
    id: string;
    reason: string;
    question: string;
    locale: string;
    topic: string;
    cardId: string | null;
    score: number;
    status: string;
    createdAt: Date;
  }): ReviewItem => ({
    ...row,
    reason: row.reason as ReviewReason,
    status: row.status as ReviewStatus,
  });
  return {
    async record(input: ReviewInput): Promise<void> {
      await prisma.knowledgeReviewItem.create({
        data: {
          reason: input.reason,
          question: maskPersonalData(input.question).slice(0, QUESTION_MAX),
          locale: input.locale,
          topic: input.topic ?? 'unknown',
          cardId: input.cardId ?? null,
          score: Number.isFinite(input.score) ? (input.score ?? 0) : 0,
          conversationId: input.conversationId ?? null,
        },
      });
    },
    /** Open items, newest first, and how many are open per topic. */
    async open(options: { topic?: string; limit?: number } = {}) {
      const where = { status: 'open', ...(options.topic ? { topic: options.topic } : {}) };
      const [rows, byTopic, size] = await Promise.all([
        prisma.knowledgeReviewItem.findMany({
          where,
          orderBy: { createdAt: 'desc' },
          take: options.limit ?? 100,
        }),
        prisma.knowledgeReviewItem.groupBy({
          by: ['topic'],
          where: { status: 'open' },
          _count: { _all: true },
        }),
        prisma.knowledgeReviewItem.count({ where: { status: 'open' } }),
      ]);
      return {
        items: rows.map(toItem),
        topics: byTopic
          .map((group) => ({ topic: group.topic, open: group._count._all }))
          .sort((a, b) => b.open - a.open || a.topic.localeCompare(b.topic)),
        size,
      };
    },
    async get(id: string): Promise<ReviewItem | undefined> {
      const row = await prisma.knowledgeReviewItem.findUnique({ where: { id } });
      return row ? toItem(row) : undefined;
    },
    async resolve(id: string, status: Exclude<ReviewStatus, 'open'>, staffId: string): Promise<void> {
      await prisma.knowledgeReviewItem.update({
        where: { id },
        data: { status, resolvedById: staffId, resolvedAt: new Date() },
      });
    },
    size: () => prisma.knowledgeReviewItem.count({ where: { status: 'open' } }),
  };
}

export type ReviewQueue = ReturnType<typeof createReviewQueue>;
