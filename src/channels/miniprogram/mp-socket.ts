import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import Value from 'typebox/value';
import type { WebSocket } from 'ws';
import { HttpError } from '../../http/error-handler.js';
import { mpSessionTokens, tokenFrom } from './mp-auth.js';
import { mpInbound } from './mp-routes.js';
import { MpChatBodySchema } from './mp-schemas.js';

/** A person types at most this many messages per window; more is a script. */
const FLOOD_LIMIT = 10;
const FLOOD_WINDOW_MS = 10_000;

const ClientFrame = Type.Object({ type: Type.Literal('message'), ...MpChatBodySchema.properties });

/**
 * GET /ws/mp/chat — wx.connectSocket with the session token (header or `?token=`). Frames as on
 * /ws/chat: the client sends `{type:"message", text?, location?, image?, locale?}`; the server
 * sends `ready`, `delta`, `replies`, `push` (staff replies, ticket updates) and `error`.
 */
export async function mpSocket(app: FastifyInstance): Promise<void> {
  const tokens = mpSessionTokens(app);

  app.get('/ws/mp/chat', { websocket: true, schema: { hide: true } }, (socket: WebSocket, request) => {
    let unsubscribe: (() => void) | undefined;
    socket.on('error', (err) => request.log.warn({ err: err.message }, 'mini-program socket error'));
    socket.on('close', () => unsubscribe?.());
    const send = (frame: Record<string, unknown>) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    };
    const sendError = (statusCode: number, message: string) =>
      send({
        event: 'error',
        statusCode,
        error: statusCode === 401 ? 'Unauthorized' : statusCode === 429 ? 'Too Many Requests' : 'Bad Request',
        message,
      });

    const session = tokens?.verify(tokenFrom(request));
    if (!session?.ok) {
      sendError(401, 'Log in again with POST /api/mp/login.');
      socket.close(4401, 'unauthorized');
      return;
    }
    const openid = session.openid;
    let conversationId: string | undefined;
    let sentAt: number[] = [];

    const ready = app.conversations
      .findOrCreate('miniprogram', openid)
      .then(async (conversation) => {
        conversationId = conversation.id;
        unsubscribe = app.chat.subscribe(conversation.id, (replies) =>
          send({ event: 'push', conversationId, replies }),
        );
        send({ event: 'ready', conversationId, locale: conversation.locale, mode: conversation.mode });
        // Staff replies and ticket updates queued while the mini-program was closed.
        await app.delivery.flush(conversation.id);
      })
      .catch((err) => {
        request.log.error({ err }, 'mini-program socket could not open its conversation');
        socket.close(1011, 'unavailable');
      });

    socket.on('message', async (raw, isBinary) => {
      const now = Date.now();
      sentAt = sentAt.filter((at) => now - at < FLOOD_WINDOW_MS);
      if (sentAt.length >= FLOOD_LIMIT) return sendError(429, 'Too many messages; wait a few seconds.');
      sentAt.push(now);
      let frame: unknown;
      try {
        frame = isBinary ? undefined : JSON.parse(raw.toString());
      } catch {
        frame = undefined;
      }
      // Defaults first: a location without `coord` is GCJ-02, as wx.getLocation gives it.
      frame = frame && typeof frame === 'object' ? Value.Default(ClientFrame, frame) : frame;
      if (!Value.Check(ClientFrame, frame))
        return sendError(400, 'Frames must be JSON: {"type":"message","text":"…"}.');
      await ready;
      if (!conversationId) return;
      try {
        const { type: _type, ...body } = frame;
        const result = await app.chat.handle(mpInbound(openid, body), {
          conversationId,
          onDelta: (delta) => send({ event: 'delta', conversationId, ...delta }),
        });
        send({ event: 'replies', conversationId, locale: result.locale, replies: result.replies });
      } catch (err) {
        if (err instanceof HttpError) return sendError(err.statusCode, err.message);
        request.log.error({ err }, 'mini-program chat turn failed');
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
