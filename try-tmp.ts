import path from 'node:path';
import { loadCardsOrThrow } from './src/knowledge/cards/load-card-dir.js';
import { CardClassifier } from './src/knowledge/card-classifier/card-classifier.js';
import { trainCardClassifier, DEFAULT_CARD_TRAINER } from './src/knowledge/card-classifier/train-card-classifier.js';
import { CARDS_DIR } from './src/platform/paths.js';
const cards = loadCardsOrThrow(CARDS_DIR);
const FOLDS = 4;
const settings = { ...DEFAULT_CARD_TRAINER, ...JSON.parse(process.env.S ?? '{}') };
const byId = new Map(cards.map((c) => [c.id, c]));
const first = (c: any) => (c?.cite[0] ? `${c.cite[0].law}#${c.cite[0].article}` : '');
let n = 0, h1 = 0, h3 = 0, h10 = 0;
const folds = Number(process.env.F ?? 1);
for (let fold = 0; fold < folds; fold++) {
  const held = (i: number, index: number) => (i + index) % FOLDS === fold;
  const rest = cards.map((card, index) => ({ ...card, ask: card.ask.filter((_, i) => !held(i, index)), askEn: (card.askEn ?? []).filter((_, i) => !held(i + card.ask.length, index)) }));
  const t = performance.now();
  const file = trainCardClassifier(rest, settings);
  const ms = performance.now() - t;
  const model = new CardClassifier(file);
  console.log(`fold ${fold}: train ${ms.toFixed(0)} ms, json ${(JSON.stringify(file).length/1e6).toFixed(2)} MB, bytes ${(model.bytes/1e6).toFixed(2)} MB`);
  cards.forEach((card, index) => {
    const asks = [...card.ask, ...(card.askEn ?? [])].filter((_, i) => held(i, index));
    for (const ask of asks) {
      const p = model.probabilities(ask);
      const order = [...p.keys()].sort((a, b) => (p[b] as number) - (p[a] as number));
      const rank = order.findIndex((c) => c === index || first(cards[c]) === first(card));
      n++; if (rank === 0) h1++; if (rank >= 0 && rank < 3) h3++; if (rank >= 0 && rank < 10) h10++;
    }
  });
}
console.log(`held-out asks ${n}: top1 ${(h1/n).toFixed(3)} top3 ${(h3/n).toFixed(3)} top10 ${(h10/n).toFixed(3)}`);
