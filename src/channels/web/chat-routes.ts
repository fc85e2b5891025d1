import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ConversationNotFoundError } from '../../conversation/chat-service.js';
import {
  type ChatRequest,
  ChatRequestSchema,
  ChatResponseSchema,
  ReplySchema,
} from '../../conversation/schemas.js';
import type { InboundMessage } from '../../messages/messages.js';
import { HttpError } from '../../platform/http/error-handler.js';

/** Turn a validated chat request into an InboundMessage, or say clearly what is wrong. */
export function toInbound(
  body: ChatRequest,
  channel: InboundMessage['channel'],
  fallbackUserId: string,
): InboundMessage {
  const text = body.text?.trim();
  if (!text && !body.location) throw new HttpError(400, 'Send text or a location.');
  return {
    channel,
    externalUserId: body.channelUserId ?? fallbackUserId,
    ...(text ? { text } : {}),
    ...(body.location ? { location: body.location } : {}),
    ...(body.locale ? { locale: body.locale } : {}),
  };
}

/** POST /api/chat/messages: one chat turn over HTTP (web chat fallback, mini-programs, tests). */
export async function chatRoutes(app: FastifyInstance): Promise<void> {
  app.post(
    '/api/chat/messages',
    {
      schema: {
        tags: ['chat'],
        summary: 'Send a message to the assistant and get its replies',
        body: ChatRequestSchema,
        response: { 200: ChatResponseSchema },
      },
    },
    async (request) => {
      const body = request.body as ChatRequest;
      const inbound = toInbound(body, 'web', randomUUID());
      try {
        const result = await app.chat.handle(inbound, { conversationId: body.conversationId });
        return { conversationId: result.conversationId, locale: result.locale, replies: result.replies };
      } catch (err) {
        if (err instanceof ConversationNotFoundError) throw new HttpError(404, 'Unknown conversationId.');
        throw err;
      }
    },
  );

  // The web chat shows the conversation again after a reload. The channelUserId is the
  // browser's own random id: knowing it is what makes the conversation yours.
  app.get(
    '/api/chat/history',
    {
      schema: {
        tags: ['chat'],
        summary: 'Recent messages of a web chat conversation',
        querystring: Type.Object({
          channelUserId: ChatRequestSchema.properties.channelUserId,
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }),
        }),
        response: {
          200: Type.Object({
            conversationId: Type.Union([Type.String(), Type.Null()]),
            messages: Type.Array(
              Type.Object({
                direction: Type.String(),
                author: Type.String(),
                reply: ReplySchema,
                createdAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { channelUserId, limit } = request.query as { channelUserId?: string; limit: number };
      if (!channelUserId) throw new HttpError(400, 'channelUserId is required.');
      const conversation = await app.prisma.conversation.findUnique({
        where: { channel_externalUserId: { channel: 'web', externalUserId: channelUserId } },
      });
      if (!conversation) return { conversationId: null, messages: [] };
      const rows = await app.conversations.history(conversation.id, limit);
      return {
        conversationId: conversation.id,
        messages: rows.map((row) => ({
          direction: row.direction,
          author: row.author,
          // Outgoing messages keep their full reply (citations, cards); incoming ones their text.
          reply:
            row.direction === 'out' && row.payload
              ? JSON.parse(row.payload)
              : { type: 'text', text: row.text ?? '' },
          createdAt: row.createdAt.toISOString(),
        })),
      };
    },
  );
}
