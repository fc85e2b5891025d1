// npm run nlu:cv [-- --errors] [--set epochs=60,l2=1e-5] [--score-on en.jsonl,zh-reports.jsonl]
// [--miss-cost 8] — 5-fold cross-validation on the training split only, with the
// figures of eval:nlu (model alone). Every change to features, trainer or training data is
// decided on this; the test split is not read. The decision rule (confidence bar, floors) of
// each fold is tuned on the other four folds' held-out readings, as nlu:train tunes it on all
// five, so the figures are not flattered by tuning on the messages they score.
import fs from 'node:fs';
import path from 'node:path';
import { crossValidate } from '../conversation/understanding/classifier/cross-validate.js';
import { decideIntent } from '../conversation/understanding/classifier/decide.js';
import {
  DEFAULT_TRAINER,
  type TrainerSettings,
} from '../conversation/understanding/classifier/train-softmax.js';
import { tuneDecision } from '../conversation/understanding/classifier/tune-decision.js';
import { CORPUS_DIR, loadCorpus } from '../conversation/understanding/corpus/load-corpus.js';
import { scoreReadings } from '../conversation/understanding/eval/evaluate-nlu.js';
import { formatNluScore } from '../conversation/understanding/eval/print-nlu-score.js';

const FOLDS = 5;
const started = performance.now();
const lines = loadCorpus('train');
if (!lines.length) {
  console.error('no training messages found');
  process.exit(1);
}
// --set tries other trainer settings on the folds before they become the default.
const args = process.argv.slice(2);
const overrides = Object.fromEntries(
  (args.includes('--set') ? (args[args.indexOf('--set') + 1] ?? '') : '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split('='))
    .map(([key, value]) => [key, Number(value)]),
);
const settings: TrainerSettings = { ...DEFAULT_TRAINER, ...overrides };
const readings = crossValidate(lines, settings, FOLDS);
// --miss-cost tries another weight of a missed wage report or emergency in the decision tuning.
const missCost = args.includes('--miss-cost') ? Number(args[args.indexOf('--miss-cost') + 1]) : undefined;
const decisions = Array.from({ length: FOLDS }, (_, k) =>
  tuneDecision(
    readings.filter((r) => r.fold !== k),
    missCost,
  ),
);
const decided = readings.map((reading) => ({
  intent: decideIntent(reading.intent, decisions[reading.fold] ?? { minConfidence: 0, floors: {} }).label,
  topic: reading.topic.label,
}));
// --score-on scores only the lines of some training files (all files are still trained on): a
// change that adds messages is judged on the messages that were there before it, like for like.
const scoreOn = args.includes('--score-on') ? (args[args.indexOf('--score-on') + 1] ?? '').split(',') : [];
const scoredTexts = new Set(
  scoreOn.flatMap((file) =>
    fs
      .readFileSync(path.join(CORPUS_DIR, 'train', file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text),
  ),
);
const kept = lines.flatMap((line, i) => (!scoreOn.length || scoredTexts.has(line.text) ? [i] : []));
const score = scoreReadings(
  kept.map((i) => lines[i] as (typeof lines)[number]),
  kept.map((i) => decided[i] as (typeof decided)[number]),
);
console.info(
  `${FOLDS}-fold cross-validation on the train split: ${score.messages} messages, model alone (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
console.info(`trainer ${JSON.stringify(settings)}`);
if (scoreOn.length) console.info(`scored on ${scoreOn.join(', ')} only: ${kept.length} messages`);
console.info(`decision per fold: ${decisions.map((d) => JSON.stringify(d)).join(' ')}`);
console.info(formatNluScore(score, { errors: args.includes('--errors') }).join('\n'));
