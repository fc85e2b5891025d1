import fs from 'node:fs';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { fail, ok, type Result } from '../../../platform/result.js';
import { decodeBase64 as decode, softmax } from '../../../platform/text-features/hashed-features.js';
import { type Lexicon, makeLexicon } from '../../../platform/text-features/segment-words.js';
import { extractFeatures, FEATURE_BITS } from './features.js';

export { softmax };

export const MODEL_FORMAT = 'gongyou-intent-model/2';

const HeadSchema = Type.Object({
  classes: Type.Array(Type.String(), { minItems: 2 }),
  bias: Type.Array(Type.Number()),
  /** Weights are stored as 16-bit integers; multiply by `scale` to get them back. */
  scale: Type.Number({ exclusiveMinimum: 0 }),
  /** Base64 of the Uint32 bucket numbers that have weights, ascending. */
  rows: Type.String(),
  /** Base64 of Int16 weights, rows × classes, row-major. */
  weights: Type.String(),
});

/** The model file as stored in the repo (model/intent-model.json), written by `npm run nlu:train`. */
export const ModelFileSchema = Type.Object({
  format: Type.Literal(MODEL_FORMAT),
  /** Hash of the training corpus and the trainer's settings: a different corpus, a different version. */
  version: Type.String(),
  featureBits: Type.Literal(FEATURE_BITS),
  /** The words of the built-in segmentation (build-lexicon.ts), sorted. */
  lexicon: Type.Array(Type.String()),
  intent: HeadSchema,
  topic: HeadSchema,
  decision: Type.Object({
    /** Below this probability the message is not understood (the menu is shown). */
    minConfidence: Type.Number({ minimum: 0, maximum: 1 }),
    /** A wage report or danger wins from this probability on, even when not the top class. */
    floors: Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 1 })),
  }),
  trainedOn: Type.Object({
    messages: Type.Integer(),
    byLang: Type.Record(Type.String(), Type.Integer()),
    byIntent: Type.Record(Type.String(), Type.Integer()),
  }),
});
export type ModelFile = Static<typeof ModelFileSchema>;
export type ModelHead = Static<typeof HeadSchema>;

export interface Prediction {
  label: string;
  probability: number;
  /** Every class with its probability, most likely first. */
  ranked: { label: string; probability: number }[];
}

/** One softmax layer over the hashed features, ready to score. */
class Head {
  private readonly rowOf: Int32Array;
  private readonly weights: Int16Array;
  private readonly width: number;

  // Only what predict reads: the head as parsed also holds the base64 text of its rows and
  // weights (2.5 MB between the two heads), which is garbage once decoded.
  private readonly head: Pick<ModelHead, 'classes' | 'bias' | 'scale'>;

  constructor(head: ModelHead) {
    this.head = { classes: head.classes, bias: head.bias, scale: head.scale };
    const rows = new Uint32Array(decode(head.rows));
    this.weights = new Int16Array(decode(head.weights));
    this.width = head.classes.length;
    if (this.weights.length !== rows.length * this.width) throw new Error('model weights do not match rows');
    this.rowOf = new Int32Array(1 << FEATURE_BITS).fill(-1);
    rows.forEach((bucket, row) => {
      this.rowOf[bucket] = row;
    });
  }

  predict(buckets: Int32Array, value: number): Prediction {
    const { classes, bias, scale } = this.head;
    const scores = Float64Array.from(bias);
    for (const bucket of buckets) {
      const row = this.rowOf[bucket] ?? -1;
      if (row < 0) continue;
      const offset = row * this.width;
      for (let c = 0; c < this.width; c++)
        scores[c] = (scores[c] ?? 0) + (this.weights[offset + c] ?? 0) * scale * value;
    }
    const probabilities = softmax(scores);
    const ranked = classes
      .map((label, c) => ({ label, probability: probabilities[c] ?? 0 }))
      .sort((a, b) => b.probability - a.probability);
    const top = ranked[0] ?? { label: classes[0] ?? '', probability: 0 };
    return { label: top.label, probability: top.probability, ranked };
  }
}

/** A loaded model: the intent of a message, and for questions their topic. */
export class IntentModel {
  readonly version: string;
  readonly decision: ModelFile['decision'];
  readonly trainedOn: ModelFile['trainedOn'];
  private readonly intentHead: Head;
  private readonly topicHead: Head;
  private readonly lexicon: Lexicon;

  constructor(file: ModelFile) {
    this.lexicon = makeLexicon(file.lexicon);
    this.version = file.version;
    this.decision = file.decision;
    this.trainedOn = file.trainedOn;
    this.intentHead = new Head(file.intent);
    this.topicHead = new Head(file.topic);
  }

  classify(text: string): { intent: Prediction; topic: Prediction } {
    const { buckets, value } = extractFeatures(text, this.lexicon);
    return { intent: this.intentHead.predict(buckets, value), topic: this.topicHead.predict(buckets, value) };
  }
}

/** Read and check a model file; a missing or malformed one is a reason, not a crash. */
export function loadIntentModel(file: string): Result<IntentModel> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (!Value.Check(ModelFileSchema, raw)) {
    const first = [...Value.Errors(ModelFileSchema, raw)][0];
    return fail(`${file} is not a ${MODEL_FORMAT} file (${first?.instancePath} ${first?.message})`);
  }
  try {
    return ok(new IntentModel(raw));
  } catch (error) {
    return fail(`${file}: ${(error as Error).message}`);
  }
}
