import { loadCardsOrThrow } from '../../../knowledge/cards/load-card-dir.js';
import { CARDS_DIR } from '../../../platform/paths.js';
import { type Lexicon, makeLexicon } from '../../../platform/text-features/segment-words.js';
import { CORPUS_INTENTS, CORPUS_TOPICS, type CorpusLine } from '../corpus/load-corpus.js';
import { buildLexicon } from './build-lexicon.js';
import { cueFeatures } from './cue-features.js';
import type { Decision } from './decide.js';
import { extractFeatures, FEATURE_BITS, normalizeText } from './features.js';
import { MODEL_FORMAT, type ModelFile } from './intent-model.js';
import { packHead, type TrainerSettings, trainSoftmax } from './train-softmax.js';

/**
 * The knowledge cards' own questions (`ask`, `askEn`), each a labor question on its card's topic:
 * extra examples of the topic head only, at a weight of their own (settings.cardWeight), in every
 * fold alike (they are never scored). On nlu:cv (docs/NLU.md, 2026-12-04) they raised the topic
 * head by about 4 points; given to the intent head as well they cost out-of-scope → menu 1.6
 * points, so the intent head does not see them. Left out: asks that tell pay not paid
 * ("仲裁赢了公司不给钱"), the border with wage reports.
 */
export function cardLines(): CorpusLine[] {
  cachedCardLines ??= loadCardsOrThrow(CARDS_DIR).flatMap((card) =>
    [
      ...card.ask.map((text) => ({ text, lang: 'zh' as const })),
      ...(card.askEn ?? []).map((text) => ({ text, lang: 'en' as const })),
    ]
      .filter(({ text }) => !cueFeatures(normalizeText(text)).includes('#negpay'))
      .map(({ text, lang }) => ({
        text,
        lang,
        intent: 'question' as const,
        ...((CORPUS_TOPICS as readonly string[]).includes(card.topic)
          ? { topic: card.topic as CorpusLine['topic'] }
          : {}),
      })),
  );
  return cachedCardLines;
}
let cachedCardLines: CorpusLine[] | undefined;

function headFor(
  lines: CorpusLine[],
  classes: readonly string[],
  labelOf: (line: CorpusLine) => string | undefined,
  settings: TrainerSettings,
  lexicon: Lexicon,
  cardWeight = 0,
) {
  const weighted = [
    ...lines.map((line) => ({ line, weight: 1 })),
    ...(cardWeight > 0 ? cardLines().map((line) => ({ line, weight: cardWeight })) : []),
  ];
  const examples = weighted.flatMap(({ line, weight }) => {
    const label = labelOf(line);
    const index = label === undefined ? -1 : classes.indexOf(label);
    if (index < 0) return [];
    return [{ ...extractFeatures(line.text, lexicon), label: index, weight }];
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
      settings.cardWeight,
    ),
    decision,
    trainedOn: { messages: lines.length, byLang, byIntent },
  };
}
