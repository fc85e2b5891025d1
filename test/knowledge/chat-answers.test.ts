import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterFlow } from '../helpers/enter-flow.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import { HAS_SHARED_LAWS, LAWS_DIR } from './laws-dir.js';

describe('labor-law answers through POST /api/chat/messages (offline)', () => {
  let t: TestApp;
  const escalations: Record<string, unknown>[] = [];
  beforeAll(async () => {
    t = await createTestApp({ KNOWLEDGE_DIR: LAWS_DIR });
    t.app.chat.onEffect('escalate', async (effect) => {
      escalations.push(effect);
    });
  });
  afterAll(async () => t.close());

  it.skipIf(!HAS_SHARED_LAWS)(
    'answers the rider’s arrears question with citations, next steps and a report button',
    async () => {
      const body = await chat(t.app, {
        channelUserId: 'qa-1',
        text: '拖欠工资违法吗？法律上怎么规定的',
      });
      const [reply] = body.replies;
      expect(reply?.type).toBe('answer');
      expect(reply?.text).toContain('下一步');
      expect(reply?.citations).toContainEqual(
        expect.objectContaining({ law: '劳动合同法', article: 30, title: '第三十条' }),
      );
      expect(reply?.citations[0].snippet).toContain('用人单位');
      for (const citation of reply?.citations ?? []) {
        expect(citation.law).not.toMatch(/^中华人民共和国/);
        expect(Number.isInteger(citation.article)).toBe(true);
      }
      expect(reply?.quickReplies).toContainEqual({ label: '我要反映欠薪', text: '我要反映欠薪' });
    },
  );

  it('answers a wage report put as a question in English with the law and the offer to file', async () => {
    const body = await chat(t.app, {
      channelUserId: 'qa-2b',
      text: 'My boss has not paid my wages for two months, what can I do?',
    });
    expect(body.locale).toBe('en');
    expect(body.replies).toHaveLength(1);
    expect(body.replies[0]?.text).toContain('Labour Contract Law, Article 30');
    expect(body.replies[0]?.text).toContain('report unpaid wages');
  });

  it('answers in English with English next steps', async () => {
    const body = await chat(t.app, {
      channelUserId: 'qa-2',
      text: 'is it legal for my boss to pay wages late?',
    });
    expect(body.locale).toBe('en');
    const [reply] = body.replies;
    expect(reply?.type).toBe('answer');
    expect(reply?.text).toContain('What to do next');
    expect(reply?.citations.map((c: { law: string }) => c.law)).toContain('劳动合同法');
    expect(reply?.quickReplies).toContainEqual({
      label: 'Report unpaid wages',
      text: 'I want to report unpaid wages',
    });
  });

  it('counts answers by source in /metrics', async () => {
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/gongyou_knowledge_answers_total\{[^}]*source="offline"[^}]*\} [1-9]/);
  });

  it.skipIf(!HAS_SHARED_LAWS)('looks up an article named outright', async () => {
    const body = await chat(t.app, { channelUserId: 'qa-3', text: '劳动合同法第八十二条是怎么规定的？' });
    const [reply] = body.replies;
    expect(reply?.citations[0]).toMatchObject({ law: '劳动合同法', article: 82 });
    expect(reply?.text).toContain('二倍的工资');
  });

  it('invites a question from the menu button instead of guessing one', async () => {
    const body = await chat(t.app, { channelUserId: 'qa-4', text: '我想咨询劳动法律问题' });
    expect(body.replies[0]?.type).toBe('text');
    expect(body.replies[0]?.text).toContain('请直接说出你的问题');
  });

  it('says so honestly when it has no grounded answer', async () => {
    const body = await chat(t.app, { channelUserId: 'qa-5', text: '劳动法能不能帮我找对象？' });
    expect(body.replies[0]?.type).toBe('text');
    expect(body.replies[0]?.text).toContain('12351');
    expect(body.replies[0]?.citations).toBeUndefined();
  });

  it('does not answer from a card matched only on who is asking (外卖, 平台)', async () => {
    // Out of scope: the menu, not a platform card.
    const body = await chat(t.app, { channelUserId: 'qa-13', text: '外卖平台哪家便宜？' });
    expect(body.replies[0]?.type).toBe('text');
    expect(body.replies[0]?.text).toContain('找附近的工会驿站');
  });

  it('hands over to staff after two questions in a row without a grounded answer', async () => {
    // Labor-law questions no card answers (a joke such as 劳动法能帮我找对象吗 is out of scope: the menu).
    const first = await chat(t.app, { channelUserId: 'qa-12', text: '劳动法规定工服必须是什么颜色吗？' });
    expect(first.replies[0]?.text).toContain('没有把握');
    expect(escalations.filter((e) => e.reason === 'ungrounded')).toHaveLength(0);
    const second = await chat(t.app, { channelUserId: 'qa-12', text: '劳动法有没有规定公司年会必须抽奖？' });
    expect(second.replies[0]?.text).toContain('工作人员');
    expect(escalations).toContainEqual(expect.objectContaining({ reason: 'ungrounded', priority: 'normal' }));
    const stored = await t.app.prisma.conversation.findUniqueOrThrow({
      where: { id: second.conversationId },
    });
    expect(stored.mode).toBe('waiting');
  });

  it('reads a wage report without a verb next to 工资 as a report, and chatter as not understood', async () => {
    // No verb next to 工资 and no "欠": the trained model still reads the report.
    const report = await chat(t.app, { channelUserId: 'qa-6', text: '包工头跑路了' });
    expect(report.replies[0]?.text).toContain('登记欠薪');
    const chatter = await chat(t.app, { channelUserId: 'qa-7', text: '今天天气不错' });
    expect(chatter.replies[0]?.text).toContain('没太明白');
    // Keys mashed by mistake: whatever the model reads, the worker gets the menu, never a card.
    const mashed = (await chat(t.app, { channelUserId: 'qa-7b', text: 'asdfgh' })).replies[0]!;
    expect(mashed.type).toBe('text');
    expect(mashed.quickReplies?.length).toBeGreaterThan(3);
  });

  it('puts 110/120 first and escalates urgently when someone is in danger, even mid-question', async () => {
    const body = await chat(t.app, { channelUserId: 'qa-8', text: '老板再不给工资我就跳楼' });
    expect(body.replies[0]?.text).toMatch(/110[\s\S]*120/);
    expect(escalations).toContainEqual(
      expect.objectContaining({ type: 'escalate', reason: 'emergency', priority: 'urgent' }),
    );
    const stored = await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: body.conversationId } });
    expect(stored.mode).toBe('waiting');
  });

  it('checks for danger before the flow the user is in takes the message', async () => {
    // A multi-turn flow holding the conversation, as an intake asking for a name would.
    t.app.flows.register({
      name: 'test-holding-flow',
      intents: [],
      start: async () => ({ replies: [] }),
      resume: async () => ({ replies: [{ type: 'text', text: 'still in the flow' }] }),
    });
    const first = await chat(t.app, { channelUserId: 'qa-11', text: '你好' });
    await enterFlow(t.app, first.conversationId, 'test-holding-flow', 'name');
    const calm = await chat(t.app, { conversationId: first.conversationId, text: '张三' });
    expect(calm.replies[0]?.text).toBe('still in the flow');
    const danger = await chat(t.app, { conversationId: first.conversationId, text: '工头拿刀威胁我' });
    expect(danger.replies[0]?.text).toContain('110');
  });

  it('answers the injury question after the emergency numbers', async () => {
    const body = await chat(t.app, { channelUserId: 'qa-9', text: '送外卖路上被车撞了腿在流血，算工伤吗' });
    expect(body.replies[0]?.text).toContain('120');
    expect(body.replies[1]?.type).toBe('answer');
    expect(body.replies[1]?.citations.map((c: { law: string }) => c.law)).toContain('工伤保险条例');
  });

  it('answers a past injury asked about with the law and the offer of a person, without an alarm', async () => {
    const before = escalations.length;
    const body = await chat(t.app, { channelUserId: 'qa-14', text: '被小车撞了 腿骨折住院了 算工伤吗' });
    expect(body.replies[0]?.type).toBe('answer');
    expect(body.replies[0]?.text).not.toContain('120');
    expect(body.replies[0]?.quickReplies[0]?.text).toBe('转人工');
    expect(escalations.length).toBe(before);
  });

  it('does not treat "打我电话" as violence', async () => {
    const body = await chat(t.app, { channelUserId: 'qa-10', text: '加班费怎么算？有事打我电话' });
    expect(body.replies[0]?.type).toBe('answer');
    expect(body.replies[0]?.text).not.toContain('110');
  });
});
