import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import { fileTicket, loginBearer, PASSWORD } from './staff-fixtures.js';

type Frame = { event: string; handoff?: Record<string, unknown> };

describe('a queue staff can work: chats reach the district the worker names, with what staff need to pick one', () => {
  let t: TestApp;
  let base: string;
  const headers: Record<string, Record<string, string>> = {};

  const socket = (who: string) =>
    new Promise<{ ws: WebSocket; frames: Frame[] }>((resolve, reject) => {
      const ws = new WebSocket(`${base}/ws/staff`, { headers: headers[who] });
      const frames: Frame[] = [];
      ws.on('message', (raw) => {
        const frame = JSON.parse(raw.toString()) as Frame;
        frames.push(frame);
        if (frame.event === 'ready') resolve({ ws, frames });
      });
      ws.on('error', reject);
    });
  const until = async (frames: Frame[], test: (f: Frame) => boolean) => {
    for (let i = 0; i < 300; i++) {
      const found = frames.find(test);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no such frame in ${JSON.stringify(frames)}`);
  };
  const queue = async (who: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/staff/handoffs', headers: headers[who] })).json()
      .handoffs as Array<Record<string, unknown>>;

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: 'acftu', STAFF_LOGIN_PER_MINUTE: '1000' });
    for (const [username, officeId] of [
      ['national.agent', 'acftu'],
      ['xuhui.agent', 'region-310104'],
      ['pudong.agent', 'region-310115'],
    ] as const) {
      await t.app.staffAccounts.create({
        username,
        displayName: username,
        password: PASSWORD,
        role: 'agent',
        officeId,
      });
      headers[username] = await loginBearer(t.app, username);
    }
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('moves a waiting chat to the district the worker names, live, out of the default queue', async () => {
    const national = await socket('national.agent');
    const xuhui = await socket('xuhui.agent');
    const first = await chat(t.app, { channelUserId: 'mover', text: '转人工' });
    const queued = (await until(national.frames, (f) => f.event === 'queue')).handoff as { id: string };
    expect(xuhui.frames.filter((f) => f.event === 'queue')).toEqual([]);

    await chat(t.app, { conversationId: first.conversationId, text: '我在徐汇区送外卖，电话13812345678' });
    const arrived = await until(xuhui.frames, (f) => f.event === 'queue');
    expect(arrived.handoff).toMatchObject({
      id: queued.id,
      officeId: 'region-310104',
      status: 'waiting',
      regionName: '上海市徐汇区',
      preview: '我在徐汇区送外卖，电话138****5678',
    });
    const left = await until(national.frames, (f) => f.event === 'queue' && f.handoff?.status === 'moved');
    expect(left.handoff?.id).toBe(queued.id);
    expect((await queue('national.agent')).map((h) => h.id)).not.toContain(queued.id);
    const [item] = await queue('xuhui.agent');
    expect(item).toMatchObject({
      id: queued.id,
      regionName: '上海市徐汇区',
      regionNameEn: 'Shanghai Xuhui',
      locale: 'zh-CN',
      channel: expect.any(String),
      ticketNumber: null,
      preview: expect.stringContaining('138****5678'),
    });
    expect(item?.waitingSeconds).toBeGreaterThanOrEqual(0);
    // Once the district is known the chat stays: naming another place does not move it again.
    await chat(t.app, { conversationId: first.conversationId, text: '我之前在浦东新区干过' });
    expect((await queue('xuhui.agent')).map((h) => h.id)).toContain(queued.id);
    national.ws.close();
    xuhui.ws.close();
  });

  it('queues a chat for the named district at once, and shows the ticket the chat filed', async () => {
    const named = await chat(t.app, { channelUserId: 'named', text: '我在浦东新区，转人工' });
    const pudong = await queue('pudong.agent');
    expect(pudong.map((h) => h.conversationId)).toContain(named.conversationId);

    const filer = await chat(t.app, { channelUserId: 'filer', text: '你好' });
    const number = await fileTicket(t.app, {
      regionCode: '310115',
      employer: '上海某某物流有限公司',
      conversationId: filer.conversationId,
    });
    await chat(t.app, { conversationId: filer.conversationId, text: '转人工' });
    const item = (await queue('pudong.agent')).find((h) => h.conversationId === filer.conversationId);
    // Asked for after the filing without naming the place again: the queue says where, from the ticket.
    expect(item).toMatchObject({
      ticketNumber: number,
      officeId: 'region-310115',
      regionName: '上海市浦东新区',
    });
  });
});
