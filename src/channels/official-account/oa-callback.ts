import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { ChatTurnResult } from '../../conversation/chat-service.js';
import { errorBody } from '../../platform/http/error-handler.js';
import { DEFAULT_LOCALE } from '../../platform/i18n/locales.js';
import { acceptXmlBodies } from '../wechat-common/accept-xml-bodies.js';
import type { AccessTokenSource } from '../wechat-common/access-token.js';
import type { BackgroundTasks } from '../wechat-common/background.js';
import { ExpiringMap } from '../wechat-common/background.js';
import {
  type CallbackKeys,
  type CallbackQuery,
  openCallback,
  sealReply,
} from '../wechat-common/callback-envelope.js';
import { createCallbackFreshness } from '../wechat-common/callback-freshness.js';
import { withMediaBytes } from '../wechat-common/fetch-media.js';
import type { MessageDedup } from '../wechat-common/message-dedup.js';
import { queueTurnReplies } from '../wechat-common/queue-turn-replies.js';
import { renderRepliesText, WECHAT_TEXT_MAX_BYTES, welcomeText } from '../wechat-common/render-text.js';
import { withAudioBytes } from '../wechat-common/voice-media.js';
import { signatureMatches, wxSignature } from '../wechat-common/wx-crypto.js';
import { buildWxXml, WX_BODY_MAX_BYTES } from '../wechat-common/wx-xml.js';
import { oaInbound } from './oa-inbound.js';

