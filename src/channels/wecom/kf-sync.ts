import type { FastifyInstance } from 'fastify';
import { KeyedMutex } from '../../conversation/keyed-mutex.js';
import { DEFAULT_LOCALE } from '../../platform/i18n/locales.js';
import type { AccessTokenSource } from '../wechat-common/access-token.js';
import { withMediaBytes } from '../wechat-common/fetch-media.js';
import type { MessageDedup } from '../wechat-common/message-dedup.js';
import { welcomeText } from '../wechat-common/render-text.js';
import { withAudioBytes } from '../wechat-common/voice-media.js';
import { sendWelcome, syncMessages } from './kf-api.js';
import { kfInbound, kfUserId } from './kf-inbound.js';

const MEDIA_GET = 'https://qyapi.weixin.qq.com/cgi-bin/media/get';

/**
 * Pull and answer new customer-service messages for one account. Pulls for the same account
 * run one at a time and resume from the stored cursor; with no cursor yet (first start), the
 * backlog WeChat keeps (up to 3 days) is skipped rather than answered days late.
 */
export function createKfSync(
  app: FastifyInstance,
  tokens: AccessTokenSource,
  dedup: MessageDedup,
  startedAt = new Date(),
) {
  const mutex = new KeyedMutex();

  async function answer(message: Parameters<typeof kfInbound>[0], fresh: boolean) {
    // The cursor is saved after a page: a restart mid-page pulls its messages again.
    if (!(await dedup.claim('wecom', message.msgid))) return;
    await respond(message, fresh);
    await dedup.done('wecom', message.msgid);
  }

  async function respond(message: Parameters<typeof kfInbound>[0], fresh: boolean) {
    if (!fresh) return;
    const welcome = message.event?.event_type === 'enter_session' ? message.event.welcome_code : undefined;
    if (welcome) {
      // Greet someone who just opened the chat; nothing was said, so no turn is recorded.
      await sendWelcome(tokens, welcome, welcomeText(app.t(DEFAULT_LOCALE)));
      return;
    }
    const inbound = kfInbound(message);
    if (!inbound) return;
    if (inbound === 'unsupported') {
      const conversation = await app.conversations.findOrCreate(
        'wecom',
        kfUserId(message.open_kfid, message.external_userid ?? ''),
      );
      const text = app.t(conversation.locale)('channels:unsupportedMessage');
      await app.delivery.send(conversation.id, [{ type: 'text', text }], { author: 'bot' });
      return;
    }
    const image = inbound.image && (await withMediaBytes(inbound.image, tokens, MEDIA_GET));
    const audio =
      inbound.audio && (await withAudioBytes(inbound.audio, tokens, MEDIA_GET, app.config.ASR_MAX_BYTES));
    const turn = { ...inbound, ...(image ? { image } : {}), ...(audio ? { audio } : {}) };
    // The replies are queued in the outbox with the turn itself: a crash after the commit still sends them.
    const result = await app.chat.handle(turn, { queueFor: 'wecom' });
    await app.delivery.flush(result.conversationId);
  }

  return (openKfId: string, callbackToken?: string) =>
    mutex.run(openKfId, async () => {
      const stored = await app.prisma.wecomKfCursor.findUnique({ where: { openKfId } });
      let cursor = stored?.cursor;
      for (let page = 0; page < 20; page++) {
        const batch = await syncMessages(tokens, { openKfId, callbackToken, cursor });
        for (const message of batch.messages) {
          const fresh = Boolean(stored) || message.send_time * 1000 >= startedAt.getTime() - 60_000;
          try {
            await answer(message, fresh);
          } catch (err) {
            // One bad message must not block the ones after it.
            app.log.error({ err, msgid: message.msgid }, 'WeCom customer-service message failed');
          }
        }
        if (batch.nextCursor && batch.nextCursor !== cursor) {
          cursor = batch.nextCursor;
          await app.prisma.wecomKfCursor.upsert({
            where: { openKfId },
            create: { openKfId, cursor },
            update: { cursor },
          });
        }
        if (!batch.hasMore) break;
      }
    });
}
