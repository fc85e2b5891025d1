import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

const say = (user: string, text: string) => chat(t.app, { channelUserId: user, text });
const textOf = async (user: string, message: string) => (await say(user, message)).replies[0]!.text as string;
const dataOf = async (conversationId: string) => {
  const row = await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
  return (JSON.parse(row.state) as { flow: { data: Record<string, unknown> } | null }).flow?.data;
};
const offersPerson = (reply: { quickReplies?: { text: string }[] }) =>
  (reply.quickReplies ?? []).some((q) => q.text === '转人工');

describe('an answer the parser cannot read', () => {
  it('is clarified once, then kept as said for staff to check, and a person is offered', async () => {
    const user = 'loop-amount';
    const first = await say(user, '我在济南市历下区的鲁味轩饭店当服务员 老板拖欠我两个月工资');
    expect(first.replies[0]!.text).toContain('多少钱');
    const clarified = (await say(user, '反正挺多的')).replies[0]!;
    // One clarifying question, about the same thing, with an example.
    expect(clarified.text).toContain('大概数');
    expect(offersPerson(clarified)).toBe(false);
    const moved = (await say(user, '记不太清 他说月底算')).replies[0]!;
    // Kept as said, and the intake moves on to the next field, offering a person.
    expect(moved.text).toContain('按您说的记下');
    expect(moved.text).toContain('怎么称呼');
    expect(offersPerson(moved)).toBe(true);
    expect(await dataOf(first.conversationId)).toMatchObject({
      unverified: ['amount'],
      stated: { amount: '记不太清 他说月底算' },
      pending: 'name',
    });

    await say(user, '宋春燕');
    const summary = await textOf(user, '13105317788');
    expect(summary).toContain('记不太清 他说月底算');
    expect(summary).toContain('待核实');
    await say(user, '对的');
    const receipt = (await say(user, '同意')).replies[0]!;
    const ticket = await t.app.tickets.get(receipt.ticket.number);
    expect(ticket?.amountYuan).toBeNull();
    // Staff see what to check, in the worker's words, at the top of the description.
    expect(ticket?.description).toMatch(/^【工作人员请注意】/);
    expect(ticket?.description).toContain('欠薪金额：记不太清 他说月底算');
    expect(ticket?.description).toContain('请与工人核实：欠薪金额');
  });

  it('never asks the same question a third time, even when every answer is unreadable', async () => {
    const user = 'loop-stubborn';
    const asked: string[] = [];
    let data = await dataOf((await say(user, '我要反映欠薪')).conversationId);
    for (let i = 0; i < 14 && data; i++) {
      asked.push(String(data.step === 'collect' ? data.pending : data.step));
      const reply = await say(user, '嗯嗯嗯那个');
      data = await dataOf(reply.conversationId);
    }
    const counts = new Map<string, number>();
    for (const q of asked) counts.set(q, (counts.get(q) ?? 0) + 1);
    // Every field, at most twice; the confirm step too (a person is offered instead).
    for (const [question, times] of counts) expect(times, question).toBeLessThanOrEqual(2);
    expect(asked).toContain('phone');
  });
});

describe('a place several cities share', () => {
  it('is asked about at most twice, then kept as said, and not asked again when it comes back', async () => {
    const user = 'loop-chaoyang';
    await say(user, '我要反映欠薪');
    await say(user, '送外卖');
    const steps: unknown[] = [];
    for (const answer of ['朝阳区', '就那个朝阳区', '朝阳区啊', '朝阳区的美团站']) {
      const reply = await say(user, answer);
      const data = await dataOf(reply.conversationId);
      steps.push(data?.step);
    }
    expect(steps.filter((step) => step === 'choose-place').length).toBeLessThanOrEqual(2);
    const data = await dataOf((await say(user, '三千二')).conversationId);
    expect(data).toMatchObject({ unverified: ['place'], stated: { place: '朝阳区啊' } });
    expect(data?.step).toBe('collect');
    expect(data?.pending).not.toBe('place');
  });
});

describe('a place several cities share, offered again after a "no"', () => {
  it('does not go round between "which one?" and "where?"', async () => {
    const user = 'loop-chaoyang-2';
    await say(user, '我要反映欠薪');
    await say(user, '送外卖');
    const steps: string[] = [];
    for (const answer of ['朝阳区', '都不是', '朝阳区', '都不是', '朝阳区']) {
      const data = await dataOf((await say(user, answer)).conversationId);
      steps.push(`${data?.step}:${data?.pending}`);
    }
    const placeQuestions = steps.filter((step) => step.endsWith(':place'));
    expect(placeQuestions.length, steps.join(' ')).toBeLessThanOrEqual(3);
    expect(steps.at(-1)).not.toMatch(/:place$/);
  });
});

