import type { Card } from '../card.js';
import { cardToMarkdown } from '../cards/card-markdown.js';
import type { CardEditor, Editor, EditResult } from '../console/card-editor.js';
import type { KnowledgeService } from '../knowledge-service.js';
import type { ReviewItem, ReviewQueue } from './review-queue.js';

/** From one review item to a better card: its question as a new ask, or a new card started from it. */
export function createReviewActions(deps: {
  knowledge: KnowledgeService;
  editor: CardEditor;
  queue: ReviewQueue;
}) {
  const card = (id: string | null | undefined) => deps.knowledge.cardSet.cards.find((c) => c.id === id);
  return {
    /** The question becomes an ask of the card (in its language's list); the item is done. */
    async addAsk(item: ReviewItem, cardId: string, editor: Editor): Promise<EditResult> {
      const target = card(cardId);
      if (!target) return { ok: false, status: 404, problems: [`${cardId}: no such card answering now`] };
      const english = item.locale === 'en';
      const asks = english ? (target.askEn ?? []) : target.ask;
      if (asks.includes(item.question)) {
        await deps.queue.resolve(item.id, 'added-ask', editor.id);
        return { ok: true, card: target, version: 0 };
      }
      const next: Card = english
        ? { ...target, askEn: [...asks, item.question] }
        : { ...target, ask: [...asks, item.question] };
      const result = await deps.editor.edit(cardId, cardToMarkdown(next), editor);
      if (result.ok) await deps.queue.resolve(item.id, 'added-ask', editor.id);
      return result;
    },

    /**
     * A new card's Markdown, to finish in the editor: the question as its first ask, the topic and
     * citations of the card that came closest, and that card's answer as the text to rewrite.
     */
    draft(item: ReviewItem, editor: Editor, today: string): string {
      const near = card(item.cardId);
      const topic = near?.topic ?? (item.topic === 'unknown' ? 'other' : item.topic);
      const taken = new Set(deps.knowledge.cardSet.cards.map((c) => c.id));
      let n = 1;
      while (taken.has(`${topic}-new-${n}`)) n++;
      const english = item.locale === 'en';
      const base: Card = {
        id: `${topic}-new-${n}`,
        topic,
        ask: english ? [] : [item.question],
        zh: near?.zh ?? { lead: '', steps: [] },
        cite: near?.cite ?? [],
        reviewed: today,
        author: editor.displayName,
      };
      if (english) base.askEn = [item.question];
      if (english && near?.en) base.en = near.en;
      return cardToMarkdown(base);
    },
  };
}

export type ReviewActions = ReturnType<typeof createReviewActions>;
