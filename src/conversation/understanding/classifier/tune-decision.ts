import type { HeldOutReading } from './cross-validate.js';
import { type Decision, decideIntent } from './decide.js';

/** Intents whose miss costs most; they get a lower bar in decideIntent. */
const FLOORED = ['arrears', 'danger'] as const;
/** A missed wage report or emergency counts as this many ordinary errors when tuning. */
const MISS_COST = 3;

const grid = (from: number, to: number) =>
  Array.from({ length: Math.round((to - from) / 0.05) + 1 }, (_, i) => from + i * 0.05);

/**
 * Choose the decision rule (confidence bar and floors) that costs least on held-out readings of
 * the training split (crossValidate): the test split is never seen here.
 */
export function tuneDecision(readings: HeldOutReading[]): Decision {
  const neutral: Decision = { minConfidence: 0, floors: {} };
  let best: { cost: number; decision: Decision } | undefined;
  for (const minConfidence of grid(0, 0.6)) {
    for (const arrears of grid(0.15, 0.6)) {
      for (const danger of grid(0.15, 0.6)) {
        const decision: Decision = { minConfidence, floors: { arrears, danger } };
        let cost = 0;
        for (const { truth, intent } of readings) {
          if (decideIntent(intent, decision).label === truth) continue;
          cost += (FLOORED as readonly string[]).includes(truth) ? MISS_COST : 1;
        }
        if (!best || cost < best.cost) best = { cost, decision };
      }
    }
  }
  const chosen = best?.decision ?? neutral;
  return {
    minConfidence: Number(chosen.minConfidence.toFixed(2)),
    floors: Object.fromEntries(Object.entries(chosen.floors).map(([k, v]) => [k, Number(v.toFixed(2))])),
  };
}
