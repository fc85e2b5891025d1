import path from 'node:path';
import { PROJECT_ROOT } from '../../platform/paths.js';
import { type CardClassifier, loadCardClassifier } from './card-classifier.js';

/** The model `npm run kb:train-ranker` writes from the project's cards and the repo ships. */
export const SHIPPED_CARD_MODEL_FILE = path.join(
  PROJECT_ROOT,
  'src',
  'knowledge',
  'card-classifier',
  'model',
  'card-classifier.json',
);

let loaded: { model: CardClassifier; loadMs: number } | undefined;

/**
 * The shipped card classifier, loaded once per process. A missing or corrupt file is an
 * installation fault and stops the start with the reason; cards it does not know (another
 * folder, cards edited since it was trained) are ranked by BM25 alone (knowledge-base.ts).
 */
export function shippedCardClassifier(): { model: CardClassifier; loadMs: number } {
  if (loaded) return loaded;
  const started = performance.now();
  const result = loadCardClassifier(SHIPPED_CARD_MODEL_FILE);
  if (!result.ok) throw new Error(`card classifier: ${result.reason} (run npm run kb:train-ranker)`);
  loaded = { model: result.value, loadMs: performance.now() - started };
  return loaded;
}
