import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../platform/http/error-handler.js';
import { createSessionTokens, type SessionTokens } from './session-token.js';

/** Token issuer/verifier, or undefined when the mini-program is not configured here. */
export function mpSessionTokens(app: FastifyInstance): SessionTokens | undefined {
  const { WECHAT_MP_APPID, WECHAT_MP_SECRET, GONGYOU_DATA_KEY, WECHAT_MP_SESSION_HOURS } = app.config;
  if (!WECHAT_MP_APPID || !WECHAT_MP_SECRET) return undefined;
  return createSessionTokens({
    mpSecret: WECHAT_MP_SECRET,
    dataKey: GONGYOU_DATA_KEY,
    ttlHours: WECHAT_MP_SESSION_HOURS,
  });
}

export function notConfigured(): HttpError {
  return new HttpError(404, 'The WeChat mini-program is not configured on this server.');
}

/** The token from `Authorization: Bearer …` (wx.request / wx.connectSocket header) or `?token=`. */
export function tokenFrom(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const query = request.query as { token?: unknown } | undefined;
  return typeof query?.token === 'string' ? query.token : undefined;
}

/** The openid of the signed-in mini-program user, or a 401 that tells the client to log in again. */
export function requireMpUser(tokens: SessionTokens | undefined, request: FastifyRequest): string {
  if (!tokens) throw notConfigured();
  const result = tokens.verify(tokenFrom(request));
  if (!result.ok) throw new HttpError(401, `Log in again with POST /api/mp/login (${result.reason}).`);
  return result.value;
}
