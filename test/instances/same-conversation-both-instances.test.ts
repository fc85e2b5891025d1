import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInstancesOnEachEngine } from '../helpers/instance-engines.js';
import { type Instances, startInstances } from '../helpers/instances.js';

const ROUNDS = 8;

async function post(base: string, body: Record<string, unknown>) {
  const response = await fetch(`${base}/api/chat/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// No sticky sessions: a worker's double tap can reach both instances at once. Each instance's own
// lock serialises only its turns; the conversation's version makes the slower save run again over
// the faster one's state instead of writing over it (or failing with a 5xx).
describeInstancesOnEachEngine('one conversation answered by two instances at once', (engine) => {
  let pair: Instances;
  beforeAll(async () => {
    pair = await startInstances({ engine });
  });
  afterAll(async () => pair?.close());

  it('answers every message, keeps every turn, and writes each over the one before it', async () => {
    const first = await post(pair.a.http, { channelUserId: `both-instances-${engine}`, text: '你好' });
    expect(first.status).toBe(200);
    const conversationId = String(first.body.conversationId);
    const clientSecret = String(first.body.clientSecret);

    const statuses: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const results = await Promise.all([
        post(pair.a.http, { conversationId, clientSecret, text: `加班费怎么算 A${round}` }),
        post(pair.b.http, { conversationId, clientSecret, text: `年假有几天 B${round}` }),
      ]);
      statuses.push(...results.map((result) => result.status));
    }
    expect(statuses).toEqual(Array(2 * ROUNDS).fill(200));

    const history = await pair.b.app.conversations.history(conversationId, 200);
    const inbound = history.filter((m) => m.direction === 'in').map((m) => m.text);
    expect(inbound).toHaveLength(1 + 2 * ROUNDS);
    expect(new Set(inbound).size).toBe(inbound.length);
    // Every saved turn bumped the version once, each over the version the previous turn left.
    const row = await pair.a.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(row.version).toBe(1 + 2 * ROUNDS);
  });
});
