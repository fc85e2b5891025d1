import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ConversationNotFoundError } from '../../conversation/chat-service.js';
import type { InboundMessage } from '../../conversation/messages.js';
import { type ChatRequest, ChatRequestSchema, ChatResponseSchema } from '../../conversation/schemas.js';
import { HttpError } from '../../http/error-handler.js';

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
}
