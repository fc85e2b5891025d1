import { seededRandom } from '../../../platform/seeded-random.js';
import type { CorpusLine } from '../corpus/load-corpus.js';
import { IntentModel, type Prediction } from './intent-model.js';
import { trainHeads } from './train-heads.js';
import type { TrainerSettings } from './train-softmax.js';

/** A training message as scored by a model that did not see it. */
export interface HeldOutReading {
  fold: number;
  truth: string;
  intent: Prediction;
  topic: Prediction;
}

/**
 * k-fold cross-validation on the training split: every message is read by a model trained on
 * the other folds. The folds are drawn from a seed, so two runs give the same readings. This is
 * what every change to features, trainer and data is decided on; the test split is never read.
 */
export function crossValidate(lines: CorpusLine[], settings: TrainerSettings, folds = 5): HeldOutReading[] {
  const random = seededRandom(settings.seed + 1);
  const foldOf = lines.map(() => Math.floor(random() * folds));
  const readings: HeldOutReading[] = new Array(lines.length);
  for (let k = 0; k < folds; k++) {
    const model = new IntentModel(
      trainHeads(
        lines.filter((_, i) => foldOf[i] !== k),
        'cv',
        { minConfidence: 0, floors: {} },
        settings,
      ),
    );
    lines.forEach((line, i) => {
      if (foldOf[i] !== k) return;
      const { intent, topic } = model.classify(line.text);
      readings[i] = { fold: k, truth: line.intent, intent, topic };
    });
  }
  return readings;
}
