import { describe, expect, it } from 'vitest';
import { loadHeldOutQuestions } from '../../src/knowledge/eval/load-eval-sets.js';
import { readStatuteDir } from '../../src/knowledge/statute-files.js';
import { HAS_SHARED_LAWS, LAWS_DIR } from './laws-dir.js';

// The held-out split measures retrieval; a label naming an article that does not exist would
// count a right answer as a miss, so every expected article must be a real one.
describe('held-out question set', () => {
  const items = loadHeldOutQuestions();

  it('has Chinese and English questions, each with a topic and at least one expected article', () => {
    expect(items.filter((item) => item.lang === 'zh').length).toBeGreaterThanOrEqual(150);
    expect(items.filter((item) => item.lang === 'en').length).toBeGreaterThanOrEqual(50);
    for (const item of items) {
      expect(item.topic, item.question).toMatch(/^[a-z-]+$/);
      expect(item.expect.length, item.question).toBeGreaterThan(0);
    }
    expect(new Set(items.map((item) => item.question)).size).toBe(items.length);
  });

  it.skipIf(!HAS_SHARED_LAWS)('names only articles that are in the statutes', () => {
    const have = new Set(readStatuteDir(LAWS_DIR).map((a) => `${a.law}#${a.article}`));
    const missing = items.flatMap((item) =>
      item.expect
        .filter((ref) => !have.has(`${ref.law}#${ref.article}`))
        .map((ref) => `${item.question}: ${ref.law} ${ref.article}`),
    );
    expect(missing).toEqual([]);
  });
});
