import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRef } from '../../src/knowledge/card.js';
import { loadCardsOrThrow } from '../../src/knowledge/cards/load-card-dir.js';
import { parseChineseNumeral, toChineseNumeral } from '../../src/knowledge/chinese-numeral.js';
import { createKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { readStatuteDir } from '../../src/knowledge/statute-files.js';
import { CARDS_DIR } from '../../src/platform/paths.js';
import { HAS_SHARED_LAWS, LAWS_DIR } from './laws-dir.js';

const top3 = (base: KnowledgeBase, question: string) =>
  base
    .search(question)
    .citations.slice(0, 3)
    .map((ref: ArticleRef) => `${ref.law}${ref.article}`);

describe.skipIf(!HAS_SHARED_LAWS)('retrieval over the cards and ../shared/data/laws', () => {
  let base: KnowledgeBase;
  beforeAll(() => {
    const articles = readStatuteDir(LAWS_DIR);
    base = createKnowledgeBase(loadCardsOrThrow(CARDS_DIR, articles), articles);
  });

  it.each([
    ['老板拖欠我两个月工资不给，我该怎么办？', '劳动合同法30'],
    ['公司欠了我三个月工资', '劳动合同法30'],
    ['被炒鱿鱼了能要赔偿吗', '劳动合同法87'],
    ['公司不给交五险一金', '社会保险法58'],
    ['入职半年还没签合同能要双倍工资吗', '劳动合同法82'],
    ['试用期最长多久', '劳动合同法19'],
    ['包工头跑路了工资找谁要', '保障农民工工资支付条例30'],
    ['送外卖路上摔伤了算不算工伤', '工伤保险条例14'],
    ['劳动仲裁要交钱吗', '劳动争议调解仲裁法53'],
    ['骑手可以加入工会吗', '工会法3'],
  ])('%s → %s in the top 3', (question, expected) => {
    expect(top3(base, question)).toContain(expected);
  });

  it('understands colloquial synonyms, typos and English', () => {
    expect(top3(base, '老版欠薪不给怎么办')).toContain('劳动合同法30');
    expect(top3(base, '公司不给报公伤')).toEqual(expect.arrayContaining(['工伤保险条例17']));
    expect(top3(base, 'I was fired for no reason, can I get compensation?')).toContain('劳动合同法87');
    expect(top3(base, 'how much overtime pay on weekends')).toContain('劳动法44');
  });

  it('looks up articles named outright, Chinese or Arabic numerals, aliases and English', () => {
    expect(base.search('劳动合同法第三十条').direct.map((a) => a.article)).toEqual([30]);
    expect(base.search('《劳动法》第44条怎么说').direct[0]).toMatchObject({ law: '劳动法', article: 44 });
    expect(base.search('社保法第五十八条').direct[0]).toMatchObject({ law: '社会保险法', article: 58 });
    expect(base.search('article 82 of the labor contract law').direct[0]).toMatchObject({
      law: '劳动合同法',
      article: 82,
    });
    // 劳动合同法 is not read as 合同法 (an alias), nor 劳动法.
    expect(base.search('劳动合同法第一百条').direct).toEqual([]);
  });

  it('beats plain BM25 on the team set', () => {
    const question = '老板一句话就让我走人，能要钱吗';
    const plain = base
      .search(question, { plain: true })
      .citations.slice(0, 3)
      .map((r) => `${r.law}${r.article}`);
    expect(plain).not.toContain('劳动合同法87');
    expect(top3(base, question)).toContain('劳动合同法87');
  });

  it('reads and writes article numbers', () => {
    for (const [text, value] of [
      ['一', 1],
      ['十', 10],
      ['十二', 12],
      ['二十', 20],
      ['一百零八', 108],
      ['一百一十', 110],
      ['二百七十六', 276],
    ] as const) {
      expect(parseChineseNumeral(text)).toBe(value);
      expect(toChineseNumeral(value)).toBe(text);
    }
    expect(parseChineseNumeral('二三')).toBeUndefined();
    expect(parseChineseNumeral('百十')).toBeUndefined();
  });
});