const CALLBACK = '/api/wechat/official-account';
const CHANNEL = 'official-account';
const MEDIA_GET = 'https://api.weixin.qq.com/cgi-bin/media/get';
const QuerySchema = Type.Object({
  signature: Type.Optional(Type.String({ maxLength: 64 })),
  msg_signature: Type.Optional(Type.String({ maxLength: 64 })),
  timestamp: Type.Optional(Type.String({ maxLength: 20 })),
  nonce: Type.Optional(Type.String({ maxLength: 64 })),
  echostr: Type.Optional(Type.String({ maxLength: 1024 })),
  openid: Type.Optional(Type.String({ maxLength: 128 })),
  encrypt_type: Type.Optional(Type.String({ maxLength: 16 })),
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

/** One message's turn, shared by WeChat's retries of it. */
interface Pending {
  /** Undefined when the message was taken before (before a restart, or by another process). */
  turn: Promise<{ result: ChatTurnResult; texts: string[] } | undefined>;
  /** The answer missed the passive window and goes through the customer-service API instead. */
  late: boolean;
  restQueued: boolean;
}

const TIMEOUT = Symbol('timeout');
const FAILED = Symbol('failed');

/**
 * The official account's server URL. GET answers WeChat's URL check; POST takes a message and
 * answers it passively if the turn finishes within WECHAT_PASSIVE_REPLY_MS, otherwise says
 * "success" at once and sends the answer through the outbox (customer-service messages).
 */
export function oaCallbackRoutes(
  keys: CallbackKeys,
  tasks: BackgroundTasks,
  /** For customer-service messages and media downloads; absent without AppID and AppSecret. */
  tokens: AccessTokenSource | undefined,
  /** Messages already taken, kept across restarts; `pending` only shares a turn among retries. */
  dedup: MessageDedup,
) {
  return async (app: FastifyInstance) => {
    const pending = new ExpiringMap<Pending>(60_000);
    const freshness = createCallbackFreshness();
    acceptXmlBodies(app);

    app.get(CALLBACK, callbackOptions, async (request, reply) => {
      const { signature, timestamp = '', nonce = '', echostr = '' } = request.query as CallbackQuery;
      const fresh = freshness.checkTimestamp(timestamp);
      if (!fresh.ok) return reply.status(401).send(errorBody(401, fresh.reason));
      if (!signatureMatches(wxSignature(keys.token, timestamp, nonce), signature)) {
        return reply
          .status(401)
          .send({ statusCode: 401, error: 'Unauthorized', message: 'signature does not match' });
      }
      return reply.type('text/plain').send(echostr);
    });

    app.post(CALLBACK, callbackOptions, async (request, reply) => {
      const deadline = Date.now() + app.config.WECHAT_PASSIVE_REPLY_MS;
      const opened = openCallback(
        keys,
        request.query as CallbackQuery,
        typeof request.body === 'string' ? request.body : '',
        { freshness },
      );
      if (!opened.ok) {
        return reply.status(opened.statusCode).send(errorBody(opened.statusCode, opened.message));
      }
      const { fields, encrypted } = opened;
      const answer = (texts: string[]) => {
        const xml = buildWxXml({
          ToUserName: fields.FromUserName ?? '',
          FromUserName: fields.ToUserName ?? '',
          CreateTime: Math.floor(Date.now() / 1000),
          MsgType: 'text',
          Content: texts.join('\n\n'),
        });
        return reply.type('application/xml').send(sealReply(keys, xml, encrypted));
      };
      const success = () => reply.type('text/plain').send('success');

      const parsed = oaInbound(fields, 'official-account');
      if (parsed.kind === 'ignored') return success();
      if (parsed.kind === 'welcome') return answer([welcomeText(app.t(DEFAULT_LOCALE))]);
      if (parsed.kind === 'unsupported')
        return answer([app.t(DEFAULT_LOCALE)('channels:unsupportedMessage')]);

      let entry = pending.get(parsed.key);
      if (!entry) {
        const { inbound } = parsed;
        const key = parsed.key;
        // Set in `pending` before the first await, so retries arriving meanwhile share this turn.
        const turn = dedup.claim(CHANNEL, key).then(async (claimed) => {
          if (!claimed) return undefined;
          const message = inbound.image
            ? { ...inbound, image: await withMediaBytes(inbound.image, tokens, MEDIA_GET) }
            : inbound.audio && !inbound.audio.transcribed
              ? {
                  ...inbound,
                  audio: await withAudioBytes(inbound.audio, tokens, MEDIA_GET, app.config.ASR_MAX_BYTES),
                }
              : inbound;
          const result = await app.chat.handle(message);
          await dedup.done(CHANNEL, key);
          return { result, texts: renderRepliesText(result.replies, app.t(result.locale)) };
        });
        entry = { turn, late: false, restQueued: false };
        pending.set(key, entry);
        // Whatever waited in the outbox can go now: the user just wrote, so the 48 h window is open.
        tasks.run(async () => {
          const done = await turn;
          if (done) await app.delivery.flush(done.result.conversationId);
        });
      }
      const current = entry;
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        current.turn,
        new Promise<typeof TIMEOUT>((resolve) => {
          timer = setTimeout(() => resolve(TIMEOUT), Math.max(0, deadline - Date.now()));
        }),
      ])
        .catch((err): typeof FAILED => {
          request.log.error({ err }, 'official account: chat turn failed');
          return FAILED;
        })
        .finally(() => clearTimeout(timer));
      // Better an apology than WeChat's "this account cannot serve you right now".
      if (outcome === FAILED) return answer([app.t(DEFAULT_LOCALE)('channels:failed')]);
      // Answered before: WeChat takes "success" as "no reply", so the worker is not answered twice.
      if (outcome === undefined) return success();

      if (current.late) return success();
      if (outcome === TIMEOUT) {
        current.late = true;
        if (!tokens) {
          request.log.warn(
            'official account: answer missed the passive window and no AppSecret is set to send it',
          );
          return success();
        }
        tasks.run(async () => {
          const done = await current.turn;
          if (done) await queueTurnReplies(app, done.result.conversationId, CHANNEL, done.result.replies);
        });
        // Say it is coming: a slow answer (an LLM) follows as a customer-service message.
        return answer([app.t(DEFAULT_LOCALE)('channels:answerComing')]);
      }
      const [passive, rest] = packPassive(outcome.texts);
      if (rest.length && !current.restQueued) {
        current.restQueued = true;
        const replies = rest.map((text) => ({ type: 'text' as const, text }));
        tasks.run(() => queueTurnReplies(app, outcome.result.conversationId, 'official-account', replies));
      }
      return passive.length ? answer(passive) : success();
    });
  };
}

/** As many pieces as fit in one passive reply; the rest goes as customer-service messages. */
function packPassive(texts: string[]): [string[], string[]] {
  let size = 0;
  let count = 0;
  for (const text of texts) {
    size += Buffer.byteLength(text) + (count ? 2 : 0);
    if (size > WECHAT_TEXT_MAX_BYTES && count) break;
    count += 1;
  }
  return [texts.slice(0, count), texts.slice(count)];
}
