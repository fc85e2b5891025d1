// npm run kb:train-ranker [-- <laws dir>] [--without feature,feature]
// Learns the card classifier (src/knowledge/card-classifier/model/card-classifier.json) and the
// card ranker's weights (src/knowledge/card-ranker-weights.json) from the cards' own asks. The
// asks are split in four folds; each fold's asks are asked of an index and a classifier built
// without them, so every training question is one neither has seen (as a worker's is) and the
// ranker learns how far to trust the classifier on unseen wording. The same folds are the
// classifier's 4-fold cross-validation, printed. The ranker's weights maximise the likelihood of
// the right card among the candidates (softmax), with a small L2 penalty: once with the
// classifier's features, once without (for questions near a card the classifier does not know).
// No evaluation set is read.
import fs from 'node:fs';
import path from 'node:path';
import type { Card } from '../knowledge/card.js';
import { CardClassifier } from '../knowledge/card-classifier/card-classifier.js';
import { SHIPPED_CARD_MODEL_FILE } from '../knowledge/card-classifier/shipped-card-classifier.js';
import { trainCardClassifier } from '../knowledge/card-classifier/train-card-classifier.js';
import { FEATURES, featureRows, type Weights } from '../knowledge/card-ranker.js';
import { loadCardsOrThrow } from '../knowledge/cards/load-card-dir.js';
import { type CardCandidates, createKnowledgeBase } from '../knowledge/knowledge-base.js';
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
const CLASSIFIER_FEATURES = new Set(['prob', 'probShare', 'probTop', 'logProb']);

const articles = readStatuteDir(lawsDir);
const cards = loadCardsOrThrow(CARDS_DIR, articles);
const base = createKnowledgeBase(cards, articles, { classifier: null });

interface Example {
  rows: number[][];
  /** The candidates that answer: the card asked of, and any card leading with the same article. */
  right: boolean[];
  fold: number;
}
const byId = new Map(cards.map((card) => [card.id, card]));
const firstCite = (card: Card | undefined) =>
  card?.cite[0] ? `${card.cite[0].law}#${card.cite[0].article}` : '';
const answers = (id: string | undefined, card: Card) =>
  id === card.id || firstCite(byId.get(id ?? '')) === firstCite(card);

