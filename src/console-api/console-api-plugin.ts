import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts/account-routes.js';
import { consoleRoutes } from './console-page-routes.js';
import { handoffRoutes } from './handoff/handoff-routes.js';
import { staffSocket } from './handoff/staff-socket.js';
import { handoffVoiceRoutes } from './handoff/voice-routes.js';
import { helpdeskRoutes } from './helpdesk/helpdesk-routes.js';
import { knowledgeCardRoutes } from './knowledge/knowledge-card-routes.js';
import { knowledgeReviewRoutes } from './knowledge/knowledge-review-routes.js';
import { knowledgeTransferRoutes } from './knowledge/knowledge-transfer-routes.js';
import { ledgerRoutes } from './ledger/ledger-routes.js';
import { caseRoutes } from './measures/case-routes.js';
import { employerRoutes } from './measures/employer-routes.js';
import { measureRoutes } from './measures/measure-routes.js';
import { officeStaffRoutes } from './offices/office-routes.js';
import { staffStationRoutes } from './stations/station-routes.js';
import { supervisionRoutes } from './supervision/supervision-routes.js';
import { ticketWorkRoutes } from './tickets/ticket-work-routes.js';

/**
 * The staff console's HTTP API and socket: the one place staff-only routes are attached. Each
 * route signs the request in with `app.staffGuard` (from src/staff, registered before every
 * domain) and reaches the domains only through their services.
 */
export async function consoleApiRoutes(app: FastifyInstance): Promise<void> {
  await app.register(accountRoutes);
  await app.register(handoffRoutes(app.handoffs));
  await app.register(handoffVoiceRoutes(app.handoffs));
  await app.register(staffSocket(app.staffHub, app.handoffs));
  await app.register(ticketWorkRoutes);
  await app.register(helpdeskRoutes);
  await app.register(supervisionRoutes(app.supervision));
  await app.register(ledgerRoutes);
  await app.register(measureRoutes);
  await app.register(employerRoutes);
  await app.register(caseRoutes);
  await app.register(officeStaffRoutes);
  await app.register(staffStationRoutes);
  await app.register(knowledgeCardRoutes);
  await app.register(knowledgeReviewRoutes);
  // Its own scope: the archive body parsers apply to its routes only.
  await app.register(knowledgeTransferRoutes);
  await app.register(consoleRoutes);
}
