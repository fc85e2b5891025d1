import { describe, expect, it } from 'vitest';
import { agrees, declines, saysYes, wantsChange } from '../../src/conversation/flows/intake/yes-no.js';
import { parseAmount } from '../../src/tickets/fields/parse-amount.js';
import { parseEmployer } from '../../src/tickets/fields/parse-employer.js';
import { parseName } from '../../src/tickets/fields/parse-name.js';
import { parsePeriod } from '../../src/tickets/fields/parse-period.js';
import { looksLikeJob, parseWork } from '../../src/tickets/fields/parse-work.js';

// 3 December 2026, 18:00 in China.
const NOW = new Date('2026-12-03T10:00:00Z');
const period = (text: string) => {
  const result = parsePeriod(text, { now: NOW });
  return result.ok ? result.value : undefined;
};

describe('periods that run to now', () => {
  it.each([
    ['从国庆节到现在', '从国庆节到现在', 2],
    ['从去年年底到现在', '从去年年底到现在', 12],
    ['五一以来一直没发', '五一以来', 7],
    ['打过年开始就没拿到钱', '打过年开始', 10],
    ['从8月份开始就没发了', '从8月份开始', 4],
    ['since last winter', 'since last winter', 12],
    ['i havent been paid since september', 'since september', 3],
    ['nothing since the new year', 'since the new year', 10],
  ])('%s', (text, words, months) => {
    expect(period(text)).toEqual({ text: words, months, approx: true });
  });

  it('keeps the words when the start has no month', () => {
    expect(period('从入职到现在一分钱没见着')).toEqual({ text: '从入职到现在', approx: true });
    expect(period('since last year')).toEqual({ text: 'since last year', approx: true });
  });

  it('still reads closed ranges and spans first', () => {
    expect(period('今年3月到8月')).toEqual({ text: '今年3月到8月', months: 6, approx: false });
    expect(period('9月份的工资没给')).toEqual({ text: '9月份', months: 1, approx: false });
    expect(period('老板说下周一定给')).toBeUndefined();
  });
});

describe('jobs outside the list', () => {
  it('maps a job to the nearest industry', () => {
    expect(parseWork('仓库分拣').industry).toBe('courier');
    expect(parseWork('在物流园装卸').industry).toBe('courier');
    expect(parseWork('饭店后厨帮厨').industry).toBe('retail');
    expect(parseWork('住家保姆').industry).toBe('domestic');
    expect(parseWork('I deliver food for meituan')).toEqual({ industry: 'delivery', platform: '美团' });
    expect(parseWork('warehouse picker').industry).toBe('courier');
    expect(parseWork('I drive for didi')).toEqual({ industry: 'ride-hailing', platform: '滴滴' });
  });

  it('tells a job in words from an answer that is not one', () => {
    // A guard is no trade of the list, wherever the post: other, with the words kept.
    expect(parseWork('小区保安').industry).toBe('other');
    expect(parseWork('商场保安').industry).toBe('other');
    expect(parseWork('工地门卫').industry).toBe('other');
    expect(parseWork('在饭店做保洁').industry).toBe('other');
    expect(parseWork('家政公司做保洁 上门打扫').industry).toBe('domestic');
    expect(parseWork('鞋厂车位').industry).toBe('factory');
    expect(parseWork('酒店前台').industry).toBe('other');
    expect(parseWork('开货车跑物流').industry).toBe('other');
    expect(parseWork('月嫂').industry).toBe('domestic');
    expect(looksLikeJob('月嫂')).toBe(true);
    expect(looksLikeJob('小区保安')).toBe(true);
    expect(looksLikeJob('security guard')).toBe(true);
    expect(looksLikeJob('不知道')).toBe(false);
    expect(looksLikeJob('13812345678')).toBe(false);
    expect(looksLikeJob('你们是干什么的？')).toBe(false);
  });
});

