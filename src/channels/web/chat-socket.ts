import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import Compile from 'typebox/compile';
import type { WebSocket } from 'ws';
import { ChatRequestSchema, LocaleSchema } from '../../conversation/schemas.js';
import { serveChatSocket } from '../chat-socket-session.js';
import { toInbound } from './chat-routes.js';
import { createWebChatSecrets } from './web-chat-secrets.js';

const NEEDS_SECRET =
  'This conversation continues only with its clientSecret (sent in its first ready frame).';

const ClientFrame = Type.Object({
  type: Type.Literal('message'),
  text: ChatRequestSchema.properties.text,
  location: ChatRequestSchema.properties.location,
  locale: ChatRequestSchema.properties.locale,
});

const ConnectQuery = Type.Object({
  channelUserId: ChatRequestSchema.properties.channelUserId,
  /** A browser cannot set headers on a socket: the secret comes in the query (never logged). */
  clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  locale: Type.Optional(LocaleSchema),
  /** `1`: this client acknowledges pushes by id (the web chat page does), so they come at least once. */
  ack: Type.Optional(Type.Literal('1')),
});

/**
 * GET /ws/chat?channelUserId=&clientSecret=&locale=&ack=1 — the web chat's live channel (protocol in
 * src/channels/chat-socket-session.ts). The channelUserId is the browser's own random id; a
 * conversation that has a clientSecret is joined only with it, and a new one gets its secret
 * in the `ready` frame.
 */
export async function chatSocket(app: FastifyInstance): Promise<void> {
  // Compiled once: the interpreted Value.Check walked the schema again for every frame (typebox
  // was about 6% of a socket turn's profile).
  const connectQuery = Compile(ConnectQuery);
  const clientFrame = Compile(ClientFrame);
  const secrets = createWebChatSecrets(app.prisma);
  const options = { websocket: true, schema: { hide: true }, onRequest: app.socketCap.guard } as const;
  app.get('/ws/chat', options, (socket: WebSocket, request) => {
    const query = connectQuery.Check(request.query) ? request.query : {};
    const channelUserId = query.channelUserId ?? randomUUID();
    serveChatSocket(app, socket, request, {
      channel: 'web',
      externalUserId: channelUserId,
      locale: query.locale,
      ready: { channelUserId },
      acknowledges: query.ack === '1',
      admit: async (conversation) => {
        const check = await secrets.check(conversation.id, query.clientSecret);
        if (check === 'ok') return {};
        const clientSecret = check === 'unset' ? await secrets.issue(conversation.id) : undefined;
        return clientSecret ? { clientSecret } : NEEDS_SECRET;
      },
      toInbound: (frame) =>
        clientFrame.Check(frame)
          ? toInbound(frame, 'web', channelUserId)
          : 'Frames must be JSON: {"type":"message","text":"…"}.',
    });
  });
}
