import { describe, expect, it } from 'vitest';
import { CARDS } from '../../src/knowledge/cards/index.js';
import { readStatuteDir } from '../../src/knowledge/statute-files.js';
import { HAS_SHARED_LAWS, LAWS_DIR } from './laws-dir.js';

describe('knowledge cards', () => {
  it('has at least 60 cards, 20 of them in English, with unique ids', () => {
    expect(CARDS.length).toBeGreaterThanOrEqual(60);
    expect(CARDS.filter((card) => card.en).length).toBeGreaterThanOrEqual(20);
    expect(new Set(CARDS.map((card) => card.id)).size).toBe(CARDS.length);
  });

  it.skipIf(!HAS_SHARED_LAWS)('cites only articles that exist in the statute texts', () => {
    const articles = new Set(readStatuteDir(LAWS_DIR).map((a) => `${a.law}#${a.article}`));
    const missing = CARDS.flatMap((card) =>
      card.cite
        .filter((ref) => !articles.has(`${ref.law}#${ref.article}`))
        .map((ref) => `${card.id}: ${ref.law}${ref.article}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every card an answer, next steps and citations, and no phone numbers except the known hotlines', () => {
    for (const card of CARDS) {
      expect(card.answer.length, card.id).toBeGreaterThan(20);
      expect(card.steps.length, card.id).toBeGreaterThan(0);
      expect(card.cite.length, card.id).toBeGreaterThan(0);
      const text = [card.answer, ...card.steps, card.en?.answer ?? '', ...(card.en?.steps ?? [])].join(' ');
      // Five digits or more looks like a phone number; statutory figures (150%, 24 hours) are shorter.
      const numbers = text.match(/\d{5,}/g) ?? [];
      for (const number of numbers) expect(['12351', '12333'], `${card.id}: ${number}`).toContain(number);
    }
  });
});
