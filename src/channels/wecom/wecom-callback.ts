import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { errorBody } from '../../platform/http/error-handler.js';
import { acceptXmlBodies } from '../wechat-common/accept-xml-bodies.js';
import type { BackgroundTasks } from '../wechat-common/background.js';
import { type CallbackKeys, type CallbackQuery, openCallback } from '../wechat-common/callback-envelope.js';
import { createCallbackFreshness } from '../wechat-common/callback-freshness.js';
import { signatureMatches, wxSignature } from '../wechat-common/wx-crypto.js';
import { WX_BODY_MAX_BYTES } from '../wechat-common/wx-xml.js';

const CALLBACK = '/api/wecom/callback';
const QuerySchema = Type.Object({
  msg_signature: Type.Optional(Type.String({ maxLength: 64 })),
  timestamp: Type.Optional(Type.String({ maxLength: 20 })),
  nonce: Type.Optional(Type.String({ maxLength: 64 })),
  echostr: Type.Optional(Type.String({ maxLength: 1024 })),
});
/**
 * All of a busy account's callbacks come from a few WeChat server IPs: the per-IP rate limit
 * would turn users away. The signature check is what keeps others out.
 */
const callbackOptions = {
  schema: { hide: true, querystring: QuerySchema },
  config: { rateLimit: false },
  bodyLimit: WX_BODY_MAX_BYTES,
};

/**
 * WeCom's callback URL for customer service. GET: the URL check (echostr is encrypted; answer
 * with its plaintext). POST: an encrypted "kf_msg_or_event" notice; acknowledge at once and
 * pull the messages in the background (WeCom gives a callback 5 s).
 */
export function wecomCallbackRoutes(
  keys: Required<CallbackKeys>,
  tasks: BackgroundTasks,
  pull: (openKfId: string, callbackToken?: string) => Promise<void>,
) {
  return async (app: FastifyInstance) => {
    const freshness = createCallbackFreshness();
    acceptXmlBodies(app);

    app.get(CALLBACK, callbackOptions, async (request, reply) => {
      const { msg_signature, timestamp = '', nonce = '', echostr = '' } = request.query as CallbackQuery;
      const fresh = freshness.checkTimestamp(timestamp);
      if (!fresh.ok) return reply.status(401).send(errorBody(401, fresh.reason));
      if (!signatureMatches(wxSignature(keys.token, timestamp, nonce, echostr), msg_signature)) {
        return reply.status(401).send(errorBody(401, 'msg_signature does not match'));
      }
      const plain = keys.crypto.decrypt(echostr);
      if (!plain.ok) return reply.status(400).send(errorBody(400, plain.reason));
      return reply.type('text/plain').send(plain.value);
    });

    app.post(CALLBACK, callbackOptions, async (request, reply) => {
      const body = typeof request.body === 'string' ? request.body : '';
      const opened = openCallback(keys, request.query as CallbackQuery, body, {
        freshness,
        requireEncrypted: true,
      });
      if (!opened.ok)
        return reply.status(opened.statusCode).send(errorBody(opened.statusCode, opened.message));
      const { Event: event, OpenKfId: openKfId, Token: callbackToken } = opened.fields;
      if (event === 'kf_msg_or_event' && openKfId) tasks.run(() => pull(openKfId, callbackToken));
      return reply.type('text/plain').send('success');
    });
  };
}