describe('answers outside the usual forms', () => {
  it('keeps an unlisted job and an open period, and confirms with everyday words', async () => {
    const user = 'loop-guard';
    await say(user, '物业欠我工资');
    const afterJob = await textOf(user, '小区保安');
    expect(afterJob).not.toContain('什么工作');
    expect(afterJob).toContain('在哪里上班');
    await say(user, '南京市鼓楼区');
    await say(user, '金陵物业');
    await say(user, '四千八');
    const afterPeriod = await textOf(user, '从国庆节到现在');
    expect(afterPeriod).toContain('怎么称呼');
    await say(user, '丁建国');
    const summary = await textOf(user, '15951001234');
    expect(summary).toContain('其他（小区保安）');
    expect(summary).toContain('从国庆节到现在');
    expect(await textOf(user, '对 没错')).toContain('同意');
    const receipt = (await say(user, '行吧')).replies[0]!;
    expect(receipt.type).toBe('ticket');
    const ticket = await t.app.tickets.get(receipt.ticket.number);
    expect(ticket).toMatchObject({ industry: 'other', regionCode: '320106', periodText: '从国庆节到现在' });
    expect(ticket?.description).toContain('工作：小区保安');
  });

  it('maps 仓库分拣 to courier and takes "Yes, confirm" and "ok i agree" in English', async () => {
    const user = 'loop-en';
    // The menu's report button, in an English conversation.
    await chat(t.app, { channelUserId: user, text: '我要反映欠薪', locale: 'en' });
    await say(user, 'warehouse sorting');
    await say(user, 'Baiyun District, Guangzhou');
    await say(user, 'Yuntong Logistics');
    await say(user, 'around 15000 yuan');
    await say(user, 'since last winter');
    await say(user, 'Chen Hao');
    const summary = await textOf(user, '13826001234');
    expect(summary).toContain('Courier');
    expect(await textOf(user, 'Yes, confirm')).toMatch(/agree/i);
    const receipt = (await say(user, 'ok i agree')).replies[0]!;
    expect(receipt.type).toBe('ticket');
    expect(await t.app.tickets.get(receipt.ticket.number)).toMatchObject({
      industry: 'courier',
      regionCode: '440111',
      amountYuan: 15000,
      periodText: 'since last winter',
    });
  });
});

describe('facts in one message', () => {
  it('takes "一共18600" and the employer without 公司叫, and asks only what is missing', async () => {
    const first = await say(
      'loop-company',
      '公司叫上海速达配送服务有限公司，在浦东新区，拖欠我一共18600，三个月了',
    );
    expect(first.replies[0]!.text).not.toContain('多少钱');
    expect(await dataOf(first.conversationId)).toMatchObject({
      employer: '上海速达配送服务有限公司',
      amountYuan: 18600,
      periodMonths: 3,
      regionCode: '310115',
    });
  });
});

describe('answers a worker gives as they are', () => {
  it('takes 不知道 for the employer without asking again, and a surname as the name', async () => {
    const user = 'loop-dont-know-employer';
    const first = await say(user, '在北京朝阳区望京的工地干活 包工头欠了我们5个人3个月工资一共6万');
    expect(first.replies[0]!.text).toContain('欠您工资的是哪家');
    const next = await textOf(user, '不知道');
    // Not known is an answer: no clarifying question, straight on to the next one.
    expect(next).not.toContain('请说说欠钱的是谁');
    expect(next).toContain('怎么称呼');
    const asked = await textOf(user, '我姓李');
    expect(asked).not.toContain('说个姓名就行');
    expect(asked).toContain('手机号');
    expect(await dataOf(first.conversationId)).toMatchObject({ skipped: ['employer'], pending: 'phone' });
  });

  it('settles a name kept as said when the worker corrects it at the summary', async () => {
    const user = 'loop-name-corrected';
    await say(user, '我在济南市历下区的鲁味轩饭店当服务员 老板拖欠我两个月工资 一共八千');
    await say(user, '这个嘛');
    await say(user, '这个嘛 不好说');
    const summary = await textOf(user, '13105317788');
    expect(summary).toMatch(/姓名：.*待核实/);
    const corrected = await textOf(user, '名字是宋春燕');
    expect(corrected).toContain('姓名：宋春燕');
    expect(corrected).not.toMatch(/姓名：宋春燕 .*待核实/);
  });

  it('takes a name alone at the summary as the name, when the one kept was marked to check', async () => {
    const user = 'loop-name-alone';
    await say(user, '我在济南市历下区的鲁味轩饭店当服务员 老板拖欠我两个月工资 一共八千');
    await say(user, '这个嘛');
    await say(user, '这个嘛 不好说');
    await say(user, '13105317788');
    const corrected = await textOf(user, '宋春燕');
    expect(corrected).toContain('姓名：宋春燕');
    expect(corrected).not.toContain('没看明白');
  });
});
