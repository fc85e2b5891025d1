import type { FastifyInstance } from 'fastify';
import type { LabelView } from '../../helpdesk/labels.js';
import type { StaffPrincipal } from '../../staff/roles.js';

/**
 * Queue items with the office's labels on each chat, as the console shows them (chips on the
 * item), for the queue list and for the live socket's first frame alike.
 */
export async function withQueueLabels<T extends { conversationId: string }>(
  app: FastifyInstance,
  staff: StaffPrincipal,
  items: T[],
): Promise<(T & { labels: LabelView[] })[]> {
  const labelled = await app.helpdesk.labels.of(
    'conversation',
    items.map((h) => h.conversationId),
    staff.officeIds,
  );
  return items.map((h) => ({ ...h, labels: labelled.get(h.conversationId) ?? [] }));
}
