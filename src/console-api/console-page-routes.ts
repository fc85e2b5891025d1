import type { FastifyInstance } from 'fastify';
import { INDUSTRIES } from '../offices/office-types.js';
import { localizedPage } from '../platform/http/localized-page.js';
import { TICKET_STATUSES } from '../tickets/ticket-types.js';

/**
 * GET /console — the staff console page in the visitor's language. Its script and styles are
 * the static files under src/web/console/ (served at /static/console/); nothing comes from a CDN.
 */
export async function consoleRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/console',
    { schema: { hide: true } },
    localizedPage(
      app,
      'console/index.html',
      'console',
      { industries: INDUSTRIES, statuses: TICKET_STATUSES },
      // A status in the words the worker's card uses: one copy, in the tickets namespace.
      { ticketStatus: 'tickets:status' },
    ),
  );
}
