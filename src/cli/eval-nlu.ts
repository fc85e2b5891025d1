// npm run eval:nlu [-- --split train|test] [--cv] [--errors] [--model-only] — accuracy,
// per-intent precision and recall, and the confusion matrix of the shipped understanding on the
// held-out test split (default); --cv scores 5-fold cross-validation on the training split (each
// message read by a model trained without it: where changes are judged); --model-only scores the
// model's decision alone, without the exact commands.
import { shippedModel } from '../conversation/understanding/classifier/shipped-model.js';
import { CORPUS_INTENTS, loadCorpus } from '../conversation/understanding/corpus/load-corpus.js';
import { crossValidate } from '../conversation/understanding/eval/cross-validate.js';
import { evaluateNlu } from '../conversation/understanding/eval/evaluate-nlu.js';

const args = process.argv.slice(2);
const cv = args.includes('--cv');
const split = cv || args[args.indexOf('--split') + 1] === 'train' ? 'train' : 'test';
const lines = loadCorpus(split);
if (!lines.length) {
  console.error(`no messages in the ${split} split`);
  process.exit(1);
}
const { model, loadMs } = shippedModel();
const modelOnly = args.includes('--model-only');
const score = cv ? crossValidate(lines, { modelOnly }) : evaluateNlu(lines, model, { modelOnly });
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.info(
  cv
    ? `5-fold cross-validation on the train split: ${score.messages} messages${modelOnly ? ', model alone' : ''}`
    : `model ${model.version} (loaded in ${loadMs.toFixed(0)} ms), ${split} split: ${score.messages} messages${modelOnly ? ', model alone' : ''}`,
);
console.info(
  `accuracy ${pct(score.accuracy)}  (${Object.entries(score.byLang)
    .map(([lang, s]) => `${lang} ${pct(s.accuracy)} of ${s.messages}`)
    .join(', ')})`,
);
console.info(
  `wage-report recall ${pct(score.wageReportRecall)}   out-of-scope → menu ${pct(score.outOfScopeToMenu)}   question topic ${pct(score.topicAccuracy)}`,
);
console.info('\nintent          support  precision  recall');
for (const s of score.perIntent) {
  console.info(
    `${s.intent.padEnd(15)} ${String(s.support).padStart(7)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
  );
}
const short = (label: string) => label.slice(0, 6);
console.info(
  `\nconfusion (rows: truth, columns: predicted)\n${''.padEnd(15)}${CORPUS_INTENTS.map((l) => short(l).padStart(7)).join('')}`,
);
for (const truth of CORPUS_INTENTS) {
  const row = score.confusion[truth] ?? {};
  console.info(`${truth.padEnd(15)}${CORPUS_INTENTS.map((p) => String(row[p] ?? 0).padStart(7)).join('')}`);
}
if (args.includes('--errors')) {
  console.info('\nerrors:');
  for (const e of score.errors) console.info(`  [${e.truth} → ${e.predicted}] ${e.text}`);
} else {
  console.info(`\n${score.errors.length} errors (--errors lists them)`);
}
