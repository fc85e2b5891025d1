import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, clientSecretFor, createTestApp, type TestApp } from '../helpers/test-app.js';

describe('POST /api/chat/messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('greets in Chinese with the menu of what the service does', async () => {
    const body = await chat(t.app, { channelUserId: 'rider-1', text: '你好' });
    expect(body.locale).toBe('zh-CN');
    const [reply] = body.replies;
    expect(reply?.text).toContain('工友');
    expect(reply?.text).toContain('工会驿站');
    expect(reply?.quickReplies.map((q: { label: string }) => q.label)).toEqual([
      '问法律问题',
      '找附近驿站',
      '反映欠薪',
      '找工作人员',
      '查询进度',
    ]);
  });

  it('switches to English when the worker writes hello', async () => {
    await chat(t.app, { channelUserId: 'rider-2', text: '你好' });
    const body = await chat(t.app, { channelUserId: 'rider-2', text: 'hello' });
    expect(body.locale).toBe('en');
    expect(body.replies[0]?.text).toMatch(/^Hello! I'm Gongyou/);
    expect(body.replies[0]?.quickReplies[0].label).toBe('Ask a question');
  });

  it('switches back to Chinese on request and keeps the conversation', async () => {
    const first = await chat(t.app, { channelUserId: 'rider-3', text: 'hi' });
    const second = await chat(t.app, { channelUserId: 'rider-3', text: '说中文' });
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.locale).toBe('zh-CN');
    expect(second.replies[0]?.text).toContain('中文');
  });

  it('honours an explicit locale over detection', async () => {
    const body = await chat(t.app, { channelUserId: 'rider-4', text: '你好', locale: 'en' });
    expect(body.locale).toBe('en');
    expect(body.replies[0]?.text).toContain('Gongyou');
  });

  it('continues a conversation by conversationId', async () => {
    const first = await chat(t.app, { text: '你好' });
    const second = await chat(t.app, { conversationId: first.conversationId, text: '菜单' });
    expect(second.conversationId).toBe(first.conversationId);
    const stored = await t.app.prisma.message.count({ where: { conversationId: first.conversationId } });
    expect(stored).toBe(4);
  });

  it('answers an unknown conversationId with 404', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      payload: { conversationId: 'nope', text: '你好' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('cancel outside a flow says there is nothing to cancel', async () => {
    const body = await chat(t.app, { channelUserId: 'rider-5', text: '取消' });
    expect(body.replies[0]?.text).toContain('没有进行中的事项');
  });
});

describe('GET /api/chat/history', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('returns the conversation in order, replies with their rich parts', async () => {
    await chat(t.app, { channelUserId: 'history-rider', text: '你好' });
    await chat(t.app, { channelUserId: 'history-rider', text: 'hello' });
    // The page sends the conversation's secret, which only this browser holds.
    const response = await t.app.inject({
      url: '/api/chat/history?channelUserId=history-rider',
      headers: { 'x-client-secret': clientSecretFor(t.app, 'history-rider') ?? '' },
    });
    expect(response.statusCode).toBe(200);
    const { messages } = response.json();
    expect(messages.map((m: { direction: string }) => m.direction)).toEqual(['in', 'out', 'in', 'out']);
    expect(messages[0].reply.text).toBe('你好');
    expect(messages[1].reply.quickReplies).toHaveLength(5);
    expect(messages[3].reply.text).toContain('Gongyou');
  });

  it('an unknown user has no history; a missing id is a 400', async () => {
    expect((await t.app.inject({ url: '/api/chat/history?channelUserId=nobody' })).json()).toEqual({
      conversationId: null,
      messages: [],
    });
    expect((await t.app.inject({ url: '/api/chat/history' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/chat/history?channelUserId=x&limit=500' })).statusCode).toBe(400);
  });
});

describe('numbered menu answers (text-only channels)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('a bare "4" after the menu asks for a person, in the conversation language', async () => {
    await chat(t.app, { channelUserId: 'digits', text: '你好' });
    const body = await chat(t.app, { channelUserId: 'digits', text: '4' });
    const stored = await t.app.conversations.history(body.conversationId, 1);
    // The reply is the handoff flow's, not the "didn't understand" menu.
    expect(body.replies[0]?.text).not.toContain('我没太明白');
    expect(stored[0]?.direction).toBe('out');
    const row = await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: body.conversationId } });
    expect(JSON.parse(row.state).lastIntent).toBe('human');
  });

  it('"1" starts a question, "9" is not a menu item', async () => {
    await chat(t.app, { channelUserId: 'digits-2', text: '你好' });
    await chat(t.app, { channelUserId: 'digits-2', text: '1' });
    let row = await t.app.prisma.conversation.findFirstOrThrow({ where: { externalUserId: 'digits-2' } });
    expect(JSON.parse(row.state).lastIntent).toBe('question');
    await chat(t.app, { channelUserId: 'digits-2', text: '9' });
    row = await t.app.prisma.conversation.findFirstOrThrow({ where: { externalUserId: 'digits-2' } });
    expect(JSON.parse(row.state).lastIntent).not.toBe('question');
  });
});
