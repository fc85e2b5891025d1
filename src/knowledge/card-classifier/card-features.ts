// What the card classifier sees of a question: the project's shared text features (character
// 1–4-grams, sound, English words, stems and pairs: src/platform/text-features), plus the words
// retrieval itself reads (jieba words, English stems: tokenizer.ts) and the colloquial groups of
// synonyms.json the question mentions, so that 没发钱 and 拖欠工资 light one feature.
import { addWordFeatures, hashFeature, normalizeText } from '../../platform/text-features/hashed-features.js';
import { expandSynonyms } from '../synonyms.js';
import { normalize, tokenize } from '../tokenizer.js';

/** Bumped whenever these features change: the model's version includes it, so a stale model is caught. */
export const CARD_FEATURE_VERSION = 2;

/**
 * Bits of the card classifier's own hash space: 2^18 buckets, the low bits of the shared hash.
 * The intent model moved to 2^20 (more messages, more distinct n-grams); the cards' 11,000 texts
 * score the same in 2^18, and the dense bucket → row table stays at 1 MiB instead of 4.
 */
export const CARD_FEATURE_BITS = 18;
const CARD_MASK = (1 << CARD_FEATURE_BITS) - 1;

export function cardFeatures(text: string): { buckets: Int32Array; value: number } {
  const features = new Set<string>();
  addWordFeatures(normalizeText(text), features);
  for (const word of tokenize(text, { bigrams: false })) features.add(`j${word}`);
  for (const group of expandSynonyms(normalize(text))) features.add(`=${group.terms}`);
  const buckets = Int32Array.from(new Set([...features].map((feature) => hashFeature(feature) & CARD_MASK)));
  return { buckets, value: buckets.length ? 1 / Math.sqrt(buckets.length) : 0 };
}
