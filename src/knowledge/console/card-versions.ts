import type { Db } from '../../platform/db/create-prisma.js';

export type CardAction = 'create' | 'edit' | 'retire' | 'import';

/** The newest stored version of one card: what the console last made of it. */
export interface StoredCard {
  cardId: string;
  version: number;
  action: CardAction;
  markdown: string;
  staffName: string;
  createdAt: Date;
}

export interface CardChange {
  cardId: string;
  action: CardAction;
  markdown: string;
  /** The card's Markdown before the change ('' when it is new). */
  before: string;
  staff: { id: string; displayName: string };
}

export interface CardVersionStore {
  /** The newest version of every card the console ever saved, by card id. */
  newest(): Promise<Map<string, StoredCard>>;
  save(change: CardChange): Promise<StoredCard>;
  history(cardId: string): Promise<Array<StoredCard & { before: string }>>;
}

/**
 * Card versions in the database: append-only, numbered per card. The newest one is the card
 * (the folder on disk is only the seed), so every instance reading the same database agrees.
 */
export function createCardVersionStore(prisma: Db): CardVersionStore {
  return {
    async newest() {
      const rows = await prisma.knowledgeCardVersion.findMany({
        orderBy: [{ cardId: 'asc' }, { version: 'asc' }],
      });
      const newest = new Map<string, StoredCard>();
      for (const row of rows) newest.set(row.cardId, { ...row, action: row.action as CardAction });
      return newest;
    },
    async save(change) {
      // Numbered inside one transaction, so two staff saving the same card get 2 and 3, not 2 twice.
      const row = await prisma.$transaction(async (tx) => {
        const last = await tx.knowledgeCardVersion.findFirst({
          where: { cardId: change.cardId },
          orderBy: { version: 'desc' },
          select: { version: true },
        });
        return tx.knowledgeCardVersion.create({
          data: {
            cardId: change.cardId,
            version: (last?.version ?? 0) + 1,
            action: change.action,
            markdown: change.markdown,
            before: change.before,
            staffId: change.staff.id,
            staffName: change.staff.displayName,
          },
        });
      });
      return { ...row, action: row.action as CardAction };
    },
    async history(cardId) {
      const rows = await prisma.knowledgeCardVersion.findMany({
        where: { cardId },
        orderBy: { version: 'desc' },
      });
      return rows.map((row) => ({ ...row, action: row.action as CardAction }));
    },
  };
}
