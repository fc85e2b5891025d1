import { seededRandom } from '../../../platform/seeded-random.js';
import { IntentModel } from '../classifier/intent-model.js';
import { trainIntentModel } from '../classifier/train-model.js';
import { DEFAULT_TRAINER } from '../classifier/train-softmax.js';
import type { CorpusLine } from '../corpus/load-corpus.js';
import { evaluateNlu, type NluScore } from './evaluate-nlu.js';

/**
 * The understanding scored by k-fold cross-validation on the training split: each message is
 * read by a model trained (decision rule tuned included) on the other folds. This is where a
 * change to the understanding is judged; the test split only reports the result.
 */
export function crossValidate(
  lines: CorpusLine[],
  options: { modelOnly?: boolean; folds?: number } = {},
): NluScore {
  const folds = options.folds ?? 5;
  // Its own seed, so these folds are not the ones the decision rule is tuned on inside a fold.
  const random = seededRandom(DEFAULT_TRAINER.seed + 7);
  const fold = lines.map(() => Math.floor(random() * folds));
  const models = Array.from(
    { length: folds },
    (_, k) =>
      new IntentModel(
        trainIntentModel(
          lines.filter((_, i) => fold[i] !== k),
          `cv-${k}`,
        ),
      ),
  );
  const modelOf = (index: number) => models[fold[index] ?? 0] as IntentModel;
  return evaluateNlu(lines, modelOf(0), { modelOnly: options.modelOnly, modelFor: modelOf });
}
