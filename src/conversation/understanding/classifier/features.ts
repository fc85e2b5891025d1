// Features of a worker's message for the intent model: the project's shared text features
// (src/platform/text-features: character n-grams, sound, lexicon words, English words and stems)
// plus cue features (cue-features.ts) that add what n-grams see only in pieces.
import {
  addShapeFeatures,
  addWordFeatures,
  FEATURE_BITS,
  hashFeatures,
  normalizeText,
} from '../../../platform/text-features/hashed-features.js';
import type { Lexicon } from '../../../platform/text-features/segment-words.js';
import { cueFeatures } from './cue-features.js';

export { FEATURE_BITS, normalizeText };

/** Bumped whenever feature extraction changes: the model version includes it, so a stale model is caught. */
export const FEATURE_VERSION = 5;

/** The message as a sparse vector of hashed features (see hashFeatures). */
export function extractFeatures(text: string, lexicon?: Lexicon): { buckets: Int32Array; value: number } {
  const normalized = normalizeText(text);
  const features = new Set<string>();
  addWordFeatures(normalized, features, lexicon);
  for (const cue of cueFeatures(normalized)) features.add(cue);
  addShapeFeatures(normalized, features);
  return hashFeatures(features);
}