const log = (line: string) => console.info(line);
const fused: Example[] = [];
const bm25: Example[] = [];
const unreachable = { fused: [0, 0, 0, 0], bm25: [0, 0, 0, 0] };
const alone = { asks: 0, top1: 0, top3: 0 };
const started = performance.now();
for (let fold = 0; fold < FOLDS; fold++) {
  // Offset by card so that each fold holds a different share of every card's asks.
  const held = (i: number, index: number) => (i + index) % FOLDS === fold;
  const rest = cards.map((card, index) => ({
    ...card,
    ask: card.ask.filter((_, i) => !held(i, index)),
    askEn: (card.askEn ?? []).filter((_, i) => !held(i + card.ask.length, index)),
  }));
  const classifier = new CardClassifier(trainCardClassifier(rest));
  const withClassifier = base.withCards(rest, { classifier });
  const bm25Only = base.withCards(rest, { classifier: null });
  const add = (examples: Example[], found: CardCandidates, card: Card, kind: 'fused' | 'bm25') => {
    const right = found.ids.map((id) => answers(id, card));
    if (!right.some(Boolean)) unreachable[kind][fold] = (unreachable[kind][fold] ?? 0) + 1;
    else examples.push({ rows: featureRows(found.signals), right, fold });
  };
  cards.forEach((card, index) => {
    const asks = [...card.ask, ...(card.askEn ?? [])].filter((_, i) => held(i, index));
    for (const ask of asks) {
      const probabilities = classifier.probabilities(ask);
      const order = [...probabilities.keys()].sort(
        (a, b) => (probabilities[b] ?? 0) - (probabilities[a] ?? 0),
      );
      const rank = order.findIndex((c) => answers(classifier.ids[c], card));
      alone.asks += 1;
      if (rank === 0) alone.top1 += 1;
      if (rank >= 0 && rank < 3) alone.top3 += 1;
      add(fused, withClassifier.cardCandidates(ask), card, 'fused');
      add(bm25, bm25Only.cardCandidates(ask), card, 'bm25');
    }
  });
  log(
    `fold ${fold + 1}/${FOLDS}: classifier trained and asked (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
}

const dims = FEATURES.length;
const score = (row: number[], w: readonly number[]) => row.reduce((sum, x, i) => sum + x * (w[i] ?? 0), 0);

/** Mean negative log-likelihood that a right card comes first, and its gradient. */
function objective(examples: Example[], w: number[]): { loss: number; grad: number[] } {
  const grad = w.map((v) => 2 * L2 * v);
  let loss = w.reduce((sum, v) => sum + L2 * v * v, 0);
  for (const { rows, right } of examples) {
    const scores = rows.map((row) => score(row, w));
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

/** Adam from "the whole card only" (the ranking before the ranker); features in `fixed` stay at zero. */
function train(examples: Example[], fixed: Set<string>): number[] {
  const w: number[] = FEATURES.map((name) => (name === 'card' ? 1 : 0));
  const m = new Array<number>(dims).fill(0);
  const v = new Array<number>(dims).fill(0);
  for (let t = 1; t <= EPOCHS; t++) {
    const { grad } = objective(examples, w);
    for (let i = 0; i < dims; i++) {
      const g = grad[i] ?? 0;
      m[i] = 0.9 * (m[i] ?? 0) + 0.1 * g;
      v[i] = 0.999 * (v[i] ?? 0) + 0.001 * g * g;
      const mh = (m[i] ?? 0) / (1 - 0.9 ** t);
      const vh = (v[i] ?? 0) / (1 - 0.999 ** t);
      if (!fixed.has(FEATURES[i] as string)) w[i] = (w[i] ?? 0) - (0.05 * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return w;
}

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/**
 * How often a right card comes first and in the first three, over every held-out ask
 * (unreachable ones miss); `weightsOf` gives the weights each fold's asks are ranked with.
 */
function hits(
  examples: Example[],
  missing: number[],
  weightsOf: (fold: number) => readonly number[],
): string {
  let top1 = 0;
  let top3 = 0;
  for (const { rows, right, fold } of examples) {
    const w = weightsOf(fold);
    const scores = rows.map((row) => score(row, w));
    const order = scores.map((_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
    if (right[order[0] ?? -1]) top1 += 1;
    if (order.slice(0, 3).some((i) => right[i])) top3 += 1;
  }
  const n = examples.length + sum(missing);
  return `${(top1 / n).toFixed(3)} / ${(top3 / n).toFixed(3)}`;
}

/** The ranker's weights for each fold fitted on the other folds' asks only (out of sample). */
function crossFitted(examples: Example[], fixed: Set<string>): (fold: number) => readonly number[] {
  const byFold = Array.from({ length: FOLDS }, (_, fold) =>
    train(
      examples.filter((example) => example.fold !== fold),
      fixed,
    ),
  );
  return (fold) => byFold[fold] ?? [];
}

// A feature left out (--without) stays at zero: an ablation, to see what each one brings.
const fusedWeights = train(fused, without);
const bm25Fixed = new Set([...without, ...CLASSIFIER_FEATURES]);
const bm25Weights = train(bm25, bm25Fixed);
const wholeCard: number[] = FEATURES.map((name) => (name === 'card' ? 1 : 0));
const named = (w: number[]) =>
  Object.fromEntries(FEATURES.map((name, i) => [name, Number((w[i] ?? 0).toFixed(4))])) as Weights;
fs.writeFileSync(
  out,
  `${JSON.stringify({ weights: named(fusedWeights), bm25Only: named(bm25Weights) }, null, 2)}\n`,
);

const full = trainCardClassifier(cards);
fs.mkdirSync(path.dirname(SHIPPED_CARD_MODEL_FILE), { recursive: true });
fs.writeFileSync(SHIPPED_CARD_MODEL_FILE, `${JSON.stringify(full)}\n`);
const model = new CardClassifier(full);

log(
  `4-fold cross-validation on the cards' asks (${alone.asks} held-out asks, ${cards.length} cards): a right card first / in the first three`,
);
log(
  `  classifier alone            ${(alone.top1 / alone.asks).toFixed(3)} / ${(alone.top3 / alone.asks).toFixed(3)}`,
);
log(
  `  whole card BM25 alone       ${hits(bm25, unreachable.bm25, () => wholeCard)}   (${sum(unreachable.bm25)} with no right candidate)`,
);
log(`  ranker, BM25 signals        ${hits(bm25, unreachable.bm25, () => bm25Weights)}`);
log(
  `  ranker, BM25 + classifier   ${hits(fused, unreachable.fused, () => fusedWeights)}   (${sum(unreachable.fused)} with no right candidate)`,
);
log(
  `  (the ranker's ${dims} weights fitted on these same held-out asks; fitted on the other three folds only:)`,
);
log(`  ranker, BM25 signals        ${hits(bm25, unreachable.bm25, crossFitted(bm25, bm25Fixed))}`);
log(`  ranker, BM25 + classifier   ${hits(fused, unreachable.fused, crossFitted(fused, without))}`);
log(`weights → ${path.relative(PROJECT_ROOT, out)}: ${JSON.stringify(named(fusedWeights))}`);
log(
  `classifier → ${path.relative(PROJECT_ROOT, SHIPPED_CARD_MODEL_FILE)}: version ${full.version}, ` +
    `${full.trainedOn.texts} texts (asks and answers), ${(model.bytes / 2 ** 20).toFixed(2)} MiB in memory`,
);
