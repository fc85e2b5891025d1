import type { DeliveryTarget } from '../../delivery/delivery-service.js';
import type { Channel, OutboundMessage } from '../../messages/messages.js';
import type { Db } from '../../platform/db/create-prisma.js';
import type { Prisma } from '../../platform/db/db-types.js';
import type { MessageCodec } from '../../platform/privacy/message-codec.js';

/**
 * The conversation store's side of messages sent outside a turn (a staff reply, a status
 * notice): Message rows are written only here and in the store's saveTurn, always sealed. The
 * outbox (src/delivery) gets these as functions, so it never writes another domain's table.
 */
export function createOutboundMessages(prisma: Db, codec: MessageCodec) {
  return {
    async target(conversationId: string): Promise<DeliveryTarget | undefined> {
      const row = await prisma.conversation.findUnique({
        where: { id: conversationId },
        select: { id: true, channel: true, externalUserId: true },
      });
      return row
        ? { id: row.id, channel: row.channel as Channel, externalUserId: row.externalUserId }
        : undefined;
    },

    /** The Message writes for replies, for the caller's transaction; ordered one millisecond apart. */
    writes(
      conversationId: string,
      replies: OutboundMessage[],
      author: string,
      at: Date,
    ): Prisma.PrismaPromise<unknown>[] {
      return replies.map((reply, index) =>
        prisma.message.create({
          data: {
            // The id the client acknowledges and dedupes on is the stored row's own.
            ...(reply.id ? { id: reply.id } : {}),
            conversationId,
            direction: 'out',
            author,
            text: codec.seal(reply.text),
            payload: codec.seal(JSON.stringify(reply)),
            createdAt: new Date(at.getTime() + index),
          },
        }),
      );
    },
  };
}

export type OutboundMessages = ReturnType<typeof createOutboundMessages>;
