import type { Prediction } from './intent-model.js';

export interface Decision {
  minConfidence: number;
  floors: Record<string, number>;
}

/**
 * From the model's probabilities to one intent. A wage report or a person in danger costs far
 * more to miss than to over-read (a question taken as a report still gets its answer, plus the
 * offer to file), so those classes win from a lower probability ("floors"). Anything the model
 * is unsure of is not understood: the worker gets the menu, not a wrong card.
 */
export function decideIntent(
  prediction: Prediction,
  decision: Decision,
): { label: string; probability: number } {
  let best: { label: string; probability: number } | undefined;
  for (const { label, probability } of prediction.ranked) {
    const floor = decision.floors[label];
    if (floor !== undefined && probability >= floor && (!best || probability > best.probability)) {
      best = { label, probability };
    }
  }
  if (best) return best;
  if (prediction.probability < decision.minConfidence) {
    return { label: 'out_of_scope', probability: prediction.probability };
  }
  return { label: prediction.label, probability: prediction.probability };
}
