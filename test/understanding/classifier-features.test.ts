import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/conversation/understanding/classifier/build-lexicon.js';
import { cueFeatures } from '../../src/conversation/understanding/classifier/cue-features.js';
import { extractFeatures } from '../../src/conversation/understanding/classifier/features.js';
import { stemEnglish } from '../../src/platform/text-features/english-words.js';
import { makeLexicon, segmentRun } from '../../src/platform/text-features/segment-words.js';

describe('features of the intent model', () => {
  it('splits a run of Han characters by forward maximum match over the lexicon', () => {
    const lexicon = makeLexicon(['平台', '结算', '一直', '工资', '工资条']);
    expect(segmentRun('平台一直不给结算', lexicon)).toEqual(['平台', '一直', '不', '给', '结算']);
    // The longest word wins where two start at the same character.
    expect(segmentRun('工资条丢了', lexicon)).toEqual(['工资条', '丢', '了']);
  });

  it('builds a sorted lexicon of words seen in at least two texts', () => {
    const words = buildLexicon(['平台一直不给结算', '平台拖着结算', '一个只出现一次的词语: 鸵鸟']);
    expect(words).toContain('结算');
    expect(words).toContain('平台');
    expect(words).not.toContain('鸵鸟');
    expect([...words].sort()).toEqual(words);
  });

  it('gives the forms of one English word one stem', () => {
    expect(['paid', 'paying', 'pays'].map(stemEnglish)).toEqual(['pay', 'pay', 'pay']);
    expect(['fired', 'fires', 'firing'].map(stemEnglish)).toEqual(['fire', 'fire', 'fire']);
    expect(['settled', 'settling'].map(stemEnglish)).toEqual(['settle', 'settle']);
    expect(stemEnglish('months')).toBe('month');
    expect(stemEnglish('boss')).toBe('boss');
  });

  it('lights the cues of a report that no n-gram of the corpus may share', () => {
    expect(cueFeatures('平台一直不给结算')).toContain('#negpay');
    expect(cueFeatures("my boss didn't pay me for 3 months")).toEqual(
      expect.arrayContaining(['#negpay', '#period', '#negpay+fact']),
    );
    expect(cueFeatures('老板欠我5000块 在朝阳区')).toEqual(expect.arrayContaining(['#amount', '#place']));
    expect(cueFeatures('加班费怎么算')).toContain('#ask');
    expect(cueFeatures('明天下雨吗')).not.toContain('#negpay');
  });

  it('reads 不给 / 不发 as unpaid pay only when money follows', () => {
    for (const text of [
      '老板不给钱',
      '三个月不给工资',
      '老板不给发工资',
      '工资一直没发',
      '没给我结',
      '老板扣着工资不给',
    ])
      expect(cueFeatures(text), text).toContain('#negpay');
    // Working conditions told: something other than pay is not given or not issued.
    for (const text of [
      '单位一直不给交社保',
      '和同一直不给签',
      '老板不给俺上保险',
      '工地上不发安全帽',
      '公司扣着我的身份证不还',
      '不给休息',
    ])
      expect(cueFeatures(text), text).not.toContain('#negpay');
  });

  it("tells a question in general terms from a worker's own unpaid pay", () => {
    expect(cueFeatures('如果公司拖欠工资 法律上能要赔偿吗')).toEqual(
      expect.arrayContaining(['#general', '#negpay+general', '#general-self']),
    );
    expect(cueFeatures('老板拖欠我工资')).toContain('#negpay+self');
    expect(cueFeatures('老板拖欠我工资')).not.toContain('#general');
  });

  it('lights the danger words, and their pair with "now"', () => {
    expect(cueFeatures('刚被车撞了 在流血')).toEqual(expect.arrayContaining(['#harm', '#harm+urgent']));
    expect(cueFeatures('我不想活了')).toContain('#selfharm');
    expect(cueFeatures('上个月摔伤了算工伤吗')).toEqual(expect.arrayContaining(['#harm', '#harm+ask']));
    expect(cueFeatures('明天下雨吗')).not.toContain('#harm');
  });

  it('gives homophones and pinyin typed in Latin the features of the word they stand for', () => {
    const shared = (a: string, b: string) => {
      const fa = new Set(extractFeatures(a).buckets);
      return [...extractFeatures(b).buckets].filter((x) => fa.has(x)).length;
    };
    // Each pair shares one character with the word; only the first also shares its sound.
    expect(shared('公资拖了', '工资')).toBeGreaterThan(shared('工费拖了', '工资'));
    expect(shared('和同没签', '合同')).toBeGreaterThan(shared('合他没签', '合同'));
    expect(shared('laoban bu gei gongzi', '工资')).toBeGreaterThan(shared('laoban bu gei qian', '工资'));
  });

  it('joins "didnt pay" and "not paid" on a negated stem pair', () => {
    const shared = (a: string, b: string) => {
      const fa = new Set(extractFeatures(a).buckets);
      return [...extractFeatures(b).buckets].filter((x) => fa.has(x));
    };
    // Negation cue, the negated pair and the cue of unpaid money: three more than a plain "did pay".
    expect(shared('boss didnt pay', 'they have not paid').length).toBeGreaterThanOrEqual(
      shared('boss did pay', 'they have not paid').length + 3,
    );
  });

  it('adds word features only with a lexicon', () => {
    const lexicon = makeLexicon(['结算']);
    const without = extractFeatures('不给结算').buckets.length;
    expect(extractFeatures('不给结算', lexicon).buckets.length).toBeGreaterThan(without);
  });
});
