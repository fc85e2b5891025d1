import type { InboundMessage } from '../../messages/messages.js';
import type { DetectedIntent } from './intent.js';
import { detectLanguageSwitch } from './language.js';
import { CANCEL, INTENT_RULES, PERSONAL_DETAILS, QUESTION_MARKER, REPORT_VERB } from './rules.js';

/**
 * The offline intent router: rules only, no LLM, microseconds per message. A location or an
 * image without text is its own intent; flows decide what it means for them.
 */
export function detectIntent(message: Pick<InboundMessage, 'text' | 'location' | 'image'>): DetectedIntent {
  const text = (message.text ?? '').trim();
  if (!text) {
    if (message.location) return { name: 'location', score: 10 };
    if (message.image) return { name: 'image', score: 10 };
    return { name: 'unknown', score: 0 };
  }
  const locale = detectLanguageSwitch(text);
  if (locale) return { name: 'language', score: 10, locale };
  if (CANCEL.test(text)) return { name: 'cancel', score: 10 };

  let best: DetectedIntent = { name: 'unknown', score: 0 };
  for (const rule of INTENT_RULES) {
    const hits = rule.patterns.filter((pattern) => pattern.test(text)).length;
    if (!hits) continue;
    // A second or third distinct signal adds confidence, but less than the first.
    const score = rule.weight + (hits - 1) * (rule.weight / 2);
    if (score > best.score) best = { name: rule.intent, score };
  }
  // "老板拖欠我工资，我该怎么办？" is a question about arrears: answer it (and offer the report).
  // Filing starts when they say so, or hand over their details.
  if (
    best.name === 'arrears' &&
    QUESTION_MARKER.test(text) &&
    !REPORT_VERB.test(text) &&
    !PERSONAL_DETAILS.test(text)
  ) {
    return { name: 'question', score: best.score };
  }
  return best;
}
