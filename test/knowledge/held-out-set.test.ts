import { describe, expect, it } from 'vitest';
import { loadCardsOrThrow } from '../../src/knowledge/cards/load-card-dir.js';
import {
  type HeldOutItem,
  loadDevQuestions,
  loadHeldOutQuestions,
} from '../../src/knowledge/eval/load-eval-sets.js';
import { readStatuteDir } from '../../src/knowledge/statute-files.js';
import { normalize } from '../../src/knowledge/tokenizer.js';
import { CARDS_DIR } from '../../src/platform/paths.js';
import { HAS_SHARED_LAWS, LAWS_DIR } from './laws-dir.js';

// The held-out split measures retrieval and the dev split is what it is tuned on; a label naming
// an article that does not exist would count a right answer as a miss, so every expected article
// must be a real one.
const sets: [string, () => HeldOutItem[]][] = [
  ['held-out', () => loadHeldOutQuestions()],
  ['dev', () => loadDevQuestions()],
];

describe.each(sets)('%s question set', (_name, load) => {
  const items = load();

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

describe('dev question set', () => {
  // Questions copied from the asks would measure recall of the index, not retrieval of unseen questions.
  it.skipIf(!HAS_SHARED_LAWS)('repeats no ask of any card', () => {
    const asks = new Set(
      loadCardsOrThrow(CARDS_DIR, readStatuteDir(LAWS_DIR)).flatMap((card) =>
        [...card.ask, ...(card.askEn ?? [])].map((ask) => normalize(ask).replace(/[\s\p{P}]/gu, '')),
      ),
    );
    const copied = loadDevQuestions()
      .map((item) => item.question)
      .filter((q) => asks.has(normalize(q).replace(/[\s\p{P}]/gu, '')));
    expect(copied).toEqual([]);
  });
});
