// Retrieval latency with the card classifier, on the team, dev and LawBench questions only (the
// held-out split is not read): the classifier alone, search at the project's cards, and search at
// 400 cards (the cards topped up with copies under new ids, a classifier trained on all 400 so
// that every card is one it knows). Also the classifier's load time and memory.
// node --expose-gc --import tsx src/cli/time-retrieval.ts [<laws dir> [<lawbench jsonl>]]
import path from 'node:path';
import { CardClassifier, loadCardClassifier } from '../knowledge/card-classifier/card-classifier.js';
import { SHIPPED_CARD_MODEL_FILE } from '../knowledge/card-classifier/shipped-card-classifier.js';
import { trainCardClassifier } from '../knowledge/card-classifier/train-card-classifier.js';
import { loadCardsOrThrow } from '../knowledge/cards/load-card-dir.js';
import { loadDevQuestions, loadLawBench, loadTeamQuestions } from '../knowledge/eval/load-eval-sets.js';
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { readStatuteDir } from '../knowledge/statute-files.js';
import { CARDS_DIR, PROJECT_ROOT } from '../platform/paths.js';

const shared = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const articles = readStatuteDir(process.argv[2] ?? path.join(shared, 'laws'));
const lawBench = loadLawBench(process.argv[3] ?? path.join(shared, 'eval', 'lawbench-labor.jsonl'));
const questions = [...loadTeamQuestions(), ...loadDevQuestions(), ...lawBench].map((item) => item.question);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Wall time, and the process's CPU time: on a shared machine under load the wall time's tail is
 * mostly this process waiting for a core, which CPU time leaves out.
 */
function timed(run: (question: string) => unknown): string {
  for (const q of questions) run(q);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const q of questions) {
      const started = performance.now();
      const usage = process.cpuUsage();
      run(q);
      const used = process.cpuUsage(usage);
      wall.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const ms = (sorted: number[], p: number) => percentile(sorted, p).toFixed(3);
  return `wall p50 ${ms(wall, 50)} / p99 ${ms(wall, 99)} ms, CPU p50 ${ms(cpu, 50)} / p99 ${ms(cpu, 99)} ms (${wall.length} searches)`;
}

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const loadStarted = performance.now();
const loaded = loadCardClassifier(SHIPPED_CARD_MODEL_FILE);
const loadMs = performance.now() - loadStarted;
if (!loaded.ok) throw new Error(loaded.reason);
gc?.();
const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const model = loaded.value;
console.info(
  `classifier: load ${loadMs.toFixed(0)} ms, weights ${(model.bytes / 2 ** 20).toFixed(2)} MiB, ` +
    `heap + buffers after load ${((heapAfter - heapBefore) / 2 ** 20).toFixed(2)} MiB${gc ? '' : ' (run with --expose-gc)'}`,
);
console.info(`classifier alone:       ${timed((q) => model.probabilities(q))}`);
const cards = loadCardsOrThrow(CARDS_DIR, articles);
const base: KnowledgeBase = createKnowledgeBase(cards, articles, { classifier: model });
console.info(`search, ${cards.length} cards:      ${timed((q) => base.search(q))}`);
const copies = Array.from({ length: Math.max(0, 400 - cards.length) }, (_, i) => {
  const card = cards[i % cards.length] as (typeof cards)[number];
  return { ...card, id: `${card.id}-copy-${i}` };
});
const all = [...cards, ...copies];
const trainStarted = performance.now();
const at400 = new CardClassifier(trainCardClassifier(all));
console.info(
  `(classifier trained on ${all.length} cards in ${((performance.now() - trainStarted) / 1000).toFixed(0)} s)`,
);
const base400 = base.withCards(all, { classifier: at400 });
console.info(`search, ${all.length} cards:      ${timed((q) => base400.search(q))}`);
const bm25At400 = base.withCards(all, { classifier: null });
console.info(`search, ${all.length}, BM25 only: ${timed((q) => bm25At400.search(q))}`);
