import type { InboundMessage } from '../../messages/messages.js';
import { decideIntent } from './classifier/decide.js';
import type { IntentModel } from './classifier/intent-model.js';
import { shippedModel } from './classifier/shipped-model.js';
import { type DetectedIntent, INTENT_NAMES, type IntentName } from './intent.js';
import { detectLanguage, detectLanguageSwitch } from './language.js';
import { legacyIntent } from './legacy-rules.js';
import { CANCEL, MENU, TICKET_NUMBER } from './rules.js';

/** Every model label is an engine intent of the same name; a label from a newer model is not. */
const asIntent = (label: string): IntentName =>
  (INTENT_NAMES as readonly string[]).includes(label) ? (label as IntentName) : 'out_of_scope';

/** From this probability the model's reading stands; below it the old rules are asked first. */
const MODEL_TRUSTED = 0.6;
/** From this probability the model's reading wins over the old rules' ("你好 在吗" is no question). */
const MODEL_OVERRULES = 0.9;
/** Training messages of an intent (and of the message's language) before the model speaks for it. */
const MIN_EXAMPLES = 80;

/**
 * The offline understanding of one message, in microseconds: exact commands (a language switch,
 * cancel, the menu, a ticket number) first; then the trained model beside the old rules, as
 * docs/NLU.md describes. A location or an image without text is its own intent; flows decide
 * what it means for them.
 */
export function detectIntent(
  message: Pick<InboundMessage, 'text' | 'location' | 'image'>,
  model: IntentModel = shippedModel().model,
): DetectedIntent {
  const text = (message.text ?? '').trim();
  if (!text) {
    if (message.location) return { name: 'location', score: 1, source: 'command' };
    if (message.image) return { name: 'image', score: 1, source: 'command' };
    return { name: 'unknown', score: 0, source: 'command' };
  }
  const locale = detectLanguageSwitch(text);
  if (locale) return { name: 'language', score: 1, source: 'command', locale };
  if (CANCEL.test(text)) return { name: 'cancel', score: 1, source: 'command' };
  if (MENU.test(text)) return { name: 'help', score: 1, source: 'command' };
  if (TICKET_NUMBER.test(text)) return { name: 'ticket_status', score: 1, source: 'command' };

  const { intent, topic } = model.classify(text);
  const decided = decideIntent(intent, model.decision);
  // Until the corpus covers every intent in both languages (issue 12), the old rules keep the
  // messages they recognise, and the model reads those they miss ("工资…被拖欠…", "不给结算"),
  // where it has enough examples of that intent and language and is sure.
  const rules = legacyIntent(text);
  const lang = detectLanguage(text) === 'en' ? 'en' : 'zh';
  const known =
    (model.trainedOn.byIntent[decided.label] ?? 0) >= MIN_EXAMPLES &&
    (model.trainedOn.byLang[lang] ?? 0) >= MIN_EXAMPLES;
  const byRules = { name: rules.name, score: decided.probability, source: 'rule' } as const;
  // Where both read the same, it is the model's reading (with its topic and probability).
  if (known && rules.name === decided.label) return modelReading(decided, topic.label);
  if (rules.name === 'unknown') {
    return known && decided.probability >= MODEL_TRUSTED ? modelReading(decided, topic.label) : byRules;
  }
  // A report put as a question ("老板拖欠我工资，我该怎么办？") gets the answer on arrears, which
  // carries the button to file: the rules' reading, until the intake answers as it offers (issue 12).
  if (rules.reportAsQuestion && decided.label === 'arrears') return byRules;
  return known && decided.probability >= MODEL_OVERRULES ? modelReading(decided, topic.label) : byRules;
}

function modelReading(decided: { label: string; probability: number }, topic: string): DetectedIntent {
  const name = asIntent(decided.label);
  return {
    name,
    score: decided.probability,
    source: 'model',
    ...(name === 'question' || name === 'arrears' ? { topic } : {}),
  };
}
