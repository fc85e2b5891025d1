import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { HttpError } from '../../platform/http/error-handler.js';

const ItemParams = Type.Object({ itemId: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * The review queue: questions answered with low confidence, "not sure", marked 没用, or handed
 * to staff, masked and counted by topic. From one item: add it as an ask to a card (the card the
 * retrieval came closest to is suggested), or start a new card from it, or dismiss it.
 */
export async function knowledgeReviewRoutes(app: FastifyInstance): Promise<void> {
  const legal = app.staffGuard({ roles: ['knowledge'] });
  const tags = ['staff: knowledge'];
  const { review, reviewActions } = app.knowledgeConsole;
  const editorOf = (staff: { id: string; displayName: string }) => ({
    id: staff.id,
    displayName: staff.displayName,
  });

  async function openItem(itemId: string) {
    const item = await review.get(itemId);
    if (!item) throw new HttpError(404, 'No such review item.');
    if (item.status !== 'open') throw new HttpError(409, 'This item was handled already.');
    return item;
  }

  app.get(
    '/api/staff/knowledge/review',
    {
      schema: { tags, querystring: Type.Object({ topic: Type.Optional(Type.String({ maxLength: 60 })) }) },
      onRequest: legal,
    },
    async (request) => {
      const queue = await review.open(
        (request.query as { topic?: string }).topic
          ? { topic: (request.query as { topic?: string }).topic }
          : {},
      );
      const answering = new Set(app.knowledge.cardSet.cards.map((card) => card.id));
      return {
        size: queue.size,
        topics: queue.topics,
        items: queue.items.map((item) => ({
          id: item.id,
          reason: item.reason,
          question: item.question,
          locale: item.locale,
          topic: item.topic,
          // The suggestion for "add as an ask": the card that came closest, if it still answers.
          cardId: item.cardId && answering.has(item.cardId) ? item.cardId : null,
          createdAt: item.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/api/staff/knowledge/review/:itemId/add-ask',
    {
      schema: {
        tags,
        params: ItemParams,
        body: Type.Object({ cardId: Type.String({ minLength: 1, maxLength: 100 }) }),
      },
      onRequest: legal,
    },
    async (request) => {
      const item = await openItem((request.params as Static<typeof ItemParams>).itemId);
      const result = await reviewActions.addAsk(
        item,
        (request.body as { cardId: string }).cardId,
        editorOf(request.staff),
      );
      if (!result.ok) throw new HttpError(result.status, result.problems.join('\n'));
      return { card: { id: result.card.id }, version: result.version };
    },
  );

  app.get(
    '/api/staff/knowledge/review/:itemId/draft',
    { schema: { tags, params: ItemParams }, onRequest: legal },
    async (request) => {
      const item = await openItem((request.params as Static<typeof ItemParams>).itemId);
      const today = new Date().toISOString().slice(0, 10);
      return { reviewItemId: item.id, markdown: reviewActions.draft(item, editorOf(request.staff), today) };
    },
  );

  app.post(
    '/api/staff/knowledge/review/:itemId/dismiss',
    { schema: { tags, params: ItemParams }, onRequest: legal },
    async (request) => {
      const item = await openItem((request.params as Static<typeof ItemParams>).itemId);
      await review.resolve(item.id, 'dismissed', request.staff.id);
      return { ok: true };
    },
  );
}
