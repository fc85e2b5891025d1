// What the card classifier sees of a question: the project's shared text features (character
// 1–4-grams, sound, English words, stems and pairs: src/platform/text-features), plus the words
// retrieval itself reads (jieba words, English stems: tokenizer.ts) and the colloquial groups of
// synonyms.json the question mentions, so that 没发钱 and 拖欠工资 light one feature.
import {
  addWordFeatures,
  hashFeatures,
  normalizeText,
} from '../../platform/text-features/hashed-features.js';
import { expandSynonyms } from '../synonyms.js';
import { normalize, tokenize } from '../tokenizer.js';

/** Bumped whenever these features change: the model's version includes it, so a stale model is caught. */
export const CARD_FEATURE_VERSION = 2;

export function cardFeatures(text: string): { buckets: Int32Array; value: number } {
  const features = new Set<string>();
  addWordFeatures(normalizeText(text), features);
  for (const word of tokenize(text, { bigrams: false })) features.add(`j${word}`);
  for (const group of expandSynonyms(normalize(text))) features.add(`=${group.terms}`);
  return hashFeatures(features);
}
