import type { FastifyInstance } from 'fastify';
import type { Channel, OutboundMessage } from '../../messages/messages.js';

/**
 * Hand a turn's replies to the outbox for channels that answer out of band (WeCom customer
 * service always; the official account when the answer missed WeChat's 5 s window). The chat
 * service already stored them as Messages, so this queues without storing them a second time
 * (delivery.send would), then tries at once.
 */
export async function queueTurnReplies(
  app: FastifyInstance,
  conversationId: string,
  channel: Channel,
  replies: OutboundMessage[],
): Promise<void> {
  if (!replies.length) return;
  // Anything older still waiting for this user goes first, in order.
  await app.delivery.enqueue(conversationId, channel, replies);
}
