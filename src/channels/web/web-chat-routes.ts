import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { localizedPage } from '../../platform/http/localized-page.js';
import { WEB_DIR } from '../../platform/paths.js';

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

  // A status in the words of the worker's card and the console (one copy, in tickets); the
  // welcome's actions in the words of the menu's quick replies (one copy, in common).
  app.get(
    '/',
    { schema: { hide: true } },
    localizedPage(
      app,
      'chat/index.html',
      'web',
      {},
      {
        ticketStatus: 'tickets:status',
        menu: 'common:menu',
        greeting: 'common:greeting',
      },
    ),
  );
}
