import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionIndex, resolvePlace } from '../../src/regions/index.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

const inText = (text: string) => {
  const result = resolvePlace(text, undefined, { cueRequired: true });
  if (result.ok) return result.region.fullName;
  return result.reason === 'ambiguous' ? result.candidates.map((c) => c.fullName).sort() : result.reason;
};

describe('a place is taken from a sentence only when the sentence marks it', () => {
  it.each([
    '附近有没有能喝水的地方',
    '老板木有给俺发工资',
    '包工头叫何长顺',
    '市中心哪里能充电',
    '东西都被扣了',
    '南北两个门都关了',
    '和平饭店的老板欠钱',
    '城关那边',
    'around 15000 yuan',
  ])('"%s" names no place', (text) => {
    expect(inText(text)).toBe('not-found');
  });

  it.each([
    ['我在浦东新区张江站送餐', '上海市浦东新区张江镇'],
    ['在张江送快递', '上海市浦东新区张江镇'],
    ['张江那边的站点', '上海市浦东新区张江镇'],
    ['深圳南山科技园', '广东省深圳市南山区'],
    ['贵州大方县的工地', '贵州省毕节市大方县'],
    ['I deliver in Tianhe District', '广东省广州市天河区'],
    ['Baiyun District, Guangzhou', '广东省广州市白云区'],
  ])('"%s" → %s', (text, place) => {
    expect(inText(text)).toBe(place);
  });

  it('keeps common words out even as the answer to "where?", unless typed in full', () => {
    expect(resolvePlace('地方').ok).toBe(false);
    expect(resolvePlace('附近').ok).toBe(false);
    const full = resolvePlace('大方县');
    expect(full.ok && full.region.fullName).toBe('贵州省毕节市大方县');
    // As the answer to "where?", a short name alone still counts.
    const short = resolvePlace('张江');
    expect(short.ok && short.region.fullName).toBe('上海市浦东新区张江镇');
  });

  it('has cities without districts as cities, with their towns under them', () => {
    const dongguan = regionIndex().get('441900');
    expect(dongguan).toMatchObject({ level: 'city', fullName: '广东省东莞市' });
    const town = resolvePlace('东莞市长安镇');
    expect(
      town.ok &&
        regionIndex()
          .chain(town.region.code)
          .map((r) => r.name),
    ).toEqual(['长安镇', '东莞市', '广东省']);
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SEED_SAMPLE_DATA: 'true' });
}, 60_000);
afterAll(async () => t?.close());
const say = (user: string, text: string) => chat(t.app, { channelUserId: user, text });

describe('in the stations flow', () => {
  it('asks where the worker is instead of searching a town called 地方', async () => {
    const reply = (await say('place-st-1', '附近有没有能喝水的地方')).replies[0]!;
    expect(reply.type).toBe('text');
    expect(reply.text).not.toContain('地方镇');
    expect(reply.quickReplies?.some((q: { action?: string }) => q.action === 'share-location')).toBe(true);
  });

  it('takes a short name as the answer to "where are you?"', async () => {
    await say('place-st-2', '哪里能热饭');
    const reply = (await say('place-st-2', '张江')).replies[0]!;
    expect(JSON.stringify(reply)).toContain('浦东');
  });
});

describe('in the intake', () => {
  const dataOf = async (conversationId: string) => {
    const row = await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    return (JSON.parse(row.state) as { flow: { data: Record<string, unknown> } | null }).flow?.data;
  };

  it('does not read a boss’s name or a dialect word as a place', async () => {
    await say('place-in-1', '我要反映欠薪');
    const first = await say('place-in-1', '俺在工地干活 老板木有给俺发工资');
    expect(await dataOf(first.conversationId)).toMatchObject({ industry: 'construction', pending: 'place' });
    expect((await dataOf(first.conversationId))?.regionCode).toBeUndefined();
    await say('place-in-1', '成都市双流区');
    const named = await say('place-in-1', '包工头叫何长顺');
    expect(await dataOf(named.conversationId)).toMatchObject({ regionCode: '510116', employer: '何长顺' });
  });

  it('asks once for the district of a city said in passing, and keeps the city if unknown', async () => {
    const first = await say('place-in-2', '在深圳开网约车 车队欠我三个月的钱');
    expect(first.replies[0]!.text).toContain('广东省深圳市哪个区');
    const kept = await say('place-in-2', '不知道');
    expect(kept.replies[0]!.text).not.toContain('哪个区');
    expect(await dataOf(kept.conversationId)).toMatchObject({ regionCode: '440300' });
  });

  it('asks before taking a street’s short name alone, and takes it on a yes', async () => {
    await say('place-in-4', '我要反映欠薪');
    await say('place-in-4', '送快递');
    const asked = (await say('place-in-4', '古北那边')).replies[0]!;
    expect(asked.text).toContain('您说的是黑龙江省齐齐哈尔市克山县古北乡吗');
    const taken = await say('place-in-4', '是的');
    expect(taken.replies[0]!.text).toContain('哪家公司');
    expect((await dataOf(taken.conversationId))?.regionCode).toBe('230229204');
  });

  it('ignores a street’s short name outside the district already given (珠江 of 珠江新城 is not 南沙的珠江街道)', async () => {
    await say('place-in-5', '我要反映欠薪');
    await say('place-in-5', '在广州天河区送外卖');
    const employer = await say('place-in-5', '在珠江那边的站点');
    expect((await dataOf(employer.conversationId))?.regionCode).toBe('440106');
  });

  it('"不对 是铁西区" at the summary keeps the city the worker gave', async () => {
    const user = 'place-in-3';
    await say(user, '我在沈阳和平区开滴滴 顺达车队拖了我两个月的钱 一共六千 我叫贾鹏 电话18640001234');
    const fixed = (await say(user, '不对 是铁西区')).replies[0]!.text as string;
    expect(fixed).toContain('辽宁省沈阳市铁西区');
    expect(fixed).toContain('顺达车队');
    expect(fixed).toContain('请核对');
  });
});
