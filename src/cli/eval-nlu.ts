// npm run eval:nlu [-- --split train|test] [--cv] [--errors] [--model-only] — accuracy,
// per-intent precision and recall, and the confusion matrix of the shipped understanding on the
// held-out test split (default); --cv scores 5-fold cross-validation on the training split (each
// message read by a model trained without it: where changes are judged); --model-only scores the
// model's decision alone, without the exact commands.
import { shippedModel } from '../conversation/understanding/classifier/shipped-model.js';
import { loadCorpus } from '../conversation/understanding/corpus/load-corpus.js';
import { crossValidate } from '../conversation/understanding/eval/cross-validate.js';
import { evaluateNlu } from '../conversation/understanding/eval/evaluate-nlu.js';
import { formatNluScore } from '../conversation/understanding/eval/print-nlu-score.js';

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
console.info(
  cv
    ? `5-fold cross-validation on the train split: ${score.messages} messages${modelOnly ? ', model alone' : ''}`
    : `model ${model.version} (loaded in ${loadMs.toFixed(0)} ms), ${split} split: ${score.messages} messages${modelOnly ? ', model alone' : ''}`,
);
console.info(formatNluScore(score, { errors: args.includes('--errors') }).join('\n'));
