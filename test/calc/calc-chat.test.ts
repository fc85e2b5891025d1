import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

type Reply = {
  type: string;
  text: string;
  citations?: { law: string; article: number }[];
  quickReplies?: { text: string }[];
};
const say = async (user: string, text: string, locale?: string) =>
  (await chat(t.app, { channelUserId: user, text, ...(locale ? { locale } : {}) })).replies as Reply[];
const buttons = (reply: Reply | undefined) => (reply?.quickReplies ?? []).map((quick) => quick.text);
const flowOf = async (user: string) => {
  const row = await t.app.prisma.conversation.findFirstOrThrow({ where: { externalUserId: user } });
  return JSON.parse(row.state).flow as { name: string; data: Record<string, unknown> } | null;
};

describe('the calculator in the chat', () => {
  it('is offered under a wage answer, asks only what overtime needs, and carries the total into the intake', async () => {
    const answer = await say('calc-1', '加班费怎么算');
    expect(buttons(answer[0])).toContain('算一算我能拿多少');

    const kind = await say('calc-1', '算一算我能拿多少');
    expect(kind[0]?.text).toContain('想算哪一笔');
    expect(buttons(kind[0])).toEqual([
      '算欠发的工资',
      '算加班费',
      '算没签合同的二倍工资',
      '算被辞退的经济补偿',
    ]);
    expect((await say('calc-1', '算加班费'))[0]?.text).toContain('月工资是多少');
    expect((await say('calc-1', '六千'))[0]?.text).toContain('工作日下班后加班');
    expect((await say('calc-1', '20小时'))[0]?.text).toContain('休息日加班');
    expect((await say('calc-1', '没有'))[0]?.text).toContain('法定节假日');
    const [result] = await say('calc-1', '8');
    expect(result?.text).toContain(
      '小时工资 34.48 元 × 20 小时 × 150% = 1,034.40 元（《劳动法》第四十四条）',
    );
    expect(result?.text).toContain('小时工资 34.48 元 × 8 小时 × 300% = 827.52 元');
    expect(result?.text).not.toContain('200%');
    expect(result?.text).toContain('合计：1,861.92 元');
    expect(result?.text).toContain('月工资 ÷ 21.75 天 ÷ 8 小时');
    expect(result?.citations).toEqual([{ law: '劳动法', article: 44 }]);
    expect(buttons(result)).toEqual(['好，登记', '先不用']);

    const [carried] = await say('calc-1', '好，登记');
    expect(carried?.text).toContain('金额按 1,862.00 元登记');
    const intake = await flowOf('calc-1');
    expect(intake?.name).toBe('intake');
    expect(intake?.data).toMatchObject({ type: 'overtime', amountYuan: 1862, amountApprox: false });

    let [summary] = await say(
      'calc-1',
      '我是美团骑手，在浦东新区送餐，加班了3个月，我叫李强，电话13812345678',
    );
    // The intake asks what it still lacks (the calculator gave it the amount, so not that).
    for (let turn = 0; turn < 4 && !summary?.text.includes('确认'); turn++) {
      expect(summary?.text).not.toContain('多少钱');
      const answer = /公司|老板/.test(summary?.text ?? '')
        ? '美团张江站'
        : /多久|几个月/.test(summary?.text ?? '')
          ? '3个月'
          : '就我一个';
      [summary] = await say('calc-1', answer);
    }
    expect(summary?.text).toContain('1,862元');
    await say('calc-1', '确认');
    const [receipt] = await say('calc-1', '同意');
    expect(receipt?.type).toBe('ticket');
    // Nothing was said of leaving the job: the receipt says the year limit exists and staff will ask.
    expect(receipt?.text).toContain('《劳动争议调解仲裁法》第二十七条');
    const number = (receipt as unknown as { ticket: { number: string } }).ticket.number;
    expect(await t.app.tickets.get(number)).toMatchObject({ type: 'overtime', amountYuan: 1862 });
  });

  it('caps severance at three times the city average for twelve years, and ends when the worker declines', async () => {
    await say('calc-2', '算一算我能拿多少');
    await say('calc-2', '被辞退了，算补偿');
    expect((await say('calc-2', '40000'))[0]?.text).toContain('干了多久');
    expect((await say('calc-2', '15年'))[0]?.text).toContain('哪天离职或被辞退');
    expect((await say('calc-2', '2026年3月15日'))[0]?.text).toContain('哪个城市');
    const [result] = await say('calc-2', '上海');
    const shanghai = t.app.calculators.averageWageOf('上海');
    expect(shanghai).toBeDefined();
    const cap = (shanghai?.monthlyFen ?? 0) * 3;
    const yuan = (fen: number) =>
      `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')} 元`;
    expect(result?.text).toContain('经济补偿（封顶）：算 12 个月');
    expect(result?.text).toContain(`合计：${yuan(cap * 12)}`);
    expect(result?.text).toContain(`${shanghai?.year} 年度月平均工资`);
    expect(result?.text).toContain(shanghai?.source ?? '?');
    expect(result?.citations).toEqual([{ law: '劳动合同法', article: 47 }]);
    const [declined] = await say('calc-2', '先不用');
    expect(declined?.text).toContain('以后想算');
    expect(await flowOf('calc-2')).toBeNull();
  });

  it('pays half a month under six months and does not ask the city for a wage under every cap', async () => {
    await say('calc-3', '算一算');
    await say('calc-3', '算被辞退的经济补偿');
    await say('calc-3', '8000');
    await say('calc-3', '5个月');
    const [result] = await say('calc-3', '不知道');
    expect(result?.text).toContain('算 0.5 个月工资 × 月工资 8,000.00 元 = 4,000.00 元');
    expect(result?.text).toContain('工作不满六个月，付半个月工资');
  });

  it('counts double pay from the second month and stops at eleven', async () => {
    await say('calc-4', '算一算我能拿多少');
    await say('calc-4', '算没签合同的二倍工资');
    await say('calc-4', '5000');
    const [result] = await say('calc-4', '20个月');
    expect(result?.text).toContain('月工资 5,000.00 元 × 11 个月 = 55,000.00 元');
    expect(result?.text).toContain('最多算 11 个月');
    expect(result?.citations).toEqual([{ law: '劳动合同法', article: 82 }]);
  });

  it('never loops: an optional question not understood twice is let go, a required one ends the calculation', async () => {
    await say('calc-5', '算一算我能拿多少');
    await say('calc-5', '算加班费');
    await say('calc-5', '5220');
    const [again] = await say('calc-5', '很多很多');
    expect(again?.text).toContain('请回小时数');
    expect((await say('calc-5', '数不清'))[0]?.text).toContain('休息日加班');

    await say('calc-6', '算一算我能拿多少');
    await say('calc-6', '算欠发的工资');
    expect((await say('calc-6', '看情况'))[0]?.text).toContain('没看懂这个数');
    const [stopped] = await say('calc-6', '看情况');
    expect(stopped?.text).toContain('先算到这里');
    expect(buttons(stopped)).toContain('我要反映欠薪');
    expect(await flowOf('calc-6')).toBeNull();
  });

  it('works out unpaid wages from what the worker already said, in English too', async () => {
    const [kind] = await say('calc-7', 'What am I owed?', 'en');
    expect(kind?.text).toContain('Which amount');
    await say('calc-7', 'Work out unpaid wages', 'en');
    await say('calc-7', '6000', 'en');
    await say('calc-7', '2 months', 'en');
    const [result] = await say('calc-7', 'no', 'en');
    expect(result?.text).toContain('monthly wage ¥6,000.00 × 2 months = ¥12,000.00 (Labor Law, Article 50)');
    expect(result?.text).toContain('Total: ¥12,000.00');
  });

  it('is offered under a dismissal answer and starts on the compensation, and a question mid-way is answered', async () => {
    const [answer] = await say('calc-8', '被公司辞退了有经济补偿吗');
    expect(buttons(answer)).toContain('算一算我能拿多少');
    await say('calc-8', '算一算我能拿多少');
    await say('calc-8', '算被辞退的经济补偿');
    const [aside] = await say('calc-8', '辞退要提前通知吗？');
    expect(aside?.text).not.toContain('没看懂');
    // Back to the question it was on: the wage.
    expect((await say('calc-8', '7000'))[0]?.text).toContain('干了多久');
  });
});
