import type { FastifyInstance } from 'fastify';
import type { ChannelSender } from '../../delivery/delivery-service.js';
import type { AccessTokenSource } from '../wechat-common/access-token.js';
import { renderRepliesText } from '../wechat-common/render-text.js';
import { sendText } from './kf-api.js';
import { parseKfUserId } from './kf-inbound.js';

/** Turn answers, staff replies and ticket updates through kf/send_msg. */
export function wecomSender(app: FastifyInstance, tokens: AccessTokenSource): ChannelSender {
  return async (target, replies) => {
    const to = parseKfUserId(target.externalUserId);
    if (!to) throw new Error('WeCom conversation without a customer-service account id');
    const conversation = await app.conversations.findById(target.id);
    for (const content of renderRepliesText(replies, app.t(conversation?.locale ?? 'zh-CN'))) {
      if (!(await sendText(tokens, to, content))) return 'offline';
    }
    return 'delivered';
  };
}
