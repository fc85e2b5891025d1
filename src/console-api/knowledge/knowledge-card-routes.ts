import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { cardToMarkdown } from '../../knowledge/cards/card-markdown.js';
import type { EditResult } from '../../knowledge/console/card-editor.js';
import { previewCard } from '../../knowledge/console/preview-card.js';
import { normalize } from '../../knowledge/tokenizer.js';
import { HttpError } from '../../platform/http/error-handler.js';

const CardParams = Type.Object({ cardId: Type.String({ minLength: 1, maxLength: 100 }) });
const MarkdownBody = Type.Object({
  markdown: Type.String({ minLength: 1, maxLength: 60_000 }),
  /** The review item this card was started from: resolved when the card is saved. */
  reviewItemId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});

/** A refused card: 400 with every problem on its own line, file and field named, as the folder's reader gives them. */
function sent(result: EditResult) {
  if (!result.ok) throw new HttpError(result.status, result.problems.join('\n'));
  return { card: { id: result.card.id, topic: result.card.topic }, version: result.version };
}

/**
 * The legal staff's card console: list and search, read with its history, create, edit, preview
 * and retire. Knowledge is national (one set of cards answers every office's workers), so the
 * knowledge role, and only it, may read and change every card; other staff get 403.
 */
export async function knowledgeCardRoutes(app: FastifyInstance): Promise<void> {
  const legal = app.staffGuard({ roles: ['knowledge'] });
  const tags = ['staff: knowledge'];
  const { editor } = app.knowledgeConsole;
  const editorOf = (staff: { id: string; displayName: string }) => ({
    id: staff.id,
    displayName: staff.displayName,
  });

  app.get(
    '/api/staff/knowledge/cards',
    {
      schema: { tags, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }) },
      onRequest: legal,
    },
    async (request) => {
      const { cardSet } = app.knowledge;
      const q = normalize((request.query as { q?: string }).q?.trim() ?? '');
      const matches = (text: string) => normalize(text).includes(q);
      const cards = cardSet.cards.filter(
        (card) =>
          !q ||
          [card.id, card.topic, card.zh.lead, card.en?.lead ?? '', ...card.ask, ...(card.askEn ?? [])].some(
            matches,
          ),
      );
      return {
        cards: cards.map((card) => ({
          id: card.id,
          topic: card.topic,
          lead: card.zh.lead,
          asks: card.ask.length + (card.askEn?.length ?? 0),
          english: card.en !== undefined,
          reviewed: card.reviewed,
          ...cardSet.origin.get(card.id),
        })),
        retired: cardSet.retired.map((stored) => ({ id: stored.cardId, version: stored.version })),
      };
    },
  );

  app.get(
    '/api/staff/knowledge/cards/:cardId',
    { schema: { tags, params: CardParams }, onRequest: legal },
    async (request) => {
      const { cardId } = request.params as Static<typeof CardParams>;
      const card = app.knowledge.cardSet.cards.find((c) => c.id === cardId);
      const retired = app.knowledge.cardSet.retired.find((stored) => stored.cardId === cardId);
      if (!card && !retired) throw new HttpError(404, 'No such card.');
      const history = await app.knowledge.versions.history(cardId);
      return {
        id: cardId,
        retired: !card,
        markdown: card ? cardToMarkdown(card) : (retired?.markdown ?? ''),
        history: history.map((v) => ({
          version: v.version,
          action: v.action,
          staffName: v.staffName,
          createdAt: v.createdAt.toISOString(),
          before: v.before,
          after: v.markdown,
        })),
      };
    },
  );

  app.post(
    '/api/staff/knowledge/cards',
    { schema: { tags, body: MarkdownBody }, onRequest: legal },
    async (request, reply) => {
      const result = sent(
        await editor.create((request.body as Static<typeof MarkdownBody>).markdown, editorOf(request.staff)),
      );
      const itemId = (request.body as Static<typeof MarkdownBody>).reviewItemId;
      if (itemId && (await app.knowledgeConsole.review.get(itemId)))
        await app.knowledgeConsole.review.resolve(itemId, 'new-card', request.staff.id);
      return reply.code(201).send(result);
    },
  );

  app.put(
    '/api/staff/knowledge/cards/:cardId',
    { schema: { tags, params: CardParams, body: MarkdownBody }, onRequest: legal },
    async (request) =>
      sent(
        await editor.edit(
          (request.params as Static<typeof CardParams>).cardId,
          (request.body as Static<typeof MarkdownBody>).markdown,
          editorOf(request.staff),
        ),
      ),
  );

  app.post(
    '/api/staff/knowledge/cards/:cardId/retire',
    { schema: { tags, params: CardParams }, onRequest: legal },
    async (request) =>
      sent(
        await editor.retire((request.params as Static<typeof CardParams>).cardId, editorOf(request.staff)),
      ),
  );

  // What a worker would see, in Chinese and English, before anything is saved.
  app.post(
    '/api/staff/knowledge/preview',
    { schema: { tags, body: MarkdownBody }, onRequest: legal },
    async (request) => {
      const idLine =
        /^id:\s*(\S+)/m.exec((request.body as Static<typeof MarkdownBody>).markdown)?.[1] ?? 'card';
      const checked = app.knowledge.checkCard(
        (request.body as Static<typeof MarkdownBody>).markdown,
        `${idLine}.md`,
      );
      if (!checked.ok) throw new HttpError(400, checked.problems.join('\n'));
      const base = app.knowledge.base;
      return {
        zh: previewCard(checked.card, base, 'zh-CN', app.t('zh-CN')),
        en: previewCard(checked.card, base, 'en', app.t('en')),
      };
    },
  );
}
