import fs from 'node:fs';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import { PROJECT_ROOT } from '../../../platform/paths.js';

/** What the intent model tells apart. `out_of_scope` is answered with the menu. */
export const CORPUS_INTENTS = [
  'question',
  'arrears',
  'stations',
  'human',
  'ticket_status',
  'greeting',
  'help',
  'cancel',
  'danger',
  'out_of_scope',
] as const;
export type CorpusIntent = (typeof CORPUS_INTENTS)[number];

export const CORPUS_TOPICS = [
  'wages',
  'hours',
  'leave',
  'contract',
  'dismissal',
  'resignation',
  'social-insurance',
  'injury',
  'process',
  'evidence',
  'platform',
  'dispatch',
  'part-time',
  'construction',
  'union',
  'safety',
] as const;

const literals = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.Enum(values));

/** One labelled message (see docs/NLU.md for how the corpus is written and split). */
export const CorpusLineSchema = Type.Object({
  text: Type.String({ minLength: 1 }),
  intent: literals(CORPUS_INTENTS),
  lang: literals(['zh', 'en'] as const),
  style: Type.Optional(Type.String()),
  topic: Type.Optional(literals(CORPUS_TOPICS)),
  amenity: Type.Optional(Type.String()),
  facts: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type CorpusLine = Static<typeof CorpusLineSchema>;

/** The corpus folder shipped with the code: train/ teaches the model, test/ only measures it. */
export const CORPUS_DIR = path.join(PROJECT_ROOT, 'src', 'conversation', 'understanding', 'corpus');

/**
 * Every labelled message of one split (`train` or `test`): all `*.jsonl` files of the folder
 * except the multi-turn intake scripts. A malformed line stops the load with its file and line,
 * so a typo in the corpus is found at training time, not as a silently missing example.
 */
export function loadCorpus(split: 'train' | 'test', dir = CORPUS_DIR): CorpusLine[] {
  const lines: CorpusLine[] = [];
  for (const file of corpusFiles(split, dir)) {
    const name = `${split}/${path.basename(file)}`;
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim()) return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          throw new Error(`${name}:${index + 1}: not JSON`);
        }
        const cleaned = Value.Clean(CorpusLineSchema, Value.Clone(parsed));
        if (!Value.Check(CorpusLineSchema, cleaned)) {
          const first = [...Value.Errors(CorpusLineSchema, cleaned)][0];
          throw new Error(`${name}:${index + 1}: ${first?.instancePath} ${first?.message}`);
        }
        lines.push(cleaned);
      });
  }
  return lines;
}

/** The files a split is made of (the intake scripts aside): what is loaded, and what the model's version hashes. */
export function corpusFiles(split: 'train' | 'test', dir = CORPUS_DIR): string[] {
  const folder = path.join(dir, split);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.jsonl') && !file.startsWith('intake-'))
    .sort()
    .map((file) => path.join(folder, file));
}