describe('yes and no as workers type them', () => {
  it.each([
    'Yes, confirm',
    'yep thats right',
    "that's right",
    'looks good',
    '没问题',
    '中',
    '嗯呐',
    '行吧',
    '对 没错',
    '对对对',
    '是的没错',
    '确认无误',
    '好的谢谢',
    '没毛病',
    'OK的',
    '👍',
  ])('"%s" confirms', (text) => {
    expect(saysYes(text)).toBe(true);
  });

  it.each([
    '不对',
    '不对 是闵行区',
    '是闵行区',
    'no thats wrong',
    '好像不对',
    '改一下金额',
    '4500',
    '为什么要电话',
    '对了我电话换了',
  ])('"%s" does not confirm', (text) => {
    expect(saysYes(text)).toBe(false);
  });

  it('reads consent and its refusal', () => {
    for (const yes of ['同意', 'ok i agree', '可以', '好的同意', '我同意', 'I agree', '中'])
      expect(agrees(yes)).toBe(true);
    for (const no of ['不同意', 'no', 'i dont agree', '不愿意']) {
      expect(agrees(no)).toBe(false);
      expect(declines(no)).toBe(true);
    }
  });

  it('takes a yes with more after it only when asked loosely (the message held no new facts)', () => {
    for (const yes of [
      '对的 就是这些',
      '同意，麻烦你们尽快处理',
      'yes you can share my details with the union',
    ]) {
      expect(agrees(yes)).toBe(false);
      expect(agrees(yes, { loose: true })).toBe(true);
    }
    for (const no of [
      '是闵行区',
      '同意了会怎样？',
      'ok what happens next',
      '对了我电话换了',
      '好 等一下我问问',
      'yes but the amount is wrong',
    ])
      expect(saysYes(no, { loose: true }), no).toBe(false);
  });

  it('reads a wish to change something, with or without the change', () => {
    expect(wantsChange('不对')).toBe(true);
    expect(wantsChange('不对 电话是13900001111')).toBe(true);
    expect(wantsChange('no, wrong amount')).toBe(true);
    expect(wantsChange('对的')).toBe(false);
  });
});

describe('employers and amounts inside longer answers', () => {
  it('drops 公司叫 / 老板是 / 在…上班 lead-ins', () => {
    expect(parseEmployer('公司叫上海速达配送服务有限公司')).toEqual({
      ok: true,
      value: '上海速达配送服务有限公司',
    });
    expect(parseEmployer('老板是陈国华', [], { bare: true })).toEqual({ ok: true, value: '陈国华' });
    expect(parseEmployer('老板是陈国华 一直拖着')).toEqual({ ok: true, value: '陈国华' });
    expect(parseEmployer('在鑫源五金厂上班', [], { bare: true })).toEqual({ ok: true, value: '鑫源五金厂' });
    expect(parseEmployer('在城南菜市场上班', [], { bare: true })).toEqual({ ok: true, value: '城南菜市场' });
    expect(parseEmployer('物业公司叫湘安物业', [], { bare: true })).toEqual({ ok: true, value: '湘安物业' });
    expect(parseEmployer('the company is called Hengtai Precision', [], { bare: true })).toEqual({
      ok: true,
      value: 'Hengtai Precision',
    });
  });

  it('does not take a place correction, a kind of workplace, or a description for a name', () => {
    expect(parseEmployer('不对 是闵行区', ['闵行区'], { bare: true }).ok).toBe(false);
    expect(parseEmployer('我在昆山的电子厂上班', ['昆山']).ok).toBe(false);
    expect(parseEmployer('老板是个骗子').ok).toBe(false);
    expect(parseEmployer('在成都武侯区蜀香串串店当服务员', ['成都', '武侯区'])).toEqual({
      ok: true,
      value: '蜀香串串店',
    });
  });

  it('takes "一共18600" among other facts, and English estimates', () => {
    expect(parseAmount('公司叫速达，在浦东新区，拖欠我一共18600，三个月了')).toEqual({
      ok: true,
      value: { yuan: 18600, approx: false },
    });
    expect(parseAmount('about 8000 yuan')).toEqual({ ok: true, value: { yuan: 8000, approx: true } });
    expect(parseAmount('大概两万出头', { bare: true })).toEqual({
      ok: true,
      value: { yuan: 20000, approx: true },
    });
  });

  it('takes a name given with a lead-in when asked', () => {
    expect(parseName('叫我老彭就行', { bare: true })).toEqual({ ok: true, value: '老彭' });
    // A surname alone is how many give their name to a stranger: staff call them 王师傅.
    expect(parseName('我姓王', { bare: true })).toEqual({ ok: true, value: '王' });
    expect(parseName('免贵姓欧阳')).toEqual({ ok: true, value: '欧阳' });
    // Asked for a name, words that are none get the clarifying question.
    expect(parseName('这个嘛', { bare: true }).ok).toBe(false);
    expect(parseName('不好说', { bare: true }).ok).toBe(false);
  });
});
