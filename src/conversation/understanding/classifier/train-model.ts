import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { seededRandom } from '../../../platform/seeded-random.js';
import { CORPUS_INTENTS, CORPUS_TOPICS, type CorpusLine } from '../corpus/load-corpus.js';
import { type Decision, decideIntent } from './decide.js';
import { extractFeatures, FEATURE_BITS, FEATURE_VERSION } from './features.js';
import { IntentModel, MODEL_FORMAT, type ModelFile } from './intent-model.js';
import { DEFAULT_TRAINER, packHead, type TrainerSettings, trainSoftmax } from './train-softmax.js';

/** Intents whose miss costs most; they get a lower bar in decideIntent. */
const FLOORED = ['arrears', 'danger'] as const;
/** A missed wage report or emergency counts as this many ordinary errors when tuning. */
const MISS_COST = 3;

/** The version stamp: what the model was trained from and how. */
export function modelVersion(corpusFiles: string[], settings: TrainerSettings = DEFAULT_TRAINER): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ FEATURE_VERSION, FEATURE_BITS, settings }));
  for (const file of corpusFiles) hash.update(fs.readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function headFor(
  lines: CorpusLine[],
  classes: readonly string[],
  labelOf: (line: CorpusLine) => string | undefined,
  settings: TrainerSettings,
) {
  const examples = lines.flatMap((line) => {
    const label = labelOf(line);
    const index = label === undefined ? -1 : classes.indexOf(label);
    if (index < 0) return [];
    return [{ ...extractFeatures(line.text), label: index }];
  });
  return packHead([...classes], trainSoftmax(examples, classes.length, settings));
}

/** Train the intent and topic heads on `lines` with a given decision rule. */
function trainFile(
  lines: CorpusLine[],
  version: string,
  decision: Decision,
  settings: TrainerSettings,
): ModelFile {
  const byLang: Record<string, number> = {};
  const byIntent: Record<string, number> = {};
  for (const line of lines) {
    byLang[line.lang] = (byLang[line.lang] ?? 0) + 1;
    byIntent[line.intent] = (byIntent[line.intent] ?? 0) + 1;
  }
  return {
    format: MODEL_FORMAT,
    version,
    featureBits: FEATURE_BITS,
    intent: headFor(lines, CORPUS_INTENTS, (line) => line.intent, settings),
    topic: headFor(
      lines,
      CORPUS_TOPICS,
      (line) => (line.intent === 'question' ? line.topic : undefined),
      settings,
    ),
    decision,
    trainedOn: { messages: lines.length, byLang, byIntent },
  };
}

/**
 * Choose the decision rule (confidence bar and floors) by 5-fold cross-validation on the
 * training split only: the test split is never seen here.
 */
export function tuneDecision(lines: CorpusLine[], settings: TrainerSettings, folds = 5): Decision {
  const random = seededRandom(settings.seed + 1);
  const fold = lines.map(() => Math.floor(random() * folds));
  const held: { truth: string; prediction: ReturnType<IntentModel['classify']>['intent'] }[] = [];
  const neutral: Decision = { minConfidence: 0, floors: {} };
  for (let k = 0; k < folds; k++) {
    const model = new IntentModel(
      trainFile(
        lines.filter((_, i) => fold[i] !== k),
        'cv',
        neutral,
        settings,
      ),
    );
    lines.forEach((line, i) => {
      if (fold[i] === k) held.push({ truth: line.intent, prediction: model.classify(line.text).intent });
    });
  }
  const grid = (from: number, to: number) =>
    Array.from({ length: Math.round((to - from) / 0.05) + 1 }, (_, i) => from + i * 0.05);
  let best: { cost: number; decision: Decision } | undefined;
  for (const minConfidence of grid(0, 0.6)) {
    for (const arrears of grid(0.15, 0.6)) {
      for (const danger of grid(0.15, 0.6)) {
        const decision: Decision = { minConfidence, floors: { arrears, danger } };
        let cost = 0;
        for (const { truth, prediction } of held) {
          const label = decideIntent(prediction, decision).label;
          if (label === truth) continue;
          cost += (FLOORED as readonly string[]).includes(truth) ? MISS_COST : 1;
        }
        if (!best || cost < best.cost) best = { cost, decision };
      }
    }
  }
  const chosen = best?.decision ?? neutral;
  return {
    minConfidence: Number(chosen.minConfidence.toFixed(2)),
    floors: Object.fromEntries(Object.entries(chosen.floors).map(([k, v]) => [k, Number(v.toFixed(2))])),
  };
}

/** The whole training run: tune on folds of the training split, then train on all of it. */
export function trainIntentModel(
  lines: CorpusLine[],
  version: string,
  settings: TrainerSettings = DEFAULT_TRAINER,
): ModelFile {
  const decision = tuneDecision(lines, settings);
  return trainFile(lines, version, decision, settings);
}
