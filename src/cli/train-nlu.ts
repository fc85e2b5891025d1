// npm run nlu:train — trains the intent model on the corpus's train split and writes
// src/conversation/understanding/model/intent-model.json (shipped in the repo, loaded at start).
// Deterministic: the same corpus and settings give the same file. The test split is not read.
import fs from 'node:fs';
import { SHIPPED_MODEL_FILE } from '../conversation/understanding/classifier/shipped-model.js';
import { modelVersion, trainIntentModel } from '../conversation/understanding/classifier/train-model.js';
import { corpusFiles, loadCorpus } from '../conversation/understanding/corpus/load-corpus.js';

const started = performance.now();
const lines = loadCorpus('train');
if (!lines.length) {
  console.error('no training messages found under src/conversation/understanding/corpus/train/');
  process.exit(1);
}
const version = modelVersion(corpusFiles('train'));
const file = trainIntentModel(lines, version);
fs.writeFileSync(SHIPPED_MODEL_FILE, `${JSON.stringify(file)}\n`);
const size = fs.statSync(SHIPPED_MODEL_FILE).size;
console.info(
  `trained on ${lines.length} messages (${Object.entries(file.trainedOn.byLang)
    .map(([lang, n]) => `${lang} ${n}`)
    .join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.info(`decision: ${JSON.stringify(file.decision)}`);
console.info(`wrote ${SHIPPED_MODEL_FILE} (version ${version}, ${(size / 1024).toFixed(0)} KiB)`);
