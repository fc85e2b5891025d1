import type { FastifyInstance } from 'fastify';
import { writeCardArchive } from '../../knowledge/console/card-archive.js';
import { HttpError } from '../../platform/http/error-handler.js';

/** Largest archive accepted: 400 cards of a few KB each, with room to spare. */
const ARCHIVE_MAX_BYTES = 8 * 1024 * 1024;

/**
 * The card folder out and in: GET gives the cards answering now as a .tar.gz of Markdown files
 * (the knowledge/cards format, so it can replace that folder); POST takes one back, every file
 * read by the folder's strict reader, and refuses the whole archive with file and field named.
 */
export async function knowledgeTransferRoutes(app: FastifyInstance): Promise<void> {
  const legal = app.staffGuard({ roles: ['knowledge'] });
  const tags = ['staff: knowledge'];
  const { editor } = app.knowledgeConsole;
  for (const type of [
    'application/gzip',
    'application/x-gzip',
    'application/x-tar',
    'application/octet-stream',
  ])
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: ARCHIVE_MAX_BYTES },
        (_request, body, done) => done(null, body),
      );

  app.get('/api/staff/knowledge/export', { schema: { tags }, onRequest: legal }, async (_request, reply) => {
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/gzip')
      .header('content-disposition', `attachment; filename="knowledge-cards-${stamp}.tar.gz"`)
      .send(writeCardArchive(editor.exportFiles()));
  });

  app.post(
    '/api/staff/knowledge/import',
    { schema: { tags }, onRequest: legal, bodyLimit: ARCHIVE_MAX_BYTES },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new HttpError(415, 'Send the archive as application/gzip.');
      const result = await editor.importArchive(request.body, {
        id: request.staff.id,
        displayName: request.staff.displayName,
      });
      if (!result.ok) throw new HttpError(400, result.problems.join('\n'));
      return result;
    },
  );
}
