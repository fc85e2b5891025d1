import { CORPUS_INTENTS } from '../corpus/load-corpus.js';
import type { NluScore } from './evaluate-nlu.js';

/** The eval:nlu report (accuracy, wage-report recall, out of scope → menu, per intent, confusion) as lines. */
export function formatNluScore(score: NluScore, options: { errors?: boolean } = {}): string[] {
  const out: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  out.push(
    `accuracy ${pct(score.accuracy)}  (${Object.entries(score.byLang)
      .map(([lang, s]) => `${lang} ${pct(s.accuracy)} of ${s.messages}`)
      .join(', ')})`,
  );
  out.push(
    `wage-report recall ${pct(score.wageReportRecall)}   out-of-scope → menu ${pct(score.outOfScopeToMenu)}   question topic ${pct(score.topicAccuracy)}`,
  );
  out.push('', 'intent          support  precision  recall');
  for (const s of score.perIntent) {
    out.push(
      `${s.intent.padEnd(15)} ${String(s.support).padStart(7)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
    );
  }
  const short = (label: string) => label.slice(0, 6);
  out.push(
    '',
    'confusion (rows: truth, columns: predicted)',
    `${''.padEnd(15)}${CORPUS_INTENTS.map((l) => short(l).padStart(7)).join('')}`,
  );
  for (const truth of CORPUS_INTENTS) {
    const row = score.confusion[truth] ?? {};
    out.push(`${truth.padEnd(15)}${CORPUS_INTENTS.map((p) => String(row[p] ?? 0).padStart(7)).join('')}`);
  }
  if (options.errors) {
    out.push('', 'errors:');
    for (const e of score.errors) out.push(`  [${e.truth} → ${e.predicted}] ${e.text}`);
  } else {
    out.push('', `${score.errors.length} errors (--errors lists them)`);
  }
  return out;
}
