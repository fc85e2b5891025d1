import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import Value from 'typebox/value';
import type { WebSocket } from 'ws';
import { serveChatSocket } from '../chat-socket-session.js';
import { mpSessionTokens, tokenFrom } from './mp-auth.js';
import { mpInbound } from './mp-routes.js';
import { MpChatBodySchema } from './mp-schemas.js';

const ClientFrame = Type.Object({ type: Type.Literal('message'), ...MpChatBodySchema.properties });

/**
 * GET /ws/mp/chat — wx.connectSocket with the session token (header or `?token=`). The same
 * protocol as /ws/chat (src/channels/chat-socket-session.ts); frames may carry an image too.
 */
export async function mpSocket(app: FastifyInstance): Promise<void> {
  const tokens = mpSessionTokens(app);

  const options = { websocket: true, schema: { hide: true }, onRequest: app.socketCap.guard } as const;
  app.get('/ws/mp/chat', options, (socket: WebSocket, request) => {
    const session = tokens?.verify(tokenFrom(request));
    if (!session?.ok) {
      socket.on('error', () => undefined);
      socket.send(
        JSON.stringify({
          event: 'error',
          statusCode: 401,
          error: 'Unauthorized',
          message: 'Log in again with POST /api/mp/login.',
        }),
      );
      socket.close(4401, 'unauthorized');
      return;
    }
    const openid = session.value;
    serveChatSocket(app, socket, request, {
      channel: 'miniprogram',
      externalUserId: openid,
      toInbound(raw) {
        // Defaults first: a location without `coord` is GCJ-02, as wx.getLocation gives it.
        const frame = raw && typeof raw === 'object' ? Value.Default(ClientFrame, raw) : raw;
        if (!Value.Check(ClientFrame, frame)) return 'Frames must be JSON: {"type":"message","text":"…"}.';
        const { type: _type, ...body } = frame;
        return mpInbound(openid, body);
      },
    });
  });
}
