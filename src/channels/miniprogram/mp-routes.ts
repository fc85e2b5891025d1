import type { FastifyInstance } from 'fastify';
import type { InboundMessage } from '../../messages/messages.js';
import { errorBody, HttpError } from '../../platform/http/error-handler.js';
import { jscode2session } from './jscode2session.js';
import { mpSessionTokens, notConfigured, requireMpUser } from './mp-auth.js';
import {
  type MpChatBody,
  MpChatBodySchema,
  MpChatResponseSchema,
  MpErrorSchema,
  MpLoginBodySchema,
  MpLoginResponseSchema,
  type MpNearbyQuery,
  MpNearbyQuerySchema,
} from './mp-schemas.js';

const bearer = [{ bearerAuth: [] }];

/** The mini-program's chat turn: the same engine as every channel, keyed by the user's openid. */
export function mpInbound(openid: string, body: MpChatBody): InboundMessage {
  const text = body.text?.trim();
  if (!text && !body.location && !body.image) throw new HttpError(400, 'Send text, a location or an image.');
  return {
    channel: 'miniprogram',
    externalUserId: openid,
    ...(text ? { text } : {}),
    ...(body.location ? { location: body.location } : {}),
    ...(body.image ? { image: body.image } : {}),
    ...(body.locale ? { locale: body.locale } : {}),
  };
}

/** /api/mp/*: login with wx.login()'s code, then chat and find stations with the session token. */
export async function mpRoutes(app: FastifyInstance): Promise<void> {
  const tokens = mpSessionTokens(app);

  app.post(
    '/api/mp/login',
    {
      schema: {
        tags: ['mini-program'],
        summary: 'Exchange a wx.login() code for a session token',
        body: MpLoginBodySchema,
        response: { 200: MpLoginResponseSchema, 503: MpErrorSchema },
      },
    },
    async (request, reply) => {
      const { WECHAT_MP_APPID: appid, WECHAT_MP_SECRET: secret } = app.config;
      if (!tokens || !appid || !secret) throw notConfigured();
      const { code } = request.body as { code: string };
      const session = await jscode2session({ appid, secret }, code);
      if (session.ok) return tokens.issue(session.openid);
      // The error handler hides 5xx messages; this one is safe and tells the client to retry.
      if (session.statusCode === 503) return reply.status(503).send(errorBody(503, session.message));
      throw new HttpError(session.statusCode, session.message);
    },
  );

  app.post(
    '/api/mp/chat',
    {
      schema: {
        tags: ['mini-program'],
        summary: 'One chat turn for the signed-in mini-program user',
        security: bearer,
        body: MpChatBodySchema,
        response: { 200: MpChatResponseSchema },
      },
    },
    async (request) => {
      const openid = requireMpUser(tokens, request);
      const result = await app.chat.handle(mpInbound(openid, request.body as MpChatBody));
      return { conversationId: result.conversationId, locale: result.locale, replies: result.replies };
    },
  );

  app.get(
    '/api/mp/stations/nearby',
    {
      schema: {
        tags: ['mini-program'],
        summary: 'Stations near a GCJ-02 point (as wx.getLocation({type:"gcj02"}) gives)',
        security: bearer,
        querystring: MpNearbyQuerySchema,
      },
    },
    async (request, reply) => {
      requireMpUser(tokens, request);
      const query = request.query as MpNearbyQuery;
      if (!app.hasRoute({ method: 'GET', url: '/api/stations/nearby' })) {
        throw new HttpError(404, 'Station search is not available on this server.');
      }
      // The stations domain owns the search; this only fixes the coordinate system.
      const answer = await app.inject({
        method: 'GET',
        url: '/api/stations/nearby',
        query: Object.fromEntries(
          Object.entries({ ...query, coord: 'gcj02' }).map(([key, value]) => [
            key,
            key === 'anyAmenity' ? String(value).split(',') : String(value),
          ]),
        ),
        headers: { 'accept-language': request.headers['accept-language'] ?? '' },
      });
      return reply.status(answer.statusCode).type('application/json').send(answer.body);
    },
  );

  app.get(
    '/api/mp/tickets',
    {
      schema: {
        tags: ['mini-program'],
        summary: "The signed-in worker's own complaints: status, office and history (no personal data)",
        security: bearer,
      },
    },
    async (request) => {
      const openid = requireMpUser(tokens, request);
      if (!app.hasDecorator('tickets'))
        throw new HttpError(404, 'Complaints are not available on this server.');
      const conversation = await app.prisma.conversation.findUnique({
        where: { channel_externalUserId: { channel: 'miniprogram', externalUserId: openid } },
        select: { id: true },
      });
      if (!conversation) return { tickets: [] };
      const { items } = await app.tickets.list({ conversationId: conversation.id, limit: 50 });
      // The conversation that filed a ticket may see it without the query code.
      const tickets = await Promise.all(items.map((item) => app.tickets.getPublic(item.number, undefined)));
      return { tickets: tickets.filter(Boolean) };
    },
  );
}
