import type { ArbitrationLimit } from '../measures/arbitration-limit.js';
import type { Translate } from '../platform/i18n/create-i18n.js';

/** The arbitration limit in the worker's words: the last day, or why there is none yet. */
export function limitText(t: Translate, limit: ArbitrationLimit): string {
  if (limit.kind === 'date') {
    return t(limit.warning === 'passed' ? 'deadlines:limit.passed' : 'deadlines:limit.date', {
      lastDay: limit.lastDay,
      daysLeft: limit.daysLeft,
      from: t(`deadlines:limit.from.${limit.runsFrom}`),
    });
  }
  return t(`deadlines:limit.${limit.kind}`);
}
