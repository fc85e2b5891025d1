import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/conversation/understanding/classifier/build-lexicon.js';
import { cueFeatures } from '../../src/conversation/understanding/classifier/cue-features.js';
import { stemEnglish } from '../../src/conversation/understanding/classifier/english-words.js';
import { extractFeatures } from '../../src/conversation/understanding/classifier/features.js';
import { makeLexicon, segmentRun } from '../../src/conversation/understanding/classifier/segment-words.js';

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
    expect(cueFeatures('加班费怎么算')).toEqual(expect.arrayContaining(['#ask', '#labor', '#labor+ask']));
    expect(cueFeatures('明天下雨吗')).toContain('#nolabor');
    expect(cueFeatures('明天下雨吗')).not.toContain('#negpay');
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
