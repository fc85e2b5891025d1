// Learns the card classifier (card-classifier.ts) from the cards' asks, zh and en: multinomial
// logistic regression by stochastic gradient descent, one class per card. A card has a few dozen
// asks and there are hundreds of cards, so two things keep it fast and small: the features are
// those seen in at least two asks (a feature of one ask cannot be weighed against anything), and
// an ask updates only the classes the model still gives a real share to (the rest would all move
// down by the same tiny amount, which a softmax does not see).
import { createHash } from 'node:crypto';
import { seededRandom } from '../../platform/seeded-random.js';
import { softmax } from '../../platform/text-features/hashed-features.js';
import type { Card } from '../card.js';
import { CARD_MODEL_FORMAT, type CardModelFile, cardFingerprint, trainingTexts } from './card-classifier.js';
import { CARD_FEATURE_BITS, CARD_FEATURE_VERSION, cardFeatures } from './card-features.js';

export interface CardTrainerSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** A feature must occur in this many asks to get weights. */
  minCount: number;
  /** Classes whose gradient is under this are not updated for an ask. */
  skipGradient: number;
  /** Weights under this fraction of the largest are dropped when packing. */
  pruneBelow: number;
}

export const DEFAULT_CARD_TRAINER: CardTrainerSettings = {
  epochs: 10,
  learningRate: 4,
  l2: 1e-6,
  seed: 20261204,
  minCount: 2,
  skipGradient: 1e-4,
  pruneBelow: 0.01,
};

/**
 * What each card is learned from, with the card's index as its label: its asks, and its answer
 * (lead and further explanation, zh and en) as one more example, so that the words the answer
 * is put in are the card's too, as they are in its BM25 document.
 */
export function cardAsks(cards: readonly Card[]): { text: string; label: number }[] {
  return cards.flatMap((card, label) => trainingTexts(card).map((text) => ({ text, label })));
}

export function cardModelVersion(cards: readonly Card[], settings: CardTrainerSettings): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ CARD_FEATURE_VERSION, FEATURE_BITS: CARD_FEATURE_BITS, settings }));
  for (const card of cards) hash.update(`${card.id}:${cardFingerprint(card)}\n`);
  return hash.digest('hex').slice(0, 16);
}

export function trainCardClassifier(
  cards: readonly Card[],
  settings: CardTrainerSettings = DEFAULT_CARD_TRAINER,
): CardModelFile {
  if (cards.length > 65535) throw new Error('at most 65535 cards fit the model file');
  const asks = cardAsks(cards);
  const featured = asks.map((ask) => ({ ...cardFeatures(ask.text), label: ask.label }));
  const counts = new Map<number, number>();
  for (const { buckets } of featured) for (const b of buckets) counts.set(b, (counts.get(b) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= settings.minCount).map(([bucket]) => bucket);
  kept.sort((a, b) => a - b);
  const rowOf = new Map(kept.map((bucket, row) => [bucket, row]));
  const examples = featured.map(({ buckets, value, label }) => ({
    rows: Int32Array.from([...buckets].flatMap((b) => (rowOf.has(b) ? [rowOf.get(b) as number] : []))),
    // The value the question will have at serving time: over all its features, kept or not.
    value,
    label,
  }));

  const width = cards.length;
  const weights = new Float32Array(kept.length * width);
  const bias = new Float64Array(width);
  const scores = new Float64Array(width);
  const random = seededRandom(settings.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const rate = settings.learningRate / (1 + epoch * 0.15);
    for (const index of order) {
      const { rows, value, label } = examples[index] as (typeof examples)[number];
      scores.set(bias);
      for (const row of rows) {
        const offset = row * width;
        for (let c = 0; c < width; c++)
          scores[c] = (scores[c] as number) + (weights[offset + c] as number) * value;
      }
      const probabilities = softmax(scores);
      for (let c = 0; c < width; c++) {
        const gradient = (probabilities[c] as number) - (c === label ? 1 : 0);
        if (Math.abs(gradient) < settings.skipGradient) continue;
        bias[c] = (bias[c] as number) - rate * gradient * 0.1;
        for (const row of rows) {
          const k = row * width + c;
          const w = weights[k] as number;
          weights[k] = w - rate * (gradient * value + settings.l2 * w);
        }
      }
    }
  }
  return pack(cards, kept, weights, bias, asks.length, settings);
}

function pack(
  cards: readonly Card[],
  buckets: number[],
  trained: Float32Array,
  bias: Float64Array,
  textCount: number,
  settings: CardTrainerSettings,
): CardModelFile {
  const width = cards.length;
  let maxAbs = 0;
  for (const w of trained) maxAbs = Math.max(maxAbs, Math.abs(w));
  const floor = Math.max(1e-6, maxAbs * settings.pruneBelow);
  const scale = maxAbs / 32767 || 1;
  const rows: number[] = [];
  const starts: number[] = [0];
  const classes: number[] = [];
  const weights: number[] = [];
  buckets.forEach((bucket, row) => {
    const before = classes.length;
    for (let c = 0; c < width; c++) {
      const w = trained[row * width + c] as number;
      if (Math.abs(w) < floor) continue;
      classes.push(c);
      weights.push(Math.round(w / scale));
    }
    if (classes.length === before) return;
    rows.push(bucket);
    starts.push(classes.length);
  });
  const base64 = (array: ArrayBufferView) =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  return {
    format: CARD_MODEL_FORMAT,
    version: cardModelVersion(cards, settings),
    featureBits: CARD_FEATURE_BITS,
    cards: cards.map((card) => ({ id: card.id, fingerprint: cardFingerprint(card) })),
    bias: [...bias].map((b) => Number(b.toFixed(6))),
    scale,
    rows: base64(Uint32Array.from(rows)),
    starts: base64(Uint32Array.from(starts)),
    classes: base64(Uint16Array.from(classes)),
    weights: base64(Int16Array.from(weights)),
    trainedOn: { texts: textCount, cards: cards.length },
  };
}
