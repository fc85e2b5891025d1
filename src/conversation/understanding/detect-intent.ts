import type { InboundMessage } from '../../messages/messages.js';
import { decideIntent } from './classifier/decide.js';
import type { IntentModel } from './classifier/intent-model.js';
import { shippedModel } from './classifier/shipped-model.js';
import { type DetectedIntent, INTENT_NAMES, type IntentName } from './intent.js';
import { detectLanguageSwitch } from './language.js';
import { CALCULATE, CANCEL, MENU, TICKET_NUMBER } from './rules.js';

/** Every model label is an engine intent of the same name; a label from a newer model is not. */
const asIntent = (label: string): IntentName =>
  (INTENT_NAMES as readonly string[]).includes(label) ? (label as IntentName) : 'out_of_scope';

/**
 * The offline understanding of one message, in microseconds: exact commands (a language switch,
 * cancel, the menu, a ticket number) by rule, then the trained model for everything else, as
 * docs/NLU.md describes. A location or an image without text is its own intent; flows decide
 * what it means for them.
 */
export function detectIntent(
  message: Pick<InboundMessage, 'text' | 'location' | 'image' | 'audio'>,
  model: IntentModel = shippedModel().model,
): DetectedIntent {
  const text = (message.text ?? '').trim();
  if (!text) {
    if (message.location) return { name: 'location', score: 1, source: 'command' };
    if (message.image) return { name: 'image', score: 1, source: 'command' };
    if (message.audio) return { name: 'voice', score: 1, source: 'command' };
    return { name: 'unknown', score: 0, source: 'command' };
  }
  const locale = detectLanguageSwitch(text);
  if (locale) return { name: 'language', score: 1, source: 'command', locale };
  if (CANCEL.test(text)) return { name: 'cancel', score: 1, source: 'command' };
  if (MENU.test(text)) return { name: 'help', score: 1, source: 'command' };
  if (TICKET_NUMBER.test(text)) return { name: 'ticket_status', score: 1, source: 'command' };
  if (CALCULATE.test(text)) return { name: 'calculate', score: 1, source: 'command' };

  const { intent, topic } = model.classify(text);
  const decided = decideIntent(intent, model.decision);
  const name = asIntent(decided.label);
  return {
    name,
    score: decided.probability,
    source: 'model',
    ...(name === 'question' || name === 'arrears' ? { topic: topic.label } : {}),
  };
}
