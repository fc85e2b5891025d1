export const INTENT_NAMES = [
  'greeting',
  'help',
  'question',
  'stations',
  'arrears',
  'human',
  'ticket_status',
  /** "算一算我能拿多少": the calculator of what a worker is owed (an exact command only). */
  'calculate',
  'danger',
  'language',
  'cancel',
  'location',
  'image',
  /** A voice message nobody could transcribe (no recogniser, or it failed). */
  'voice',
  /** Understood as something the service does not do (weather, food orders …): the menu. */
  'out_of_scope',
  /** Nothing to understand (an empty message). */
  'unknown',
] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

export interface DetectedIntent {
  name: IntentName;
  /** How sure: 1 for an exact command or the LLM's reading, the model's probability otherwise. */
  score: number;
  /** Who decided: an exact command (rules.ts), the trained model, or the LLM. */
  source: 'command' | 'model' | 'llm';
  /** For questions, the labor-law topic the model reads in it (wages, injury, contract …). */
  topic?: string;
  /** Language requested, for the `language` intent. */
  locale?: import('../../platform/i18n/locales.js').Locale;
  /** Facts of a wage report the LLM found in the message (validated; absent offline). */
  facts?: import('./llm-understand.js').MessageFacts;
}
