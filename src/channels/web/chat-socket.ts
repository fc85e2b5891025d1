import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import Value from 'typebox/value';
import type { WebSocket } from 'ws';
import { ChatRequestSchema, LocaleSchema } from '../../conversation/schemas.js';
import { serveChatSocket } from '../chat-socket-session.js';
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

/**
 * GET /ws/chat?channelUserId=&locale= — the web chat's live channel (protocol in
 * src/channels/chat-socket-session.ts). The channelUserId is the browser's own random id.
 */
export async function chatSocket(app: FastifyInstance): Promise<void> {
  app.get('/ws/chat', { websocket: true, schema: { hide: true } }, (socket: WebSocket, request) => {
    const query = Value.Check(ConnectQuery, request.query) ? request.query : {};
    const channelUserId = query.channelUserId ?? randomUUID();
    serveChatSocket(app, socket, request, {
      channel: 'web',
      externalUserId: channelUserId,
      locale: query.locale,
      ready: { channelUserId },
      toInbound: (frame) =>
        Value.Check(ClientFrame, frame)
          ? toInbound(frame, 'web', channelUserId)
          : 'Frames must be JSON: {"type":"message","text":"…"}.',
    });
  });
}
