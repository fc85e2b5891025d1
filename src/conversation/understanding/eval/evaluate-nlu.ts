import { decideIntent } from '../classifier/decide.js';
import type { IntentModel } from '../classifier/intent-model.js';
import type { CorpusLine } from '../corpus/load-corpus.js';
import { CORPUS_INTENTS } from '../corpus/load-corpus.js';
import { detectIntent } from '../detect-intent.js';

export interface IntentScore {
  intent: string;
  support: number;
  precision: number;
  recall: number;
}

export interface NluScore {
  messages: number;
  accuracy: number;
  byLang: Record<string, { messages: number; accuracy: number }>;
  perIntent: IntentScore[];
  /** Wage reports the service would treat as reports. */
  wageReportRecall: number;
  /** Out-of-scope messages answered with the menu (not a card, a station list or an intake). */
  outOfScopeToMenu: number;
  /** Questions whose topic the model read right. */
  topicAccuracy: number;
  /** confusion[truth][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
  errors: { text: string; truth: string; predicted: string }[];
}

/** The engine's intent names back to the corpus's labels (exact commands included). */
function asLabel(name: string): string {
  return name === 'unknown' ? 'out_of_scope' : name === 'language' ? 'help' : name;
}

/** One message as read: the intent decided and, for a question, the topic. */
export interface Reading {
  intent: string;
  topic?: string;
}

/**
 * Score the offline understanding on a labelled split: as the service runs it (exact commands,
 * then the model), or with `modelOnly` the model's decision alone, without the commands.
 */
export function evaluateNlu(
  lines: CorpusLine[],
  shipped: IntentModel,
  options: { modelOnly?: boolean; modelFor?: (index: number) => IntentModel } = {},
): NluScore {
  return scoreReadings(
    lines,
    lines.map((line, index) => {
      // Cross-validation reads each line with the model that did not see it.
      const model = options.modelFor?.(index) ?? shipped;
      const { intent, topic } = model.classify(line.text);
      return {
        intent: options.modelOnly
          ? decideIntent(intent, model.decision).label
          : asLabel(detectIntent({ text: line.text }, model).name),
        topic: topic.label,
      };
    }),
  );
}

/** The figures of eval:nlu for readings made any way (the shipped model, or cross-validation). */
export function scoreReadings(lines: CorpusLine[], readings: Reading[]): NluScore {
  const confusion: Record<string, Record<string, number>> = {};
  const byLang: Record<string, { messages: number; correct: number }> = {};
  const errors: NluScore['errors'] = [];
  let correct = 0;
  let topics = 0;
  let topicsRight = 0;
  lines.forEach((line, i) => {
    const reading = readings[i];
    const predicted = reading?.intent ?? 'out_of_scope';
    const row = confusion[line.intent] ?? {};
    confusion[line.intent] = row;
    row[predicted] = (row[predicted] ?? 0) + 1;
    const lang = byLang[line.lang] ?? { messages: 0, correct: 0 };
    byLang[line.lang] = lang;
    lang.messages++;
    if (predicted === line.intent) {
      correct++;
      lang.correct++;
    } else {
      errors.push({ text: line.text, truth: line.intent, predicted });
    }
    if (line.intent === 'question' && line.topic) {
      topics++;
      if (reading?.topic === line.topic) topicsRight++;
    }
  });
  const count = (truth: string, predicted?: string) =>
    Object.entries(confusion[truth] ?? {})
      .filter(([label]) => predicted === undefined || label === predicted)
      .reduce((sum, [, n]) => sum + n, 0);
  const predictedAs = (label: string) =>
    Object.values(confusion).reduce((sum, row) => sum + (row[label] ?? 0), 0);
  const perIntent = CORPUS_INTENTS.map((intent) => {
    const support = count(intent);
    const hits = count(intent, intent);
    const predicted = predictedAs(intent);
    return {
      intent,
      support,
      precision: predicted ? hits / predicted : 0,
      recall: support ? hits / support : 0,
    };
  });
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  return {
    messages: lines.length,
    accuracy: ratio(correct, lines.length),
    byLang: Object.fromEntries(
      Object.entries(byLang).map(([lang, s]) => [
        lang,
        { messages: s.messages, accuracy: ratio(s.correct, s.messages) },
      ]),
    ),
    perIntent,
    wageReportRecall: ratio(count('arrears', 'arrears'), count('arrears')),
    outOfScopeToMenu: ratio(
      count('out_of_scope', 'out_of_scope') + count('out_of_scope', 'help'),
      count('out_of_scope'),
    ),
    topicAccuracy: ratio(topicsRight, topics),
    confusion,
    errors,
  };
}
