export const INTENT_NAMES = [
  'greeting',
  'help',
  'question',
  'stations',
  'arrears',
  'human',
  'ticket_status',
  'language',
  'cancel',
  'location',
  'image',
  'unknown',
] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

export interface DetectedIntent {
  name: IntentName;
  /** Sum of the matched rule weights; 0 for unknown. */
  score: number;
  /** Language requested, for the `language` intent. */
  locale?: import('../../platform/i18n/locales.js').Locale;
}
