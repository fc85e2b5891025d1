import type { FastifyInstance } from 'fastify';
import { cannedReplyRoutes } from './canned-reply-routes.js';
import { chatAssignmentRoutes } from './chat-assignment-routes.js';
import { chatNoteRoutes } from './chat-note-routes.js';
import { dutyRoutes } from './duty-routes.js';
import { helpdeskSettingsRoutes } from './helpdesk-settings-routes.js';
import { insightRoutes } from './insight-routes.js';
import { labelRoutes } from './label-routes.js';

/** The help desk's staff routes (docs/HELPDESK.md); each checks the office scope itself. */
export async function helpdeskRoutes(app: FastifyInstance): Promise<void> {
  await app.register(dutyRoutes);
  await app.register(chatAssignmentRoutes);
  await app.register(cannedReplyRoutes);
  await app.register(chatNoteRoutes);
  await app.register(labelRoutes);
  await app.register(helpdeskSettingsRoutes);
  await app.register(insightRoutes);
}
