// npm run kb:train-ranker [-- <laws dir>] [--without feature,feature]
// Learns the card ranker's weights (src/knowledge/card-ranker-weights.json) from the cards' own
// asks: the asks are split in four folds, and each fold's asks are asked of an index built
// without them, so every training question is one the index has not seen (as a worker's is).
// The weights maximise the likelihood of the right card among the candidates (softmax), with a
// small L2 penalty. No evaluation set is read.
import fs from 'node:fs';
import path from 'node:path';
import type { Card } from '../knowledge/card.js';
import { FEATURES, featureRows, type Weights } from '../knowledge/card-ranker.js';
import { loadCardsOrThrow } from '../knowledge/cards/load-card-dir.js';
import { createKnowledgeBase } from '../knowledge/knowledge-base.js';
import { readStatuteDir } from '../knowledge/statute-files.js';
import { CARDS_DIR, PROJECT_ROOT } from '../platform/paths.js';

const FOLDS = 4;
const L2 = 1e-3;
const EPOCHS = 400;
const args = process.argv.slice(2);
const without = new Set((args[args.indexOf('--without') + 1] ?? '').split(',').filter(Boolean));
if (!args.includes('--without')) without.clear();
const positional = args.filter((arg, i) => arg !== '--without' && args[i - 1] !== '--without');
const lawsDir = positional[0] ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'laws');
const out = path.join(PROJECT_ROOT, 'src', 'knowledge', 'card-ranker-weights.json');

const articles = readStatuteDir(lawsDir);
const cards = loadCardsOrThrow(CARDS_DIR, articles);
const base = createKnowledgeBase(cards, articles);

interface Example {
  rows: number[][];
  /** The candidates that answer: the card asked of, and any card leading with the same article. */
  right: boolean[];
}
const byId = new Map(cards.map((card) => [card.id, card]));
const firstCite = (card: Card | undefined) =>
  card?.cite[0] ? `${card.cite[0].law}#${card.cite[0].article}` : '';

const inFold = (i: number, fold: number) => i % FOLDS === fold;
const examples: Example[] = [];
let unreachable = 0;
for (let fold = 0; fold < FOLDS; fold++) {
  // Offset by card so that each fold holds a different share of every card's asks.
  const held = (i: number, index: number) => inFold(i + index, fold);
  const rest = cards.map((card, index) => ({
    ...card,
    ask: card.ask.filter((_, i) => !held(i, index)),
    askEn: (card.askEn ?? []).filter((_, i) => !held(i + card.ask.length, index)),
  }));
  const foldBase = base.withCards(rest);
  cards.forEach((card, index) => {
    const asks = [...card.ask, ...(card.askEn ?? [])].filter((_, i) => held(i, index));
    for (const ask of asks) {
      const { ids, signals } = foldBase.cardCandidates(ask);
      const right = ids.map((id) => id === card.id || firstCite(byId.get(id)) === firstCite(card));
      if (!right.some(Boolean)) unreachable += 1;
      else examples.push({ rows: featureRows(signals), right });
    }
  });
}

const dims = FEATURES.length;
/** Mean negative log-likelihood that a right card comes first, and its gradient. */
function objective(w: number[]): { loss: number; grad: number[] } {
  const grad = w.map((v) => 2 * L2 * v);
  let loss = w.reduce((sum, v) => sum + L2 * v * v, 0);
  for (const { rows, right } of examples) {
    const scores = rows.map((row) => row.reduce((sum, x, i) => sum + x * (w[i] ?? 0), 0));
    const max = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - max));
    const total = exps.reduce((a, b) => a + b, 0);
    const good = exps.reduce((sum, e, r) => sum + (right[r] ? e : 0), 0);
    loss -= Math.log(good / total);
    rows.forEach((row, r) => {
      const p = (exps[r] ?? 0) / total - (right[r] ? (exps[r] ?? 0) / good : 0);
      row.forEach((x, i) => {
        grad[i] = (grad[i] ?? 0) + (p * x) / examples.length;
      });
    });
  }
  return { loss: loss / examples.length, grad };
}

// Adam from "the whole card only" (the ranking before the ranker).
const w: number[] = FEATURES.map((name) => (name === 'card' ? 1 : 0));
const m = new Array<number>(dims).fill(0);
const v = new Array<number>(dims).fill(0);
for (let t = 1; t <= EPOCHS; t++) {
  const { grad } = objective(w);
  for (let i = 0; i < dims; i++) {
    const g = grad[i] ?? 0;
    m[i] = 0.9 * (m[i] ?? 0) + 0.1 * g;
    v[i] = 0.999 * (v[i] ?? 0) + 0.001 * g * g;
    const mh = (m[i] ?? 0) / (1 - 0.9 ** t);
    const vh = (v[i] ?? 0) / (1 - 0.999 ** t);
    // A feature left out (--without) stays at zero: an ablation, to see what each one brings.
    if (!without.has(FEATURES[i] as string)) w[i] = (w[i] ?? 0) - (0.05 * mh) / (Math.sqrt(vh) + 1e-8);
  }
}

const top1 = (weights: number[]) =>
  examples.filter(({ rows, right }) => {
    const scores = rows.map((row) => row.reduce((sum, x, i) => sum + x * (weights[i] ?? 0), 0));
    return right[scores.indexOf(Math.max(...scores))];
  }).length / examples.length;
const before: number[] = FEATURES.map((name) => (name === 'card' ? 1 : 0));
const weights = Object.fromEntries(
  FEATURES.map((name, i) => [name, Number((w[i] ?? 0).toFixed(4))]),
) as Weights;
fs.writeFileSync(out, `${JSON.stringify({ weights }, null, 2)}\n`);
console.info(
  `${examples.length} held-out asks (${unreachable} with the right card not among the candidates); ` +
    `a right card first: ${top1(before).toFixed(3)} whole card only → ${top1(w).toFixed(3)} ranker`,
);
console.info(`weights → ${path.relative(PROJECT_ROOT, out)}: ${JSON.stringify(weights)}`);
