import type { HeldOutReading } from './cross-validate.js';
import type { Decision } from './decide.js';

/** Intents whose miss costs most; they get a lower bar in decideIntent. */
const FLOORED = ['arrears', 'danger'] as const;
/** A missed wage report or emergency counts as this many ordinary errors when tuning: at 5, nlu:cv
 * recall of reports was 96.1%; at 7, 97.4% for 1.1 points of accuracy (docs/NLU.md, 2026-12-04). */
const MISS_COST = 7;

const grid = (from: number, to: number) =>
  Array.from({ length: Math.round((to - from) / 0.05) + 1 }, (_, i) => from + i * 0.05);

/** What decideIntent needs of one reading, taken out once: the grid below tries thousands of rules. */
interface Compact {
  truth: string;
  cost: number;
  top: string;
  pTop: number;
  pArrears: number;
  pDanger: number;
  pOutOfScope: number;
}

function compact(reading: HeldOutReading, missCost: number): Compact {
  const p = (label: string) => reading.intent.ranked.find((r) => r.label === label)?.probability ?? 0;
  return {
    truth: reading.truth,
    cost: (FLOORED as readonly string[]).includes(reading.truth) ? missCost : 1,
    top: reading.intent.label,
    pTop: reading.intent.probability,
    pArrears: p('arrears'),
    pDanger: p('danger'),
    pOutOfScope: p('out_of_scope'),
  };
}

/** decideIntent's rule on a compact reading: the likeliest class past its floor, else the bar, else the top. */
function decide(r: Compact, min: number, arrears: number, danger: number, outOfScope: number): string {
  let label = '';
  let best = -1;
  if (r.pArrears >= arrears && r.pArrears > best) [label, best] = ['arrears', r.pArrears];
  if (r.pDanger >= danger && r.pDanger > best) [label, best] = ['danger', r.pDanger];
  if (r.pOutOfScope >= outOfScope && r.pOutOfScope > best) [label, best] = ['out_of_scope', r.pOutOfScope];
  if (label) return label;
  return r.pTop < min ? 'out_of_scope' : r.top;
}

/**
 * Choose the decision rule (confidence bar and floors) that costs least on held-out readings of
 * the training split (crossValidate): the test split is never seen here. The explicit
 * out_of_scope class may win from a floor of its own, beside the bar: a message the model half
 * reads as off-topic gets the menu rather than a wrong card.
 */
export function tuneDecision(readings: HeldOutReading[], missCost = MISS_COST): Decision {
  const compacted = readings.map((reading) => compact(reading, missCost));
  let best: { cost: number; decision: Decision } | undefined;
  for (const minConfidence of grid(0, 0.6)) {
    for (const arrears of grid(0.15, 0.6)) {
      for (const danger of grid(0.15, 0.6)) {
        for (const outOfScope of [undefined, 0.2, 0.3, 0.4, 0.5]) {
          let cost = 0;
          for (const r of compacted) {
            if (decide(r, minConfidence, arrears, danger, outOfScope ?? 2) !== r.truth) cost += r.cost;
          }
          if (best && cost >= best.cost) continue;
          const floors: Record<string, number> = { arrears, danger };
          if (outOfScope !== undefined) floors.out_of_scope = outOfScope;
          best = { cost, decision: { minConfidence, floors } };
        }
      }
    }
  }
  const chosen = best?.decision ?? { minConfidence: 0, floors: {} };
  return {
    minConfidence: Number(chosen.minConfidence.toFixed(2)),
    floors: Object.fromEntries(Object.entries(chosen.floors).map(([k, v]) => [k, Number(v.toFixed(2))])),
  };
}
