// npm run eval:qa [-- <laws dir> [<lawbench jsonl>]]
// Prints hit@1, hit@3 and MRR of the cited articles for the held-out test split (by language and
// topic), the team's question set, the development split (by language) and the LawBench labor subset, with the full retrieval and
// with plain BM25 (the baseline). EVAL_QA_TEAM_ONLY=1 leaves the held-out split out, for whoever
// writes cards or asks: they must not see how the held-out questions fare.
import path from 'node:path';
import { loadCardsOrThrow } from '../knowledge/cards/load-card-dir.js';
import { type EvalScore, evaluate } from '../knowledge/eval/evaluate.js';
import {
  loadDevQuestions,
  loadHeldOutQuestions,
  loadLawBench,
  loadTeamQuestions,
} from '../knowledge/eval/load-eval-sets.js';
import { createKnowledgeBase } from '../knowledge/knowledge-base.js';
import { readStatuteDir } from '../knowledge/statute-files.js';
import { CARDS_DIR, PROJECT_ROOT } from '../platform/paths.js';

const shared = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const lawsDir = process.argv[2] ?? path.join(shared, 'laws');
const lawBenchFile = process.argv[3] ?? path.join(shared, 'eval', 'lawbench-labor.jsonl');

const articles = readStatuteDir(lawsDir);
const base = createKnowledgeBase(loadCardsOrThrow(CARDS_DIR, articles), articles);
console.info(
  `index: ${base.stats.cards} cards, ${base.stats.articles} articles from ${lawsDir} (${base.stats.buildMs.toFixed(0)} ms)`,
);

const format = (name: string, score: EvalScore) =>
  `${name.padEnd(28)} n=${String(score.questions).padEnd(4)} hit@1=${score.hitAt1.toFixed(3)}  hit@3=${score.hitAt3.toFixed(3)}  MRR=${score.mrr.toFixed(3)}${score.unanswerable ? `  (${score.unanswerable} cite statutes not in the set)` : ''}`;

const teamOnly = process.env.EVAL_QA_TEAM_ONLY === '1';
const heldOut = teamOnly ? [] : loadHeldOutQuestions();
if (!teamOnly) console.info(format('held-out test split', evaluate(base, heldOut)));
for (const lang of teamOnly ? [] : (['zh', 'en'] as const)) {
  console.info(
    format(
      `  held-out, ${lang}`,
      evaluate(
        base,
        heldOut.filter((item) => item.lang === lang),
      ),
    ),
  );
}
const topics = [...new Set(heldOut.map((item) => item.topic))];
for (const topic of topics) {
  console.info(
    format(
      `  held-out, ${topic}`,
      evaluate(
        base,
        heldOut.filter((item) => item.topic === topic),
      ),
    ),
  );
}
if (!teamOnly) console.info(format('held-out, plain BM25', evaluate(base, heldOut, { plain: true })));
const team = loadTeamQuestions();
const lawBench = loadLawBench(lawBenchFile);
console.info(format('team set', evaluate(base, team)));
console.info(format('team set, plain BM25', evaluate(base, team, { plain: true })));
const dev = loadDevQuestions();
console.info(format('dev set', evaluate(base, dev)));
for (const lang of ['zh', 'en'] as const) {
  console.info(
    format(
      `  dev, ${lang}`,
      evaluate(
        base,
        dev.filter((item) => item.lang === lang),
      ),
    ),
  );
}
console.info(format('dev set, plain BM25', evaluate(base, dev, { plain: true })));
console.info(format('LawBench labor', evaluate(base, lawBench)));
console.info(format('LawBench labor, plain BM25', evaluate(base, lawBench, { plain: true })));
