import { describe, expect, it } from 'vitest';
import { choosePlace } from '../../src/conversation/flows/intake/choose-place.js';
import { parseChineseNumber } from '../../src/tickets/fields/chinese-number.js';
import { parseAmount } from '../../src/tickets/fields/parse-amount.js';
import { parseWorkerCount } from '../../src/tickets/fields/parse-count.js';
import { parseEvidence, parseVulnerable, parseWants } from '../../src/tickets/fields/parse-details.js';
import { parseEmployer } from '../../src/tickets/fields/parse-employer.js';
import { parseName } from '../../src/tickets/fields/parse-name.js';
import { parsePeriod } from '../../src/tickets/fields/parse-period.js';
import { parsePhone } from '../../src/tickets/fields/parse-phone.js';
import { parseWork } from '../../src/tickets/fields/parse-work.js';

const amount = (text: string, bare = false) => {
  const result = parseAmount(text, { bare });
  return result.ok ? result.value : undefined;
};

describe('amounts as workers type them', () => {
  it.each([
    ['老板欠我三千五', 3500, false],
    ['一共1.2万', 12000, false],
    ['站长拖欠我3个月工资一共一万二', 12000, false],
    ['3.5k没结', 3500, false],
    ['欠了¥4,500', 4500, false],
    ['还欠我八千多块', 8000, true],
    ['两万五千元的工钱', 25000, false],
    ['工资1万2一直没给', 12000, false],
    ['大概六千块钱', 6000, true],
    ['不对，是4500', 4500, false],
  ])('%s → %i', (text, yuan, approx) => {
    expect(amount(text)).toEqual({ yuan, approx });
  });

  it('does not read months, people, or phone numbers as money', () => {
    expect(amount('欠了我两个月')).toBeUndefined();
    expect(amount('我们十几个人都没拿到')).toBeUndefined();
    expect(amount('3月到5月的工资没给')).toBeUndefined();
    expect(amount('电话13812345678')).toBeUndefined();
  });

  it('takes a bare number only when the amount was asked for', () => {
    expect(amount('4500')).toBeUndefined();
    expect(amount('4500', true)).toEqual({ yuan: 4500, approx: false });
    expect(amount('5', true)).toBeUndefined();
  });

  it('reads numerals in words and digits', () => {
    expect(parseChineseNumber('一千零五')).toEqual({ ok: true, value: 1005 });
    expect(parseChineseNumber('二十五')).toEqual({ ok: true, value: 25 });
    expect(parseChineseNumber('两万')).toEqual({ ok: true, value: 20000 });
    expect(parseChineseNumber('abc').ok).toBe(false);
  });
});

describe('periods', () => {
  it.each([
    ['拖欠我两个月工资', '两个月', 2, false],
    ['3月到5月的工资没给', '3月到5月', 3, false],
    ['从三月份至五月份', '从三月份至五月份', 3, false],
    ['11月到2月一直没发', '11月到2月', 4, false],
    ['三个多月没发钱了', '三个多月', 3, true],
    ['半年了', '半年', 6, false],
    ['一年多了', '一年多', 12, true],
    ['上个月的工资', '上个月', 1, false],
    ['about 6000 yuan for October and November', 'October and November', 2, false],
    ['from March to May', 'from March to May', 3, false],
    ['Nov-Feb', 'Nov-Feb', 4, false],
    ['unpaid for two months', 'two months', 2, false],
    ['nothing for a year', 'a year', 12, false],
    ['last month', 'last month', 1, false],
  ])('%s', (text, label, months, approx) => {
    const result = parsePeriod(text);
    expect(result.ok && result.value).toEqual({ text: label, months, approx });
  });

  it('finds nothing in a message without a period', () => {
    expect(parsePeriod('老板跑路了').ok).toBe(false);
    expect(parsePeriod('I may have to go back home').ok).toBe(false);
  });

  it('keeps "since March" without guessing how many months that is, when it does not know the date', () => {
    expect(parsePeriod('not paid since March')).toEqual({
      ok: true,
      value: { text: 'since March', approx: true },
    });
  });
});

describe('phones', () => {
  it.each([
    ['电话138 1234 5678', '13812345678'],
    ['手机 139-1234-5678 谢谢', '13912345678'],
    ['+86 186 0000 1111', '18600001111'],
    ['８６１３７００００２２２２', '13700002222'],
    ['联系我15900001234', '15900001234'],
  ])('%s', (text, phone) => {
    expect(parsePhone(text)).toEqual({ ok: true, value: phone });
  });

  it('refuses numbers that are not mainland mobiles', () => {
    expect(parsePhone('021-12345678')).toEqual({ ok: false, reason: 'not a mainland mobile number' });
    expect(parsePhone('12345678901').ok).toBe(false);
    expect(parsePhone('没有电话').ok).toBe(false);
  });
});

describe('worker counts', () => {
  it.each([
    ['欠我们十几个人的工资', 10, true],
    ['工地上二十几个工友', 20, true],
    ['我们30多人都没拿到', 30, true],
    ['一共5个人', 5, false],
    ['就我一个', 1, false],
    ['上百人', 100, true],
  ])('%s', (text, count, atLeast) => {
    const result = parseWorkerCount(text);
    expect(result.ok && result.value).toEqual({ count, atLeast });
  });

  it('reads a bare number only when asked', () => {
    expect(parseWorkerCount('12').ok).toBe(false);
    expect(parseWorkerCount('12', { bare: true })).toEqual({
      ok: true,
      value: { count: 12, atLeast: false },
    });
  });
});

