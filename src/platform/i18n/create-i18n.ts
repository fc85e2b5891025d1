import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type Resource, type ResourceLanguage, type TFunction } from 'i18next';
import { LOCALES_DIR } from '../paths.js';
import { DEFAULT_LOCALE, type Locale, SUPPORTED_LOCALES } from './locales.js';

export type Translate = TFunction;

/**
 * One i18next instance with every namespace loaded from locales/<locale>/<namespace>.json at
 * start (synchronously: a few small files, and no request ever waits on disk for a string).
 * Each domain owns its namespace file; `common` is the default.
 */
export function createI18n(localesDir = LOCALES_DIR): i18n {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const locale of SUPPORTED_LOCALES) {
    const dir = path.join(localesDir, locale);
    const language: ResourceLanguage = {};
    resources[locale] = language;
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const ns = file.slice(0, -'.json'.length);
      namespaces.add(ns);
      language[ns] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
  }
  const instance = i18next.createInstance();
  instance.init({
    resources,
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    ns: [...namespaces],
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const translators = new WeakMap<i18n, Map<Locale, Translate>>();

/**
 * One fixed translator per locale, made once: getFixedT builds a new function on every call, and
 * a chat turn asks for one many times. The resources never change after start, so it may be
 * kept, and so may each text asked for by key alone: a turn asks for about nine of those (button
 * labels, headings), and each i18next lookup (namespaces, fallbacks, nesting, plurals) cost
 * about a tenth of an HTTP chat turn in the profile. Calls with options go to i18next.
 */
export function translatorFor(i18n: i18n, locale: Locale): Translate {
  let byLocale = translators.get(i18n);
  if (!byLocale) {
    byLocale = new Map();
    translators.set(i18n, byLocale);
  }
  let t = byLocale.get(locale);
  if (!t) {
    t = remembered(i18n.getFixedT(locale));
    byLocale.set(locale, t);
  }
  return t;
}

function remembered(t: Translate): Translate {
  const texts = new Map<string, unknown>();
  const call = t as unknown as (...args: unknown[]) => unknown;
  const translate = (...args: unknown[]) => {
    const key = args[0];
    if (args.length !== 1 || typeof key !== 'string') return call(...args);
    let text = texts.get(key);
    if (text === undefined) {
      text = call(key);
      texts.set(key, text);
    }
    return text;
  };
  // The fixed translator's own fields (lng, ns, keyPrefix) stay readable.
  return Object.assign(translate, t) as unknown as Translate;
}
