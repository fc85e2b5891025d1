import fp from 'fastify-plugin';
import type { i18n } from 'i18next';
import { createI18n, type Translate, translatorFor } from './create-i18n.js';
import type { Locale } from './locales.js';

declare module 'fastify' {
  interface FastifyInstance {
    i18n: i18n;
    t: (locale: Locale) => Translate;
  }
}

export default fp(
  async (app) => {
    const i18n = createI18n();
    app.decorate('i18n', i18n);
    app.decorate('t', (locale: Locale) => translatorFor(i18n, locale));
  },
  { name: 'i18n' },
);
