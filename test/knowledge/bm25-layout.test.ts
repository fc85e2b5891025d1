import { describe, expect, it } from 'vitest';
import { Bm25 } from '../../src/knowledge/bm25.js';
import { tokenize } from '../../src/knowledge/tokenizer.js';
import { Bm25Reference } from './bm25-reference.js';

// The postings' layout changed for memory; every score, coverage and order must stay exactly
// what the object-per-term index gave (the ranker was trained on these numbers).
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('Bm25 in flat arrays', () => {
  const next = random(7);
  const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i}`);
  // Zipf-like: a few words in most documents, most words in a few.
  const word = () => vocabulary[Math.floor(vocabulary.length * next() ** 3)] as string;
  const docs = Array.from({ length: 600 }, () => Array.from({ length: 1 + Math.floor(next() * 40) }, word));
  docs.push([]);
  const queries = Array.from({ length: 200 }, () =>
    Array.from({ length: 1 + Math.floor(next() * 8) }, () => ({
      term: next() < 0.1 ? 'absent' : word(),
      weight: next() < 0.3 ? 0.5 : 1,
    })),
  );

  for (const [k1, b] of [
    [1.2, 0.75],
    [1.2, 0.3],
  ] as const) {
    const index = new Bm25(docs, k1, b);
    const reference = new Bm25Reference(docs, k1, b);

    it(`searches exactly as before (k1 ${k1}, b ${b})`, () => {
      expect(index.size).toBe(reference.size);
      for (const query of queries) {
        expect(index.search(query, 10)).toEqual(reference.search(query, 10));
        expect(index.search(query, 1000)).toEqual(reference.search(query, 1000));
      }
    });

    it(`scores chosen documents and idf exactly as before (k1 ${k1}, b ${b})`, () => {
      const chosen = [0, 5, 17, 99, 300, 599, 600];
      for (const query of queries)
        expect(index.scoreDocs(query, chosen)).toEqual(reference.scoreDocs(query, chosen));
      for (const term of [...vocabulary, 'absent']) expect(index.idf(term)).toBe(reference.idf(term));
    });
  }

  it('gives real Chinese text the same hits as before', () => {
    const texts = [
      '用人单位拖欠劳动者工资的，劳动者可以向劳动行政部门投诉。',
      '劳动者加班的，用人单位应当支付不低于工资的百分之一百五十的工资报酬。',
      '职工因工作遭受事故伤害的，应当申请工伤认定。',
      'An employer that fails to pay wages in full and on time shall pay them.',
    ];
    const tokenized = texts.map((text) => tokenize(text));
    const query = tokenize('老板拖欠工资怎么办 加班费').map((term) => ({ term, weight: 1 }));
    const hits = new Bm25(tokenized).search(query, 4);
    expect(hits).toEqual(new Bm25Reference(tokenized).search(query, 4));
    expect(hits.map((hit) => hit.doc).sort()).toEqual([0, 1]);
  });
});
