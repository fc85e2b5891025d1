import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { CorpusLine } from '../corpus/load-corpus.js';
import { crossValidate } from './cross-validate.js';
import { FEATURE_BITS, FEATURE_VERSION } from './features.js';
import type { ModelFile } from './intent-model.js';
import { cardLines, trainHeads } from './train-heads.js';
import { DEFAULT_TRAINER, type TrainerSettings } from './train-softmax.js';
import { tuneDecision } from './tune-decision.js';

/**
 * The version stamp: what the model was trained from and how — the corpus files and, when the
 * topic head learns from them, the knowledge cards' questions, so that asks edited in the card
 * folder make the shipped model stale (test/understanding/classifier.test.ts) until nlu:train.
 */
export function modelVersion(corpusFiles: string[], settings: TrainerSettings = DEFAULT_TRAINER): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ FEATURE_VERSION, FEATURE_BITS, settings }));
  for (const file of corpusFiles) hash.update(fs.readFileSync(file));
  if (settings.cardWeight > 0) {
    for (const line of cardLines()) hash.update(`${line.topic ?? ''}\t${line.text}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The whole training run: tune the decision on folds of the training split, then train on all of it. */
export function trainIntentModel(
  lines: CorpusLine[],
  version: string,
  settings: TrainerSettings = DEFAULT_TRAINER,
): ModelFile {
  const decision = tuneDecision(crossValidate(lines, settings));
  return trainHeads(lines, version, decision, settings);
}
