import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { localeFromAcceptLanguage, normalizeLocale, SUPPORTED_LOCALES } from '../i18n/locales.js';
import { WEB_DIR } from '../paths.js';

/**
 * The web chat page at `/`, rendered with the visitor's language (every string from locales/),
 * and its static assets under /static/. Nothing is loaded from another host.
 */
export async function webChatRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: WEB_DIR,
    prefix: '/static/',
    // Only the asset folders; the HTML templates are rendered by routes.
    allowedPath: (pathname) => /\.(?:js|css|png|svg|ico|woff2?)$/.test(pathname),
    maxAge: '1h',
  });

  const template = fs.readFileSync(path.join(WEB_DIR, 'chat', 'index.html'), 'utf8');
  // Both languages' page strings go to the page so switching language needs no reload.
  const strings = JSON.stringify(
    Object.fromEntries(
      SUPPORTED_LOCALES.map((locale) => [locale, app.i18n.getResourceBundle(locale, 'web')]),
    ),
  ).replace(/</g, '\\u003c');

  const rendered = new Map(
    SUPPORTED_LOCALES.map((locale) => {
      const t = app.t(locale);
      const html = template
        .replace(/\{\{t:([\w.]+)\}\}/g, (_, key: string) => escapeHtml(t(`web:${key}`)))
        .replace('{{lang}}', locale)
        .replace('{{strings}}', strings);
      return [locale, html];
    }),
  );

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
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