describe('names', () => {
  it.each([
    ['我叫李强，电话', '李强'],
    ['名字是王芳', '王芳'],
    ['姓名：欧阳娜娜', '欧阳娜娜'],
    ['我是张伟', '张伟'],
    ['my name is Wang Fang', 'Wang Fang'],
  ])('%s', (text, name) => {
    expect(parseName(text)).toEqual({ ok: true, value: name });
  });

  it('does not take a job for a name', () => {
    expect(parseName('我是美团骑手').ok).toBe(false);
    expect(parseName('我是外卖员').ok).toBe(false);
  });

  it('accepts a bare name when asked', () => {
    expect(parseName('赵小明', { bare: true })).toEqual({ ok: true, value: '赵小明' });
    expect(parseName('不想说', { bare: true }).ok).toBe(false);
    expect(parseName('保密', { bare: true }).ok).toBe(false);
  });
});

describe('work, platform and employer', () => {
  it('reads industry and platform', () => {
    expect(parseWork('我是美团骑手')).toEqual({ industry: 'delivery', platform: '美团' });
    expect(parseWork('开滴滴的')).toEqual({ industry: 'ride-hailing', platform: '滴滴' });
    expect(parseWork('在顺丰做快递')).toEqual({ industry: 'courier', platform: '顺丰' });
    expect(parseWork('在工地搬砖')).toEqual({ industry: 'construction' });
    expect(parseWork('电子厂流水线')).toEqual({ industry: 'factory' });
    expect(parseWork('做保姆')).toEqual({ industry: 'domestic' });
    expect(parseWork('京东外卖骑手')).toEqual({ industry: 'delivery', platform: '京东' });
  });

  it('reads employers, without the place in front', () => {
    expect(parseEmployer('在浦东新区张江站送餐', ['浦东新区', '张江'])).toEqual({
      ok: true,
      value: '张江站',
    });
    expect(parseEmployer('深圳市宏达电子有限公司拖欠工资')).toEqual({
      ok: true,
      value: '深圳市宏达电子有限公司',
    });
    expect(parseEmployer('包工头老王欠我们的钱')).toEqual({ ok: true, value: '包工头老王' });
    expect(parseEmployer('老板跑路了').ok).toBe(false);
  });

  it('takes the name after a pause, not the kind of workplace before it', () => {
    // Voice input puts a space where the worker paused: the station's name is what follows 叫.
    expect(parseEmployer('美团的站点 叫西溪站 站长姓李', [], { bare: true })).toEqual({
      ok: true,
      value: '西溪站',
    });
    expect(parseEmployer('在工地 是搬砖的', [], { bare: false }).ok).toBe(false);
  });

  it('takes the name an answer starts with, and a boss by surname', () => {
    // Asked who owes the wages: the first words name it, what follows is about the boss.
    expect(parseEmployer('叫徐家汇小厨 老板姓王', [], { bare: true })).toEqual({
      ok: true,
      value: '徐家汇小厨',
    });
    expect(parseEmployer('名叫阿强烧烤，老板姓陈', [], { bare: true })).toEqual({
      ok: true,
      value: '阿强烧烤',
    });
    expect(parseEmployer('老板姓王欠我三个月工资')).toEqual({ ok: true, value: '王老板' });
    expect(parseEmployer('叫不出名字 包工头姓刘', [], { bare: true })).toEqual({
      ok: true,
      value: '刘包工头',
    });
  });
});

describe('evidence, wants, vulnerability', () => {
  it('reads evidence kinds', () => {
    expect(parseEvidence('有合同，还有聊天记录截图').kinds).toEqual(['contract', 'chat_logs']);
    expect(parseEvidence('有工资条和打卡记录').kinds).toEqual(['pay_records', 'attendance']);
    expect(parseEvidence('什么都没有')).toEqual({ kinds: [], none: true });
  });

  it('reads what the worker wants', () => {
    expect(parseWants('就想把工资要回来，还要赔偿')).toEqual(['recover_wages', 'compensation']);
  });

  it('notices a vulnerable worker', () => {
    expect(parseVulnerable('我怀孕五个月了')).toBe(true);
    expect(parseVulnerable('现在没钱吃饭')).toBe(true);
    expect(parseVulnerable('工资三千')).toBe(false);
  });
});

describe('choosing among ambiguous places', () => {
  const candidates = [
    { code: '110105', fullName: '北京市朝阳区' },
    { code: '220104', fullName: '吉林省长春市朝阳区' },
  ];
  it('takes a number, a full name or a distinguishing part', () => {
    expect(choosePlace('2', candidates)?.code).toBe('220104');
    expect(choosePlace('北京市朝阳区', candidates)?.code).toBe('110105');
    expect(choosePlace('长春的', candidates)?.code).toBe('220104');
    expect(choosePlace('北京', candidates)?.code).toBe('110105');
    expect(choosePlace('朝阳区', candidates)).toBeUndefined();
  });
});
