import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/staff/roles.js';
import { chat } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { loginBearer, PASSWORD } from '../staff/staff-fixtures.js';

/** A staff account and its bearer headers. */
export async function staffWithLogin(
  app: FastifyInstance,
  username: string,
  role: Role,
  officeId: string,
  displayName = username,
) {
  const account = await app.staffAccounts.create({
    username,
    displayName,
    password: PASSWORD,
    role,
    officeId,
  });
  return { id: account.id, headers: await loginBearer(app, username) };
}

/** A worker asks for a person; resolves with the handoff once the queue holds it. */
export async function workerAsksForPerson(app: FastifyInstance, who: string) {
  const reply = await chat(app, { channelUserId: who, text: '转人工' });
  let handoffId = '';
  await until(async () => {
    const row = await app.prisma.handoff.findFirst({ where: { conversationId: reply.conversationId } });
    handoffId = row?.id ?? '';
    return !!row;
  }, `the handoff of ${who}`);
  return { conversationId: reply.conversationId, handoffId };
}

export async function handoffRow(app: FastifyInstance, id: string) {
  return app.prisma.handoff.findUniqueOrThrow({ where: { id } });
}

/** What the worker has been sent (the conversation's stored messages, decrypted). */
export async function workerSees(app: FastifyInstance, conversationId: string): Promise<string[]> {
  const messages = await app.conversations.history(conversationId, 200);
  return messages.filter((m) => m.direction === 'out').map((m) => m.text ?? '');
}
