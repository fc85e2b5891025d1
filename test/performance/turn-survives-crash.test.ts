import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/test-app.js';
import { WsClient } from '../helpers/ws-client.js';

describe('a chat turn that was answered survives a crash', () => {
  const dir = tempDir('gongyou-turn-crash-');
  const env = {
    DATABASE_URL: `file:${path.join(dir, 'crash.db')}`,
    SEED_SAMPLE_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: '10000000',
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('has every message whose reply a client saw after SIGKILL mid-stream', async () => {
    const server = await startServerProcess(env);
    const ws = server.baseUrl.replace('http', 'ws');
    const users = Array.from({ length: 8 }, (_, i) => `crash-${i}`);
    const answered = new Map<string, string[]>(users.map((user) => [user, []]));
    const secrets = new Map<string, string>();
    let killed = false;
    // Each user keeps sending numbered questions, one after the other's reply.
    const lanes = users.map(async (user) => {
      const client = new WsClient(`${ws}/ws/chat?channelUserId=${user}`);
      client.socket.on('error', () => undefined);
      await client.waitFor((f) => f.event === 'ready');
      for (let n = 0; !killed; n++) {
        const text = `第${n}个问题：加班费怎么算`;
        client.send({ type: 'message', text });
        const frame = await Promise.race([
          client.waitFor((f) => f.event === 'replies' || f.event === 'error', 20_000).catch(() => undefined),
          client.closed.then(() => undefined),
        ]);
        if (frame?.event !== 'replies') break;
        if (typeof frame.clientSecret === 'string') secrets.set(user, frame.clientSecret);
        answered.get(user)!.push(text);
      }
      client.close();
    });
    // Kill once enough turns were answered (counted, not timed).
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        const total = [...answered.values()].reduce((sum, list) => sum + list.length, 0);
        if (total >= 60) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    server.child.kill('SIGKILL');
    killed = true;
    await server.exited;
    await Promise.all(lanes);

    const again = await startServerProcess(env);
    try {
      for (const user of users) {
        const response = await fetch(`${again.baseUrl}/api/chat/history?channelUserId=${user}&limit=100`, {
          headers: { 'x-client-secret': secrets.get(user) ?? '' },
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as {
          messages: { direction: string; reply: { text: string } }[];
        };
        const stored = body.messages.filter((m) => m.direction === 'in').map((m) => m.reply.text);
        // Everything answered is stored, in order; at most the turn in flight is more.
        expect(stored.slice(0, answered.get(user)!.length)).toEqual(answered.get(user));
      }
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 90_000);
});
