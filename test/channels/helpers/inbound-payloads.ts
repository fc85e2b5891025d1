import type { FastifyInstance } from 'fastify';

// Stored payloads are loose JSON; assertions pick the fields they check.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Payload = Record<string, any>;

/**
 * The location/image part of each message a user sent in a conversation, oldest first, read
 * through the conversation store (which decrypts what it keeps at rest).
 */
export async function inboundPayloads(app: FastifyInstance, conversationId: string): Promise<Payload[]> {
  const rows = await app.conversations.history(conversationId, 200);
  return rows.filter((row) => row.direction === 'in').map((row) => JSON.parse(row.payload ?? '{}'));
}
