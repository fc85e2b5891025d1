import { describe, expect, it } from 'vitest';
import { Bm25 } from '../../src/knowledge/bm25.js';

// The ranker scores only the candidate cards' asks (scoreDocs); they must score exactly as a
// full search would, or the ask signal would differ from what the ranker was trained on.
describe('Bm25.scoreDocs', () => {
  const docs = [
    ['工资', '拖欠', '老板'],
    ['加班', '工资', '加班费'],
    ['工伤', '认定'],
    ['工资', '工资', '最低工资'],
  ];
  const index = new Bm25(docs);
  const query = [
    { term: '工资', weight: 1 },
    { term: '拖欠', weight: 0.5 },
    { term: '不在索引里', weight: 1 },
  ];

  it('gives the chosen documents the scores and coverage a full search gives them', () => {
    const full = new Map(index.search(query, 10).map((hit) => [hit.doc, hit]));
    const chosen = index.scoreDocs(query, [3, 0, 2]);
    expect(chosen.map((hit) => hit.doc)).toEqual([3, 0, 2]);
    for (const hit of chosen) {
      const expected = full.get(hit.doc);
      expect(hit.score).toBeCloseTo(expected?.score ?? 0, 12);
      expect(hit.coverage).toBeCloseTo(expected?.coverage ?? 0, 12);
    }
    expect(chosen[2]?.score).toBe(0);
    expect(chosen[1]?.score).toBeGreaterThan(chosen[0]?.score ?? 0);
  });
});
