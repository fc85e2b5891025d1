// Features of a short text for the project's linear classifiers (the intent model in
// src/conversation/understanding/classifier, the card classifier in src/knowledge/card-classifier).
// Character n-grams carry Chinese (no word splitting needed, and typos like 加班废 still share 加班
// with 加班费); sound (pinyin) carries homophones; words, word pairs and in-word trigrams carry
// English written without capitals or apostrophes ("i havent been paid"). Every feature is hashed
// into a fixed number of buckets, so a model file needs no vocabulary.
import { pinyin } from 'pinyin-pro';
import { isNegation, stemEnglish } from './english-words.js';
import { type Lexicon, segmentRun } from './segment-words.js';

/**
 * Bits of the hash space: 2^20 buckets (2^18 until 2026-12-04: fewer collisions scored better on
 * nlu:cv, docs/NLU.md). Changing it invalidates every trained model (intent and card classifier).
 */
export const FEATURE_BITS = 20;
const MASK = (1 << FEATURE_BITS) - 1;

export const CJK_RUN = /[\u3400-\u9fff]+/g;
const LATIN_WORD = /[a-z][a-z']*/g;
const DIGITS = /\d+/g;
/** Voice-to-text fillers carry no meaning and only dilute short messages. */
const FILLERS = /那个|就是说|然后呢|嗯+|呃+|啊+(?=[\s，,])/g;

/** NFKC (full-width letters, digits and ？ become plain), lower case, fillers dropped. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(FILLERS, ' ');
}

/** 32-bit FNV-1a over UTF-16 code units, into the hash space: fast, stable across runs and machines. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & MASK;
}

/**
 * Named features as a sparse vector: distinct buckets, each with weight 1/sqrt(n) so that a long
 * story and a three-word question weigh the same in a model.
 */
export function hashFeatures(features: Iterable<string>): { buckets: Int32Array; value: number } {
  const buckets = Int32Array.from(new Set([...features].map(hashFeature)));
  return { buckets, value: buckets.length ? 1 / Math.sqrt(buckets.length) : 0 };
}

/**
 * The words of a normalized text as features, added to `features`: Chinese character 1- to
 * 4-grams, syllable pairs and triples, the lexicon's words and word pairs (when given); English
 * words, stems, word pairs and in-word trigrams.
 */
export function addWordFeatures(normalized: string, features: Set<string>, lexicon?: Lexicon): void {
  // Chinese: character 1- to 4-grams inside each run of Han characters, with the run's edges
  // marked so that "吗" at the end of a run differs from "吗" inside one; then the run's words
  // and word pairs from the lexicon.
  for (const run of normalized.match(CJK_RUN) ?? []) {
    const marked = `^${run}$`;
    for (let i = 0; i < marked.length; i++) {
      const one = marked[i] as string;
      if (one !== '^' && one !== '$') features.add(`c${one}`);
      if (i + 2 <= marked.length) features.add(`b${marked.slice(i, i + 2)}`);
      if (i + 3 <= marked.length) features.add(`t${marked.slice(i, i + 3)}`);
      if (i + 4 <= marked.length) features.add(`q${marked.slice(i, i + 4)}`);
    }
    // Sound: workers type by pinyin input and voice, so homophones stand in for the word (公资 and
    // 工姿 for 工资, 拖前 for 拖欠, 和同 for 合同). Syllable pairs and triples carry them; a pair
    // also lights the English-word feature of the same pinyin typed in Latin ("gongzi", "hetong").
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
    if (syllables.length === run.length) {
      for (let i = 0; i + 1 < syllables.length; i++) {
        const pair = `${syllables[i]}${syllables[i + 1]}`;
        features.add(`k${syllables[i]}_${syllables[i + 1]}`);
        features.add(`w${pair}`);
        if (i + 2 < syllables.length) features.add(`k${pair}_${syllables[i + 2]}`);
      }
    }
    if (lexicon) {
      const runWords = segmentRun(run, lexicon);
      for (let i = 0; i < runWords.length; i++) {
        const word = runWords[i] as string;
        if (word.length > 1) features.add(`z${word}`);
        if (i + 1 < runWords.length) features.add(`y${word}_${runWords[i + 1]}`);
      }
    }
  }

  // English: words without apostrophes, word pairs, and trigrams inside longer words so that
  // "salery" and "salary" share most of their features.
  const words = (normalized.match(LATIN_WORD) ?? []).map((word) => word.replace(/'/g, ''));
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    features.add(`w${word}`);
    const stem = stemEnglish(word);
    features.add(`s${stem}`);
    if (isNegation(word)) features.add('#not');
    if (i + 1 < words.length) {
      const next = words[i + 1] as string;
      features.add(`p${word}_${next}`);
      // "didnt pay", "not paid", "wont settle": negation and stem, whatever the form.
      features.add(`r${isNegation(word) ? '!' : stem}_${stemEnglish(next)}`);
    }
    if (word.length >= 4) {
      const marked = `<${word}>`;
      for (let j = 0; j + 3 <= marked.length; j++) features.add(`g${marked.slice(j, j + 3)}`);
    }
  }
}

/** The text's shape: numbers (amounts and counts suggest a report), question marks, length, script. */
export function addShapeFeatures(normalized: string, features: Set<string>): void {
  const numbers = normalized.match(DIGITS) ?? [];
  if (numbers.length) features.add('#num');
  if (numbers.some((n) => n.length >= 4)) features.add('#num4');
  if (normalized.includes('?')) features.add('#q');
  const length = normalized.replace(/\s+/g, '').length;
  features.add(length <= 4 ? '#len1' : length <= 12 ? '#len2' : length <= 40 ? '#len3' : '#len4');
  const latin = normalized.match(LATIN_WORD) ?? [];
  if (!(normalized.match(CJK_RUN) ?? []).length && latin.length) features.add('#latin');
}

/** Softmax of raw scores, stable for large ones. */
export function softmax(scores: ArrayLike<number>): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] ?? 0);
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    out[i] = Math.exp((scores[i] ?? 0) - max);
    sum += out[i] ?? 0;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}

/** A base64 string as a fresh, aligned buffer: typed arrays need their offset aligned to the element size. */
export function decodeBase64(base64: string): ArrayBuffer {
  const bytes = Buffer.from(base64, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
