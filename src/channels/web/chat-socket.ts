import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import Value from 'typebox/value';
import type { WebSocket } from 'ws';
import { ConversationNotFoundError } from '../../conversation/chat-service.js';
import type { OutboundMessage } from '../../conversation/messages.js';
import { ChatRequestSchema, LocaleSchema } from '../../conversation/schemas.js';
import { HttpError } from '../../http/error-handler.js';
import { toInbound } from './chat-routes.js';

const ClientFrame = Type.Object({
  type: Type.Literal('message'),
  text: ChatRequestSchema.properties.text,
  location: ChatRequestSchema.properties.location,
  locale: ChatRequestSchema.properties.locale,
});

const ConnectQuery = Type.Object({
  channelUserId: ChatRequestSchema.properties.channelUserId,
  locale: Type.Optional(LocaleSchema),
});

/** A client may send this many messages per window; more is a flood. */
const FLOOD_LIMIT = 10;
const FLOOD_WINDOW_MS = 10_000;
/** Frames over the limit before the socket is closed. */
const FLOOD_STRIKES = 5;

/**
 * GET /ws/chat — the web chat's live channel. Frames are JSON: the client sends
 * `{type:"message", text?, location?, locale?}`; the server sends `{event:"ready"}`,
 * `{event:"delta"}` (streamed text), `{event:"replies", conversationId, replies}`,
 * `{event:"push", replies}` (a staff reply, a ticket update) and `{event:"error", …}`.
 */
export async function chatSocket(app: FastifyInstance): Promise<void> {
  app.get('/ws/chat', { websocket: true, schema: { hide: true } }, (socket: WebSocket, request) => {
    // Listeners first, before any await: a client that breaks early must not crash the process.
    let unsubscribe: (() => void) | undefined;
    socket.on('error', (err) => request.log.warn({ err: err.message }, 'chat socket error'));
    socket.on('close', () => unsubscribe?.());

    const send = (frame: Record<string, unknown>) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    const sendError = (statusCode: number, message: string) =>
      send({
        event: 'error',
        statusCode,
        error: statusCode === 429 ? 'Too Many Requests' : 'Bad Request',
        message,
      });

    const query = Value.Check(ConnectQuery, request.query) ? request.query : {};
    const channelUserId = query.channelUserId ?? randomUUID();
    let conversationId: string | undefined;
    let sentAt: number[] = [];
    let strikes = 0;

    const ready = app.conversations
      .findOrCreate('web', channelUserId, query.locale)
      .then((conversation) => {
        conversationId = conversation.id;
        unsubscribe = app.chat.subscribe(conversation.id, (replies: OutboundMessage[]) =>
          send({ event: 'push', conversationId, replies }),
        );
        send({
          event: 'ready',
          conversationId,
          channelUserId,
          locale: conversation.locale,
          mode: conversation.mode,
        });
        // Anything queued while the user was away (a staff reply, a ticket update) arrives now.
        app.delivery.flush(conversation.id).catch((err) => request.log.error({ err }, 'outbox flush failed'));
      })
      .catch((err) => {
        request.log.error({ err }, 'chat socket could not open its conversation');
        socket.close(1011, 'unavailable');
      });

    socket.on('message', async (raw, isBinary) => {
      const now = Date.now();
      sentAt = sentAt.filter((t) => now - t < FLOOD_WINDOW_MS);
      if (sentAt.length >= FLOOD_LIMIT) {
        strikes += 1;
        if (strikes >= FLOOD_STRIKES) return socket.close(1008, 'too many messages');
        return sendError(429, 'Too many messages; wait a few seconds.');
      }
      sentAt.push(now);

      let frame: unknown;
      try {
        frame = isBinary ? undefined : JSON.parse(raw.toString());
      } catch {
        frame = undefined;
      }
      if (!Value.Check(ClientFrame, frame)) {
        return sendError(400, 'Frames must be JSON: {"type":"message","text":"…"}.');
      }
      await ready;
      if (!conversationId) return;
      try {
        const inbound = toInbound(frame, 'web', channelUserId);
        const result = await app.chat.handle(inbound, {
          conversationId,
          onDelta: (delta) => send({ event: 'delta', conversationId, ...delta }),
        });
        send({ event: 'replies', conversationId, locale: result.locale, replies: result.replies });
      } catch (err) {
        if (err instanceof HttpError) return sendError(err.statusCode, err.message);
        if (err instanceof ConversationNotFoundError) return sendError(404, 'Conversation not found.');
        request.log.error({ err }, 'chat turn failed');
        send({
          event: 'error',
          statusCode: 500,
          error: 'Internal Server Error',
          message: 'Something went wrong on our side.',
        });
      }
    });
  });
}
