// Which card a question is about, read by a linear softmax over the cards (one class per card)
// learned from the cards' asks (train-card-classifier.ts). Where BM25 needs the question's words
// in a card, the classifier has learned which n-grams, sounds and words tell one card from its
// neighbours; retrieval uses its probabilities as ranker features (knowledge-base.ts).
// Stored sparse and quantised: a feature keeps only the classes it really weighs on.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { fail, ok, type Result } from '../../platform/result.js';
import { decodeBase64, softmax } from '../../platform/text-features/hashed-features.js';
import type { Card } from '../card.js';
import { CARD_FEATURE_BITS, cardFeatures } from './card-features.js';

export const CARD_MODEL_FORMAT = 'gongyou-card-classifier/2';

export const CardModelFileSchema = Type.Object({
  format: Type.Literal(CARD_MODEL_FORMAT),
  /** Hash of the asks trained on, the features' version and the trainer's settings. */
  version: Type.String(),
  featureBits: Type.Literal(CARD_FEATURE_BITS),
  /** One class per card: its id and a fingerprint of the texts it was learned from (cardFingerprint). */
  cards: Type.Array(Type.Object({ id: Type.String(), fingerprint: Type.String() }), { minItems: 2 }),
  bias: Type.Array(Type.Number()),
  /** Weights are 16-bit integers; multiply by `scale` to get them back. */
  scale: Type.Number({ exclusiveMinimum: 0 }),
  /** Base64 of the Uint32 bucket numbers that have weights, ascending. */
  rows: Type.String(),
  /** Base64 of Uint32 offsets into `classes`/`weights`, one per row and one past the last. */
  starts: Type.String(),
  /** Base64 of Uint16 class numbers, row by row. */
  classes: Type.String(),
  /** Base64 of Int16 weights, one per entry of `classes`. */
  weights: Type.String(),
  /** Texts learned from: every ask, and each card's answer in each of its languages. */
  trainedOn: Type.Object({ texts: Type.Integer(), cards: Type.Integer() }),
});
export type CardModelFile = Static<typeof CardModelFileSchema>;

type Learned = Pick<Card, 'ask' | 'askEn' | 'zh' | 'en'>;

/** The texts a card's class is learned from: its asks, and its answer (lead and more, zh and en). */
export function trainingTexts(card: Learned): string[] {
  const answers = [card.zh, card.en].flatMap((part) => (part ? [`${part.lead}\n${part.more ?? ''}`] : []));
  return [...card.ask, ...(card.askEn ?? []), ...answers];
}

/** What a card's class was learned from: a card edited since is not the class the model knows. */
export function cardFingerprint(card: Learned): string {
  return createHash('sha256')
    .update(JSON.stringify(trainingTexts(card)))
    .digest('hex')
    .slice(0, 12);
}

export class CardClassifier {
  readonly version: string;
  readonly ids: readonly string[];
  private readonly fingerprints: ReadonlyMap<string, { index: number; fingerprint: string }>;
  private readonly bias: Float64Array;
  private readonly scale: number;
  private readonly rowOf: Int32Array;
  private readonly starts: Uint32Array;
  private readonly classes: Uint16Array;
  private readonly weights: Int16Array;

  constructor(file: CardModelFile) {
    this.version = file.version;
    this.ids = file.cards.map((card) => card.id);
    this.fingerprints = new Map(
      file.cards.map((card, index) => [card.id, { index, fingerprint: card.fingerprint }]),
    );
    this.bias = Float64Array.from(file.bias);
    this.scale = file.scale;
    const rows = new Uint32Array(decodeBase64(file.rows));
    this.starts = new Uint32Array(decodeBase64(file.starts));
    this.classes = new Uint16Array(decodeBase64(file.classes));
    this.weights = new Int16Array(decodeBase64(file.weights));
    if (this.bias.length !== this.ids.length) throw new Error('one bias per card expected');
    if (this.starts.length !== rows.length + 1 || this.starts[rows.length] !== this.weights.length)
      throw new Error('row offsets do not match the weights');
    if (this.classes.length !== this.weights.length) throw new Error('classes do not match the weights');
    this.rowOf = new Int32Array(1 << CARD_FEATURE_BITS).fill(-1);
    rows.forEach((bucket, row) => {
      this.rowOf[bucket] = row;
    });
  }

  /** The class of a card, or −1 when the model does not know it or learned it from other asks or answer. */
  classOf(card: Learned & Pick<Card, 'id'>): number {
    const known = this.fingerprints.get(card.id);
    return known && known.fingerprint === cardFingerprint(card) ? known.index : -1;
  }

  /** The probability of every class (card) for a question. */
  probabilities(question: string): Float64Array {
    const { buckets, value } = cardFeatures(question);
    const scores = Float64Array.from(this.bias);
    const step = this.scale * value;
    for (const bucket of buckets) {
      const row = this.rowOf[bucket] ?? -1;
      if (row < 0) continue;
      const end = this.starts[row + 1] as number;
      for (let k = this.starts[row] as number; k < end; k++) {
        const c = this.classes[k] as number;
        scores[c] = (scores[c] as number) + (this.weights[k] as number) * step;
      }
    }
    return softmax(scores);
  }

  /** Bytes held by the weights (what the budget is counted on). */
  get bytes(): number {
    return (
      this.rowOf.byteLength +
      this.starts.byteLength +
      this.classes.byteLength +
      this.weights.byteLength +
      this.bias.byteLength
    );
  }
}

/** Read and check a model file; a missing or malformed one is a reason, not a crash. */
export function loadCardClassifier(file: string): Result<CardClassifier> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (!Value.Check(CardModelFileSchema, raw)) {
    const first = [...Value.Errors(CardModelFileSchema, raw)][0];
    return fail(`${file} is not a ${CARD_MODEL_FORMAT} file (${first?.instancePath} ${first?.message})`);
  }
  try {
    return ok(new CardClassifier(raw));
  } catch (error) {
    return fail(`${file}: ${(error as Error).message}`);
  }
}
