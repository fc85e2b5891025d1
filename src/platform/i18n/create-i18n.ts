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

export function translatorFor(i18n: i18n, locale: Locale): Translate {
  return i18n.getFixedT(locale);
}
