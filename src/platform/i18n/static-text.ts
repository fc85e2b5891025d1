import type { Translate } from './create-i18n.js';

const texts = new WeakMap<Translate, Map<string, string>>();

/**
 * A string with no interpolation, translated once per translator: the menu's buttons and the
 * feedback words are compared with, or sent beside, nearly every message, and an i18next call
 * costs microseconds each. Translators are kept one per locale (translatorFor), so this holds
 * a few dozen strings.
 */
export function staticText(t: Translate, key: string): string {
  let byKey = texts.get(t);
  if (!byKey) {
    byKey = new Map();
    texts.set(t, byKey);
  }
  let text = byKey.get(key);
  if (text === undefined) {
    text = t(key);
    byKey.set(key, text);
  }
  return text;
}
