import { loadCardsOrThrow } from '../../../knowledge/cards/load-card-dir.js';
import { tokenize } from '../../../knowledge/tokenizer.js';
import { CARDS_DIR } from '../../../platform/paths.js';

const HAN_WORD = /^[\u3400-\u9fff]{2,6}$/;
/** A word must be seen in this many texts to enter the lexicon: one-off segmentations are noise. */
const MIN_TEXTS = 2;

/**
 * The lexicon of the built-in segmentation (segment-words.ts), built at training time: the
 * words jieba finds in the training messages and in the knowledge cards' questions, seen at
 * least twice. Run only by the trainer; the model file carries the result, so serving needs no
 * jieba. Sorted, so the same corpus gives the same file.
 */
export function buildLexicon(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  // The project's own cards (knowledge/cards/), not an operator's folder: the model ships with the repo.
  const cardTexts = loadCardsOrThrow(CARDS_DIR).flatMap((card) => card.ask);
  for (const text of [...texts, ...cardTexts]) {
    for (const word of new Set(tokenize(text, { bigrams: false }))) {
      if (HAN_WORD.test(word)) seen.set(word, (seen.get(word) ?? 0) + 1);
    }
  }
  return [...seen]
    .filter(([, n]) => n >= MIN_TEXTS)
    .map(([word]) => word)
    .sort();
}
