import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/knowledge/card.js';
import {
  CardClassifier,
  type CardModelFile,
  loadCardClassifier,
} from '../../src/knowledge/card-classifier/card-classifier.js';
import { shippedCardClassifier } from '../../src/knowledge/card-classifier/shipped-card-classifier.js';
import {
  cardModelVersion,
  DEFAULT_CARD_TRAINER,
  trainCardClassifier,
} from '../../src/knowledge/card-classifier/train-card-classifier.js';
import { loadCardsOrThrow } from '../../src/knowledge/cards/load-card-dir.js';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { readStatuteDir } from '../../src/knowledge/statute-files.js';
import { CARDS_DIR, PROJECT_ROOT } from '../../src/platform/paths.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures');
const fixtureArticles = readStatuteDir(path.join(FIXTURES, 'laws'));
const fixtureCards = loadCardsOrThrow(path.join(FIXTURES, 'cards'), fixtureArticles);

const top = (model: CardClassifier, question: string) => {
  const p = model.probabilities(question);
  return model.ids[p.indexOf(Math.max(...p))];
};

describe('the card classifier', () => {
  let file: CardModelFile;
  let model: CardClassifier;
  beforeAll(() => {
    file = trainCardClassifier(fixtureCards);
    model = new CardClassifier(file);
  });

  it('learns the asks of each card and reads a new wording of them', () => {
    for (const card of fixtureCards) {
      for (const ask of [...card.ask, ...(card.askEn ?? [])]) expect(top(model, ask), ask).toBe(card.id);
    }
    expect(top(model, '老板一个月都不让休息，这合法吗')).toBe('rest-day');
    const p = model.probabilities('国庆节上班给几倍工资');
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(model.ids[p.indexOf(Math.max(...p))]).toBe('public-holidays');
  });

  it('trains deterministically and round-trips through its file', () => {
    expect(trainCardClassifier(fixtureCards)).toEqual(file);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'card-model-'));
    const stored = path.join(dir, 'model.json');
    fs.writeFileSync(stored, JSON.stringify(file));
    const loaded = loadCardClassifier(stored);
    expect(loaded.ok).toBe(true);
    if (loaded.ok)
      expect(loaded.value.probabilities('每周至少休息几天')).toEqual(model.probabilities('每周至少休息几天'));
    fs.writeFileSync(stored, JSON.stringify({ ...file, starts: file.rows }));
    expect(loaded.ok && !loadCardClassifier(stored).ok).toBe(true);
    fs.writeFileSync(stored, JSON.stringify({ ...file, format: 'gongyou-card-classifier/1' }));
    const refused = loadCardClassifier(stored);
    expect(refused.ok ? '' : refused.reason).toMatch(/is not a gongyou-card-classifier\/2 file/);
  });

  it('knows a card only with the asks it was trained on', () => {
    const [first] = fixtureCards as [Card];
    expect(model.classOf(first)).toBe(0);
    expect(model.classOf({ ...first, ask: [...first.ask, '新加的问法'] })).toBe(-1);
    expect(model.classOf({ ...first, id: 'another-card' })).toBe(-1);
  });

  it('is ranked on BM25 alone near a card it does not know, and adds its likeliest cards', () => {
    const base = createKnowledgeBase(fixtureCards, fixtureArticles, { classifier: model });
    expect(base.classifier).toMatchObject({ knownCards: fixtureCards.length });
    const question = '一个月都不给休息合法吗';
    const known = base.cardCandidates(question);
    expect(known.classified).toBe(true);
    expect(
      known.ids[
        known.signals.findIndex((s) => s.probability === Math.max(...known.signals.map((x) => x.probability)))
      ],
    ).toBe('rest-day');
    expect(base.search(question).cards[0]?.card.id).toBe('rest-day');

    const edited = fixtureCards.map((card) =>
      card.id === 'rest-day' ? { ...card, ask: [...card.ask, '休息日被叫去上班'] } : card,
    );
    const after = base.withCards(edited);
    expect(after.classifier).toMatchObject({ knownCards: fixtureCards.length - 1 });
    const near = after.cardCandidates(question);
    expect(near.classified).toBe(false);
    expect(near.signals.every((s) => s.probability === 0)).toBe(true);
    expect(after.search(question).cards[0]?.card.id).toBe('rest-day');
  });
});

describe('the shipped card classifier', () => {
  it('was trained on the cards as they are now (npm run kb:train-ranker after changing asks)', () => {
    const { model } = shippedCardClassifier();
    const cards = loadCardsOrThrow(CARDS_DIR);
    const stale = cards.filter((card) => model.classOf(card) < 0).map((card) => card.id);
    expect(stale).toEqual([]);
    expect(model.version).toBe(cardModelVersion(cards, DEFAULT_CARD_TRAINER));
  });

  it('fits the memory budget (8 MiB)', () => {
    expect(shippedCardClassifier().model.bytes).toBeLessThan(8 * 2 ** 20);
  });
});
