import { describe, expect, it } from 'vitest';
import { loadCardDir, loadCardsOrThrow } from '../../src/knowledge/cards/load-card-dir.js';
import { readStatuteDir } from '../../src/knowledge/statute-files.js';
import { CARDS_DIR } from '../../src/platform/paths.js';
import { HAS_SHARED_LAWS, LAWS_DIR } from './laws-dir.js';

// The project's own cards, knowledge/cards/*.md, as a worker will be answered from them.
const cards = loadCardsOrThrow(CARDS_DIR);

describe('knowledge cards', () => {
  it('has at least 120 cards, 120 of them in English, with unique ids', () => {
    expect(cards.length).toBeGreaterThanOrEqual(120);
    expect(cards.filter((card) => card.en).length).toBeGreaterThanOrEqual(120);
    expect(new Set(cards.map((card) => card.id)).size).toBe(cards.length);
  });

  it('gives every card at least 12 asks, and 12 English asks when it answers in English', () => {
    const few = cards.flatMap((card) => [
      ...(card.ask.length < 12 ? [`${card.id} asks ${card.ask.length}`] : []),
      ...(card.en && (card.askEn?.length ?? 0) < 12 ? [`${card.id} asksEn ${card.askEn?.length ?? 0}`] : []),
    ]);
    expect(few).toEqual([]);
  });

  it('puts no ask on two cards: retrieval and the card classifier learn each ask as its card', () => {
    // Same words after case, spaces and punctuation are dropped: "Can I quit?" = "can i quit".
    const key = (ask: string) => ask.toLowerCase().replace(/[\s\p{P}]+/gu, '');
    const owner = new Map<string, string>();
    const repeated: string[] = [];
    for (const card of cards) {
      for (const ask of new Set([...card.ask, ...(card.askEn ?? [])].map(key))) {
        const first = owner.get(ask);
        if (first && first !== card.id) repeated.push(`${ask}: ${first} and ${card.id}`);
        else owner.set(ask, card.id);
      }
    }
    expect(repeated).toEqual([]);
  });

  it.skipIf(!HAS_SHARED_LAWS)('cites only articles that exist in the statute texts', () => {
    expect(loadCardDir(CARDS_DIR, readStatuteDir(LAWS_DIR)).problems).toEqual([]);
  });

  it('leads no answer with more than 140 characters (280 in English), most within 120', () => {
    const long = cards.flatMap((card) => [
      ...(card.zh.lead.length > 140 ? [`${card.id} zh ${card.zh.lead.length}`] : []),
      ...(card.en && card.en.lead.length > 280 ? [`${card.id} en ${card.en.lead.length}`] : []),
    ]);
    expect(long).toEqual([]);
    const over120 = cards.filter((card) => card.zh.lead.length > 120).map((card) => card.id);
    expect(over120.length, over120.join(' ')).toBeLessThanOrEqual(5);
  });

  it('gives every card a lead, next steps and citations, and no phone numbers except the known hotlines', () => {
    for (const card of cards) {
      expect(card.zh.lead.length, card.id).toBeGreaterThan(20);
      expect(card.zh.steps.length, card.id).toBeGreaterThan(0);
      expect(card.cite.length, card.id).toBeGreaterThan(0);
      const text = [card.zh, card.en]
        .flatMap((part) => (part ? [part.lead, part.more ?? '', ...part.steps] : []))
        .join(' ');
      // Five digits or more looks like a phone number; statutory figures (150%, 24 hours) are shorter.
      const numbers = text.match(/\d{5,}/g) ?? [];
      for (const number of numbers) expect(['12351', '12333'], `${card.id}: ${number}`).toContain(number);
    }
  });
});
