import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Flow } from '../../src/conversation/flow.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { chat, tempDir } from '../helpers/test-app.js';

// A two-step flow standing in for any multi-turn flow: it asks a question, then needs the answer.
// Registered under a name no real flow uses; started by writing its state, as a real flow would.
const echoFlow: Flow = {
  name: 'test-two-step',
  intents: [],
  async start() {
    return { replies: [] };
  },
  async resume(ctx, active) {
    const asked = String(active.data.asked);
    return { replies: [{ type: 'text', text: `${asked} → ${ctx.text}` }], flow: null };
  },
};

describe('a restart resumes every conversation where the user was', () => {
  const dir = tempDir();
  const config = loadConfig({
    DATABASE_URL: `file:${path.join(dir, 'db.sqlite')}`,
    LOG_LEVEL: 'silent',
    SEED_SAMPLE_DATA: 'false',
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function start(): Promise<FastifyInstance> {
    const app = await buildApp(config);
    app.flows.register(echoFlow);
    await app.ready();
    return app;
  }

  it('keeps language, turns and the active flow across a restart', async () => {
    let app = await start();
    const first = await chat(app, { channelUserId: 'restart-rider', text: 'hello' });
    const state = {
      v: 1,
      flow: {
        name: 'test-two-step',
        step: 'ask',
        data: { asked: 'which district?' },
        startedAt: new Date().toISOString(),
      },
      turns: 1,
      memory: {},
    };
    await app.prisma.conversation.update({
      where: { id: first.conversationId },
      data: { state: JSON.stringify(state) },
    });
    await app.close();

    app = await start();
    const resumed = await chat(app, { channelUserId: 'restart-rider', text: '浦东新区' });
    expect(resumed.conversationId).toBe(first.conversationId);
    expect(resumed.replies[0]?.text).toBe('which district? → 浦东新区');
    const row = await app.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(row.locale).toBe('en');
    expect(JSON.parse(row.state)).toMatchObject({ flow: null, turns: 2 });
    await app.close();
  });

  it('a corrupt state row is reported and reset, never a 5xx', async () => {
    const app = await start();
    const first = await chat(app, { channelUserId: 'corrupt-rider', text: '你好' });
    await app.prisma.conversation.update({
      where: { id: first.conversationId },
      data: { state: '{"v":99,"flow":"??"}' },
    });
    const next = await chat(app, { channelUserId: 'corrupt-rider', text: '你好' });
    expect(next.replies[0]?.text).toContain('从头开始');
    expect(next.replies[1]?.text).toContain('工友');
    const row = await app.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
    expect(JSON.parse(row.state)).toMatchObject({ v: 1, flow: null });
    await app.close();
  });
});
