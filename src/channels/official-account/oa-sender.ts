import type { FastifyInstance } from 'fastify';
import type { ChannelSender } from '../../delivery/delivery-service.js';
import { type AccessTokenSource, postWithToken, wechatAppTokens } from '../wechat-common/access-token.js';
import { renderRepliesText } from '../wechat-common/render-text.js';

const CUSTOM_SEND = 'https://api.weixin.qq.com/cgi-bin/message/custom/send';

/** The user has not written in 48 hours, or has had too many messages: wait until they write. */
const OUT_OF_WINDOW = new Set([45015, 45047]);

export function officialAccountTokens(appid: string, secret: string): AccessTokenSource {
  return wechatAppTokens(appid, secret, 'official account');
}

/** Out-of-turn messages through the customer-service message API (客服消息). */
export function officialAccountSender(app: FastifyInstance, tokens: AccessTokenSource): ChannelSender {
  return async (target, replies) => {
    const conversation = await app.conversations.findById(target.id);
    const texts = renderRepliesText(replies, app.t(conversation?.locale ?? 'zh-CN'));
    for (const content of texts) {
      const answer = await postWithToken(tokens, CUSTOM_SEND, {
        touser: target.externalUserId,
        msgtype: 'text',
        text: { content },
      });
      if (answer.errcode && OUT_OF_WINDOW.has(answer.errcode)) return 'offline';
      if (answer.errcode) throw new Error(`custom/send errcode ${answer.errcode}`);
    }
    return 'delivered';
  };
}
