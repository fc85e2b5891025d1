import { seededRandom } from '../../../platform/seeded-random.js';
import { FEATURE_BITS } from './features.js';
import type { ModelHead } from './intent-model.js';
import { softmax } from './intent-model.js';

export interface TrainingExample {
  buckets: Int32Array;
  value: number;
  label: number;
  /** How much this example counts in the loss (1 unless told). */
  weight?: number;
}

export interface TrainerSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Weights are averaged over the epochs from this fraction of the run on (1: no averaging). */
  averageFrom: number;
  /** Class weight = (mean class size / class size) ^ this: 0 none, 0.5 inverse square root, 1 inverse. */
  classWeightPower: number;
  /** Weight of the knowledge cards' own questions as extra examples of the topic head (0: not used). */
  cardWeight: number;
}

export const DEFAULT_TRAINER: TrainerSettings = {
  epochs: 40,
  learningRate: 0.5,
  l2: 1e-6,
  seed: 20261203,
  averageFrom: 1,
  classWeightPower: 1,
  cardWeight: 0.3,
};

/**
 * Multinomial logistic regression by stochastic gradient descent with L2 decay. Classes are
 * weighted by a power of their inverse frequency (classWeightPower), so that 60 "cancel" lines
 * are not drowned by 1,000 questions. Returns dense weights (buckets × classes) and biases.
 */
export function trainSoftmax(
  examples: TrainingExample[],
  classCount: number,
  settings: TrainerSettings = DEFAULT_TRAINER,
): { weights: Float32Array; bias: Float64Array } {
  const weights = new Float32Array((1 << FEATURE_BITS) * classCount);
  const bias = new Float64Array(classCount);
  const counts = new Array<number>(classCount).fill(0);
  for (const example of examples)
    counts[example.label] = (counts[example.label] ?? 0) + (example.weight ?? 1);
  const classWeight = counts.map((n) =>
    n ? (examples.length / (classCount * n)) ** settings.classWeightPower : 0,
  );
  // Averaging the weights of the last epochs (averaged SGD) smooths the noise of the last
  // updates: the averaged model generalises better than the final one and is as cheap to serve.
  const firstAveraged = Math.min(settings.epochs - 1, Math.floor(settings.epochs * settings.averageFrom));
  const sum = new Float64Array(weights.length);
  const biasSum = new Float64Array(classCount);
  let averaged = 0;
  const random = seededRandom(settings.seed);
  const order = examples.map((_, i) => i);
  const scores = new Float64Array(classCount);

  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const rate = settings.learningRate / (1 + epoch * 0.15);
    for (const index of order) {
      const example = examples[index] as TrainingExample;
      scores.set(bias);
      for (const bucket of example.buckets) {
        const offset = bucket * classCount;
        for (let c = 0; c < classCount; c++)
          scores[c] = (scores[c] ?? 0) + (weights[offset + c] ?? 0) * example.value;
      }
      const probabilities = softmax(scores);
      const weight = (classWeight[example.label] ?? 1) * (example.weight ?? 1);
      for (let c = 0; c < classCount; c++) {
        const gradient = ((probabilities[c] ?? 0) - (c === example.label ? 1 : 0)) * weight;
        bias[c] = (bias[c] ?? 0) - rate * gradient * 0.1;
        for (const bucket of example.buckets) {
          const k = bucket * classCount + c;
          const w = weights[k] ?? 0;
          weights[k] = w - rate * (gradient * example.value + settings.l2 * w);
        }
      }
    }
    if (epoch >= firstAveraged) {
      averaged++;
      for (let k = 0; k < weights.length; k++) sum[k] = (sum[k] ?? 0) + (weights[k] ?? 0);
      for (let c = 0; c < classCount; c++) biasSum[c] = (biasSum[c] ?? 0) + (bias[c] ?? 0);
    }
  }
  for (let k = 0; k < weights.length; k++) weights[k] = (sum[k] ?? 0) / averaged;
  for (let c = 0; c < classCount; c++) bias[c] = (biasSum[c] ?? 0) / averaged;
  return { weights, bias };
}

/**
 * Rows (buckets) whose largest weight is under this fraction of the head's largest are dropped
 * when packing: each adds under a hundredth of a logit to a message, and without them the model
 * file stays near 4 MB (4.2 MB on 2026-12-04; nlu:cv scores the packed model, so the loss, if
 * any, is measured).
 */
const PRUNE_BELOW = 0.01;

/** Keep only buckets with weights that matter, quantized to 16 bits: the form stored in the model file. */
export function packHead(
  classes: string[],
  trained: { weights: Float32Array; bias: Float64Array },
): ModelHead {
  const width = classes.length;
  let maxAbs = 0;
  for (const w of trained.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const rows: number[] = [];
  for (let bucket = 0; bucket < 1 << FEATURE_BITS; bucket++) {
    let largest = 0;
    for (let c = 0; c < width; c++)
      largest = Math.max(largest, Math.abs(trained.weights[bucket * width + c] ?? 0));
    if (largest > 1e-6 && largest >= maxAbs * PRUNE_BELOW) rows.push(bucket);
  }
  const scale = maxAbs / 32767 || 1;
  const packed = new Int16Array(rows.length * width);
  rows.forEach((bucket, row) => {
    for (let c = 0; c < width; c++) {
      packed[row * width + c] = Math.round((trained.weights[bucket * width + c] ?? 0) / scale);
    }
  });
  return {
    classes,
    bias: [...trained.bias].map((b) => Number(b.toFixed(6))),
    scale,
    rows: Buffer.from(Uint32Array.from(rows).buffer).toString('base64'),
    weights: Buffer.from(packed.buffer).toString('base64'),
  };
}
