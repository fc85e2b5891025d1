import type { FastifyInstance } from 'fastify';

/** Put a conversation in the middle of a flow (a test flow registered for the occasion). */
export async function enterFlow(
  app: FastifyInstance,
  conversationId: string,
  name: string,
  step = 'x',
): Promise<void> {
  const state = {
    v: 1,
    turns: 1,
    memory: {},
    flow: { name, step, data: {}, startedAt: new Date().toISOString() },
  };
  await app.prisma.conversation.update({
    where: { id: conversationId },
    data: { state: JSON.stringify(state) },
  });
}
