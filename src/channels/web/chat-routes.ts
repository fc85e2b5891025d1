import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
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
import { CLIENT_SECRET_HEADER, createWebChatSecrets } from './web-chat-secrets.js';

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

const ClientSecretSchema = Type.String({ minLength: 1, maxLength: 128 });
const WebChatRequestSchema = Type.Object(
  { ...ChatRequestSchema.properties, clientSecret: Type.Optional(ClientSecretSchema) },
  { additionalProperties: false },
);
type WebChatRequest = ChatRequest & { clientSecret?: string };
const WebChatResponseSchema = Type.Object({
  ...ChatResponseSchema.properties,
  /** With a conversation's first reply only: keep it and send it with every later request. */
  clientSecret: Type.Optional(Type.String()),
});
const NEEDS_SECRET = 'This conversation continues only with its clientSecret (sent with its first reply).';

/**
 * POST /api/chat/messages: one chat turn over HTTP (web chat fallback, other clients, tests).
 * A conversation is its first caller's: the first reply carries a clientSecret, and every later
 * request naming the conversation (by conversationId or channelUserId) must carry it too.
 */
export async function chatRoutes(app: FastifyInstance): Promise<void> {
  const secrets = createWebChatSecrets(app.prisma);
  const secretOf = (request: FastifyRequest, fromBody?: string) => {
    const header = request.headers[CLIENT_SECRET_HEADER];
    return fromBody ?? (typeof header === 'string' ? header : undefined);
  };

  app.post(
    '/api/chat/messages',
    {
      schema: {
        tags: ['chat'],
        summary: 'Send a message to the assistant and get its replies',
        body: WebChatRequestSchema,
        response: { 200: WebChatResponseSchema },
      },
    },
    async (request) => {
      const body = request.body as WebChatRequest;
      const existing = await secrets.find(body);
      if (body.conversationId && !existing) throw new HttpError(404, 'Unknown conversationId.');
      const check = existing ? secrets.verify(existing, secretOf(request, body.clientSecret)) : 'unset';
      if (check === 'missing' || check === 'wrong') throw new HttpError(401, NEEDS_SECRET);
      const inbound = toInbound(body, 'web', randomUUID());
      try {
        const result = await app.chat.handle(inbound, { conversationId: existing?.id });
        // New, or from before secrets: it becomes this caller's now.
        const clientSecret =
          check === 'unset' && result.stored ? await secrets.issue(result.conversationId) : undefined;
        return {
          conversationId: result.conversationId,
          locale: result.locale,
          replies: result.replies,
          ...(clientSecret ? { clientSecret } : {}),
        };
      } catch (err) {
        if (err instanceof ConversationNotFoundError) throw new HttpError(404, 'Unknown conversationId.');
        throw err;
      }
    },
  );

  // The web chat shows the conversation again after a reload: the browser's own random id
  // finds it, and its clientSecret (header X-Client-Secret) proves it is this browser's.
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
            clientSecret: Type.Optional(Type.String()),
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
      const conversation = await secrets.find({ channelUserId });
      if (!conversation) return { conversationId: null, messages: [] };
      const check = secrets.verify(conversation, secretOf(request));
      if (check === 'missing' || check === 'wrong') throw new HttpError(401, NEEDS_SECRET);
      const clientSecret = check === 'unset' ? await secrets.issue(conversation.id) : undefined;
      const rows = await app.conversations.history(conversation.id, limit);
      return {
        conversationId: conversation.id,
        ...(clientSecret ? { clientSecret } : {}),
        messages: rows.map((row) => ({
          direction: row.direction,
          author: row.author,
          reply: historyReply(row),
          createdAt: row.createdAt.toISOString(),
        })),
      };
    },
  );
}

/**
 * A stored message as the page shows it, with its id (the page shows each id once): outgoing
 * ones keep their full reply (citations, cards), incoming ones their text and a shared location.
 */
function historyReply(row: { id: string; direction: string; text: string | null; payload: string | null }) {
  if (row.direction === 'out' && row.payload) return { ...JSON.parse(row.payload), id: row.id };
  const extras = row.payload ? (JSON.parse(row.payload) as { location?: Record<string, unknown> }) : {};
  return {
    id: row.id,
    type: 'text',
    text: row.text ?? '',
    ...(extras.location ? { location: extras.location } : {}),
  };
}
