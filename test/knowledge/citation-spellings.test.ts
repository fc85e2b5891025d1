import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../src/knowledge/grounding.js';

// Finding 6 of issue 16: invented citations written in other spellings reached the user
// unflagged, because the grounding check only knew one spelling of a citation.
const ALLOWED = [
  { law: '劳动合同法', article: 30 },
  { law: '劳动法', article: 44 },
];
const LAWS = ['劳动合同法', '劳动法'];
const FLAG = '[?]';

describe('grounding check over citation spellings', () => {
  it.each([
    ['a space before 第', '依据劳动法 第999条，可以要求赔偿。', '劳动法 第999条[?]'],
    ['full-width digits', '依据《劳动法》第９９９条，可以要求赔偿。', '《劳动法》第９９９条[?]'],
    ['no 第 after the title', '依据《劳动法》999条，可以要求赔偿。', '《劳动法》999条[?]'],
    ['the traditional 條', '依據《勞動法》第999條，可以要求賠償。', '《勞動法》第999條[?]'],
    ['an ideographic space', '依据《劳动法》\u3000第九百九十九条，可以要求赔偿。', '第九百九十九条[?]'],
    ['full-width digits and no brackets', '劳动法第９９９条规定', '劳动法第９９９条[?]'],
  ])('flags an invented citation with %s, in place and in the original spelling', (_how, text, flagged) => {
    const result = checkGrounding(text, ALLOWED, FLAG, LAWS);
    expect(result.ungrounded).toEqual([{ law: '劳动法', article: 999 }]);
    expect(result.text).toContain(flagged);
    expect(result.grounded).toEqual([]);
  });

  it.each([['劳动法 第44条'], ['《劳动法》第４４条'], ['《劳动法》44条'], ['《勞動合同法》第三十條']])(
    'keeps a real citation written as %s grounded and unflagged',
    (citation) => {
      const result = checkGrounding(`依据${citation}。`, ALLOWED, FLAG, LAWS);
      expect(result.ungrounded).toEqual([]);
      expect(result.grounded).toHaveLength(1);
      expect(result.text).not.toContain(FLAG);
    },
  );

  it('checks a long answer with thousands of citations, all grounded', () => {
    const text = '依据《劳动法》第44条，'.repeat(20_000);
    const result = checkGrounding(text, ALLOWED, FLAG, LAWS);
    expect(result.grounded).toEqual([{ law: '劳动法', article: 44 }]);
    expect(result.text).toBe(text);
  });
});
