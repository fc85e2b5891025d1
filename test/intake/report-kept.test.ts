import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowContext } from '../../src/conversation/flow.js';
import { REPORT_FACTS } from '../../src/conversation/flows/intake/remembered-facts.js';
import { initialState } from '../../src/conversation/state.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

const say = (user: string, text: string) => chat(t.app, { channelUserId: user, text });
const flowOf = async (conversationId: string) => {
  const row = await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
  return JSON.parse(row.state) as {
    flow: { data: Record<string, unknown> } | null;
    memory: Record<string, unknown>;
  };
};

describe('a wage report is answered and taken in one reply', () => {
  it('answers a report put as a question with the law and the offer to file, in one reply', async () => {
    const first = await say('kept-asked', '老板拖欠我两个月工资不给，我该怎么办？');
    expect(first.replies).toHaveLength(1);
    const text = first.replies[0]!.text as string;
    expect(text).toContain('第三十条');
    expect(text).toContain('登记欠薪');
    const { flow } = await flowOf(first.conversationId);
    expect(flow?.data).toMatchObject({ periodText: '两个月' });
  });

  it('states the law and asks the first missing fact, with what was said already filled', async () => {
    const first = await say(
      'kept-1',
      '包工头拖着我们的工钱不给 在武汉市江夏区的工地 一共欠了四万三 拖了五个月',
    );
    expect(first.replies).toHaveLength(1);
    const text = first.replies[0]!.text as string;
    expect(text).toContain('劳动合同法');
    expect(text).toContain('第三十条');
    expect(text).toContain('保障农民工工资支付条例');
    // The offer to file is the intake itself: it asks only what is missing (who: 包工头 is no name).
    expect(text).toContain('哪家公司');
    expect(text).not.toContain('什么工作');
    const { flow } = await flowOf(first.conversationId);
    expect(flow?.data).toMatchObject({
      industry: 'construction',
      regionCode: '420115',
      amountYuan: 43000,
      periodText: '五个月',
      pending: 'employer',
    });
  });

  it('shows the summary in the first reply when every fact is there: three bot turns in all', async () => {
    const complete = await say(
      'kept-3',
      '在成都武侯区蜀香串串店当服务员 店里欠我三个月工资六千九 我叫邓丽华 电话13688001234',
    );
    expect(complete.replies[0]!.text).toContain('请核对');
    expect(complete.replies[0]!.text).toContain('劳动合同法');
    expect((await say('kept-3', '对')).replies[0]!.text).toContain('同意');
    const receipt = (await say('kept-3', '同意')).replies[0]!;
    expect(receipt.type).toBe('ticket');
    expect(await t.app.tickets.get(receipt.ticket.number)).toMatchObject({
      regionCode: '510107',
      industry: 'retail',
      employer: '蜀香串串店',
      amountYuan: 6900,
      periodMonths: 3,
    });
    // Filed: the report's facts do not linger in memory.
    expect((await flowOf(complete.conversationId)).memory[REPORT_FACTS]).toBeUndefined();
  });
});

describe('a report the knowledge flow answered as a question', () => {
  it('keeps its facts, offers to file, and the intake starts from them', async () => {
    const question = t.app.flows.forIntent('question');
    expect(question).toBeDefined();
    const first = await say('kept-4', '你好');
    const ctx: FlowContext = {
      conversationId: first.conversationId,
      inbound: { channel: 'api', externalUserId: 'kept-4', text: '' },
      text: '我在苏州工业园区的电子厂上班 厂里欠我两个月工资七千五 能申请劳动仲裁吗？',
      intent: { name: 'question', score: 0.9, source: 'model' },
      locale: 'zh-CN',
      t: t.app.t('zh-CN'),
      state: initialState(),
      mode: 'bot',
      now: new Date(),
    };
    const answered = await question!.start(ctx);
    expect(answered.replies[0]!.quickReplies?.map((q) => q.text)).toContain('我要反映欠薪');
    const facts = answered.memory?.[REPORT_FACTS];
    expect(facts).toMatchObject({ industry: 'factory', regionCode: '320576', amountYuan: 7500 });

    // The turn as the engine would have saved it, then the worker taps the offer.
    await t.app.prisma.conversation.update({
      where: { id: first.conversationId },
      data: { state: JSON.stringify({ ...initialState(), turns: 2, memory: answered.memory }) },
    });
    const filing = await say('kept-4', '我要反映欠薪');
    const text = filing.replies[0]!.text as string;
    expect(text).not.toContain('什么工作');
    expect(text).not.toContain('在哪里上班');
    // The first question it asks is one the question did not answer: who owes the wages.
    expect(text).toContain('哪家公司');
    expect((await flowOf(filing.conversationId)).flow?.data).toMatchObject({
      regionCode: '320576',
      amountYuan: 7500,
      periodText: '两个月',
    });
  });

  it('leaves memory alone for a question that reports nothing', async () => {
    const question = t.app.flows.forIntent('question')!;
    const first = await say('kept-5', '你好');
    const answered = await question.start({
      conversationId: first.conversationId,
      inbound: { channel: 'api', externalUserId: 'kept-5', text: '' },
      text: '试用期可以不交社保吗？',
      intent: { name: 'question', score: 0.9, source: 'model' },
      locale: 'zh-CN',
      t: t.app.t('zh-CN'),
      state: initialState(),
      mode: 'bot',
      now: new Date(),
    });
    expect(answered.memory?.[REPORT_FACTS]).toBeUndefined();
  });
});

describe('an intake another flow took over', () => {
  it('starts again from the facts it had when the worker comes back to filing', async () => {
    await say('kept-6', '在青岛市黄岛区送快递 公司拖欠我工资 一共五千二');
    // A station search replaces the intake as the active flow.
    await say('kept-6', '附近有没有驿站能充电');
    const back = await say('kept-6', '我要反映欠薪');
    const text = back.replies[0]!.text as string;
    expect(text).not.toContain('在哪里上班');
    expect(text).not.toContain('多少钱');
    expect((await flowOf(back.conversationId)).flow?.data).toMatchObject({
      industry: 'courier',
      regionCode: '370211',
      amountYuan: 5200,
    });
  });
});
