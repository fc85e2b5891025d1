import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideIntent } from '../../src/conversation/understanding/classifier/decide.js';
import { extractFeatures } from '../../src/conversation/understanding/classifier/features.js';
import {
  IntentModel,
  loadIntentModel,
} from '../../src/conversation/understanding/classifier/intent-model.js';
import { SHIPPED_MODEL_FILE } from '../../src/conversation/understanding/classifier/shipped-model.js';
import {
  modelVersion,
  trainIntentModel,
} from '../../src/conversation/understanding/classifier/train-model.js';
import { DEFAULT_TRAINER } from '../../src/conversation/understanding/classifier/train-softmax.js';
import {
  type CorpusLine,
  corpusFiles,
  loadCorpus,
} from '../../src/conversation/understanding/corpus/load-corpus.js';

// A corpus small enough to train in a test, written for the test (not drawn from the shipped corpus).
const TINY: CorpusLine[] = [
  ...[
    '老板欠我三个月工资',
    '工资一直拖着不发',
    '站长扣着工资不给',
    '包工头跑了钱没给',
    'boss didnt pay me',
    'i havent been paid',
  ].map((text) => ({ text, intent: 'arrears' as const, lang: 'zh' as const })),
  ...[
    '附近有驿站吗',
    '哪里能喝水',
    '手机没电哪里充',
    '找个地方歇会',
    'where can i rest',
    'any toilet near',
  ].map((text) => ({
    text,
    intent: 'stations' as const,
    lang: 'zh' as const,
  })),
  ...[
    '加班费怎么算',
    '试用期能辞退吗',
    '没签合同怎么办',
    '工伤怎么认定',
    'how is overtime paid',
    'can they fire me',
  ].map((text) => ({ text, intent: 'question' as const, lang: 'zh' as const, topic: 'hours' as const })),
];

// The tiny corpus alone: the knowledge cards' questions (cardWeight) would add 3,700 topic examples
// to every training run of this file.
const TINY_TRAINER = { ...DEFAULT_TRAINER, cardWeight: 0 };

function tinyModel(): IntentModel {
  return new IntentModel(trainIntentModel(TINY, 'tiny', TINY_TRAINER));
}

describe('intent model', () => {
  it('turns typos and English without apostrophes into shared features', () => {
    const common = (a: string, b: string) => {
      const fa = new Set(extractFeatures(a).buckets);
      return [...extractFeatures(b).buckets].filter((x) => fa.has(x)).length;
    };
    expect(common('加班废怎么算', '加班费怎么算')).toBeGreaterThan(4);
    expect(common("I haven't been paid", 'i havent been paid')).toBe(
      extractFeatures('i havent been paid').buckets.length,
    );
    // Full-width letters and digits read as plain ones.
    expect([...extractFeatures('ＧＹ１２３').buckets].sort()).toEqual(
      [...extractFeatures('gy123').buckets].sort(),
    );
  });

  it('trains deterministically and learns its examples', () => {
    const a = trainIntentModel(TINY, 'tiny', TINY_TRAINER);
    const b = trainIntentModel(TINY, 'tiny', TINY_TRAINER);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const model = tinyModel();
    for (const line of TINY) expect(model.classify(line.text).intent.label).toBe(line.intent);
  });

  it('round-trips through the model file and rejects a broken one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gy-model-'));
    const file = path.join(dir, 'm.json');
    fs.writeFileSync(file, JSON.stringify(trainIntentModel(TINY, 'tiny', TINY_TRAINER)));
    const loaded = loadIntentModel(file);
    expect(loaded.ok && loaded.value.classify('老板拖欠工资').intent.label).toBe('arrears');

    fs.writeFileSync(file, '{"format":"something-else"}');
    const wrong = loadIntentModel(file);
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.reason).toMatch(/not a gongyou-intent-model/);
    expect(loadIntentModel(path.join(dir, 'missing.json')).ok).toBe(false);
  });

  it('lets a wage report or danger win from its floor, and is not understood below the bar', () => {
    const ranked = [
      { label: 'question', probability: 0.5 },
      { label: 'arrears', probability: 0.35 },
      { label: 'greeting', probability: 0.15 },
    ];
    const prediction = { label: 'question', probability: 0.5, ranked };
    expect(decideIntent(prediction, { minConfidence: 0.3, floors: { arrears: 0.3 } }).label).toBe('arrears');
    expect(decideIntent(prediction, { minConfidence: 0.3, floors: { arrears: 0.4 } }).label).toBe('question');
    expect(decideIntent(prediction, { minConfidence: 0.6, floors: {} }).label).toBe('out_of_scope');
  });

  it('ships a model trained on the current training split', () => {
    // Fails when the corpus changed and `npm run nlu:train` was not run (the version is a hash of it).
    const shipped = JSON.parse(fs.readFileSync(SHIPPED_MODEL_FILE, 'utf8')) as {
      version: string;
      trainedOn: { messages: number };
    };
    expect(shipped.version).toBe(modelVersion(corpusFiles('train')));
    expect(shipped.trainedOn.messages).toBe(loadCorpus('train').length);
  });

  it('reports a malformed corpus line with its file and line number', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gy-corpus-'));
    fs.mkdirSync(path.join(dir, 'train'));
    fs.writeFileSync(
      path.join(dir, 'train', 'x.jsonl'),
      '{"text":"你好","intent":"greeting","lang":"zh"}\n{"text":"x","intent":"weather","lang":"zh"}\n',
    );
    expect(() => loadCorpus('train', dir)).toThrow(/train\/x\.jsonl:2/);
  });
});
