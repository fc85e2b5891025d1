import { describe, expect, it } from 'vitest';
import { normalizeCode, regionIndex, resolvePlace } from '../../src/regions/index.js';

const names = (text: string) => {
  const result = resolvePlace(text);
  if (result.ok) return result.region.fullName;
  return result.reason === 'ambiguous' ? result.candidates.map((c) => c.fullName).sort() : result.reason;
};

describe('resolvePlace', () => {
  it('resolves a district and street from a rider’s sentence', () => {
    const result = resolvePlace('我在浦东新区张江站送餐');
    expect(result.ok && result.region.code).toBe('310115125');
    expect(result.ok && regionIndex().atLevel(result.region.code, 'county')?.fullName).toBe('上海市浦东新区');
  });

  it.each([
    ['朝阳区', ['北京市朝阳区', '吉林省长春市朝阳区']],
    ['和平区', ['天津市和平区', '辽宁省沈阳市和平区']],
    ['桥西区', ['河北省张家口市桥西区', '河北省石家庄市桥西区']],
    ['南山区', ['广东省深圳市南山区', '黑龙江省鹤岗市南山区']],
  ])('asks back when %s exists in several cities', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('does not let a unique street name elsewhere override the district the worker named', () => {
    // 科技园 is a 街道 only in Luoyang; with 南山区 named, it is not that one.
    expect(names('南山区科技园')).toEqual(['广东省深圳市南山区', '黑龙江省鹤岗市南山区']);
    expect(names('深圳科技园')).toBe('广东省深圳市');
    // Alone and unique, a street name still counts.
    expect(names('张江')).toBe('上海市浦东新区张江镇');
  });

  it('asks back when a bare name is a city here and districts elsewhere (西安)', () => {
    expect(names('西安')).toEqual(['吉林省辽源市西安区', '陕西省西安市', '黑龙江省牡丹江市西安区']);
  });

  it.each([
    ['Pudong Zhangjiang', '上海市浦东新区张江镇'],
    ['Pudong New Area', '上海市浦东新区'],
    ['I work in Haidian', '北京市海淀区'],
    ['Tianhe District, Guangzhou', '广东省广州市天河区'],
    ['Beijing Chaoyang', '北京市朝阳区'],
    ['Shenzhen Nanshan', '广东省深圳市南山区'],
  ])('reads the romanized place %s', (text, expected) => {
    expect(names(text)).toBe(expected);
  });

  it('asks back for a romanized name with several places, and ignores English that spells none', () => {
    expect(names('chaoyang')).toEqual(['北京市朝阳区', '吉林省长春市朝阳区', '辽宁省朝阳市']);
    // A street name alone (there are 40,000) is not taken from English: "Jingdong" is a company.
    expect(names('I deliver for Jingdong')).toBe('not-found');
    expect(names('my boss owes me two months of wages')).toBe('not-found');
    expect(names('I can charge my phone')).toBe('not-found');
  });

  it('takes only the words marked as a place when some are, and none unmarked when asked to', () => {
    expect(names("I'm Li Ming, a Meituan rider in Pudong")).toBe('上海市浦东新区');
    const cued = resolvePlace('Li Ming', undefined, { cueRequired: true });
    expect(cued.ok).toBe(false);
    const marked = resolvePlace('I moved to Tianhe District', undefined, { cueRequired: true });
    expect(marked.ok && marked.region.fullName).toBe('广东省广州市天河区');
    // A district spelled right after a marked city is the same address, marked too.
    const after = resolvePlace('i work at a warehouse in shenzhen nanshan', undefined, { cueRequired: true });
    expect(after.ok && after.region.fullName).toBe('广东省深圳市南山区');
    const name = resolvePlace('i live in shenzhen li ming is my name', undefined, { cueRequired: true });
    expect(name.ok && name.region.fullName).toBe('广东省深圳市');
  });

  it('settles an ambiguous name by the place the worker already gave', () => {
    const result = resolvePlace('南山区科技园', undefined, { near: '440305' });
    expect(result.ok && result.region.fullName).toBe('广东省深圳市南山区');
    expect(result.ok && result.matched).toEqual(['南山区']);
    const elsewhere = resolvePlace('朝阳区', undefined, { near: '440305' });
    expect(elsewhere.ok).toBe(false);
  });

  it.each([
    ['北京朝阳区', '北京市朝阳区'],
    ['长春市朝阳区', '吉林省长春市朝阳区'],
    ['深圳南山', '广东省深圳市南山区'],
    ['石家庄桥西区', '河北省石家庄市桥西区'],
    ['我在广州天河区', '广东省广州市天河区'],
    ['海淀', '北京市海淀区'],
  ])('settles %s with the city named beside it', (text, expected) => {
    expect(names(text)).toBe(expected);
  });

  it('says not-found for text with no place in it', () => {
    expect(resolvePlace('hello there').ok).toBe(false);
    expect(names('hello there')).toBe('not-found');
  });
});

describe('region codes', () => {
  it('normalises short codes to 6 digits and knows the chain', () => {
    expect(normalizeCode('31')).toBe('310000');
    expect(normalizeCode('3101')).toBe('310100');
    expect(
      regionIndex()
        .chain('310115')
        .map((r) => r.code),
    ).toEqual(['310115', '310000']);
    expect(regionIndex().get('440305')?.fullName).toBe('广东省深圳市南山区');
  });
});
