import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { localeFromAcceptLanguage, normalizeLocale, SUPPORTED_LOCALES } from '../i18n/locales.js';
import { WEB_DIR } from '../paths.js';

/**
 * GET /console — the staff console page in the visitor's language. Its script and styles are
 * the static files under src/web/console/ (served at /static/console/); nothing comes from a CDN.
 */
export async function consoleRoutes(app: FastifyInstance): Promise<void> {
  const template = fs.readFileSync(path.join(WEB_DIR, 'console', 'index.html'), 'utf8');
  const strings = JSON.stringify(
    Object.fromEntries(
      SUPPORTED_LOCALES.map((locale) => [locale, app.i18n.getResourceBundle(locale, 'console')]),
    ),
  ).replace(/</g, '\\u003c');
  const rendered = new Map(
    SUPPORTED_LOCALES.map((locale) => {
      const t = app.t(locale);
      const html = template
        .replace(/\{\{t:([\w.]+)\}\}/g, (_, key: string) => escapeHtml(t(`console:${key}`)))
        .replace('{{lang}}', locale)
        .replace('{{otherLang}}', locale === 'zh-CN' ? 'en' : 'zh-CN')
        .replace('{{strings}}', strings);
      return [locale, html];
    }),
  );

  app.get('/console', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as { lang?: string };
    const locale =
      normalizeLocale(query.lang) ?? localeFromAcceptLanguage(request.headers['accept-language']);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
    return rendered.get(locale);
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
