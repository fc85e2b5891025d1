import { type Lexicon, makeLexicon } from '../../../platform/text-features/segment-words.js';
import { CORPUS_INTENTS, CORPUS_TOPICS, type CorpusLine } from '../corpus/load-corpus.js';
import { buildLexicon } from './build-lexicon.js';
import type { Decision } from './decide.js';
import { extractFeatures, FEATURE_BITS } from './features.js';
import { MODEL_FORMAT, type ModelFile } from './intent-model.js';
import { packHead, type TrainerSettings, trainSoftmax } from './train-softmax.js';

function headFor(
  lines: CorpusLine[],
  classes: readonly string[],
  labelOf: (line: CorpusLine) => string | undefined,
  settings: TrainerSettings,
  lexicon: Lexicon,
) {
  const examples = lines.flatMap((line) => {
    const label = labelOf(line);
    const index = label === undefined ? -1 : classes.indexOf(label);
    if (index < 0) return [];
    return [{ ...extractFeatures(line.text, lexicon), label: index }];
  });
  return packHead([...classes], trainSoftmax(examples, classes.length, settings));
}

/**
 * Train the intent and topic heads on `lines` and wrap them, with a given decision rule, as a
 * model file. Used for the shipped model and for every fold of the cross-validation alike, so
 * what is measured is what ships.
 */
export function trainHeads(
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
  // Built from the lines trained on only: in a cross-validation fold, the held-out fold's words are unknown.
  const words = buildLexicon(lines.map((line) => line.text));
  const lexicon = makeLexicon(words);
  return {
    format: MODEL_FORMAT,
    version,
    featureBits: FEATURE_BITS,
    lexicon: words,
    intent: headFor(lines, CORPUS_INTENTS, (line) => line.intent, settings, lexicon),
    topic: headFor(
      lines,
      CORPUS_TOPICS,
      (line) => (line.intent === 'question' ? line.topic : undefined),
      settings,
      lexicon,
    ),
    decision,
    trainedOn: { messages: lines.length, byLang, byIntent },
  };
}
