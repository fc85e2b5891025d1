// npm run eval:nlu [-- --split train|test] [--errors] [--model-only] — accuracy, per-intent
// precision and recall, and the confusion matrix of the shipped understanding on the held-out
// test split (default); --model-only scores the model's decision without the old rules.
import { shippedModel } from '../conversation/understanding/classifier/shipped-model.js';
import { loadCorpus } from '../conversation/understanding/corpus/load-corpus.js';
import { evaluateNlu } from '../conversation/understanding/eval/evaluate-nlu.js';
import { formatNluScore } from '../conversation/understanding/eval/print-nlu-score.js';

const args = process.argv.slice(2);
const split = args[args.indexOf('--split') + 1] === 'train' ? 'train' : 'test';
const lines = loadCorpus(split);
if (!lines.length) {
  console.error(`no messages in the ${split} split`);
  process.exit(1);
}
const { model, loadMs } = shippedModel();
const modelOnly = args.includes('--model-only');
const score = evaluateNlu(lines, model, { modelOnly });
console.info(
  `model ${model.version} (loaded in ${loadMs.toFixed(0)} ms), ${split} split: ${score.messages} messages${modelOnly ? ', model alone' : ''}`,
);
console.info(formatNluScore(score, { errors: args.includes('--errors') }).join('\n'));
