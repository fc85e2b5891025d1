import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { HandoffService } from '../../handoff/handoff-service.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { createAttachmentStore } from '../../tickets/attachment-store.js';

const Params = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  attachmentId: Type.String({ minLength: 1, maxLength: 64 }),
});

/**
 * GET /api/staff/handoffs/:id/voice/:attachmentId — a voice message the bot could not hear,
 * decrypted for the staff member who has the chat in their offices (audited: it is the
 * worker's own voice). Only a recording of this chat's conversation is served.
 */
export function handoffVoiceRoutes(handoffs: HandoffService) {
  return async (app: FastifyInstance): Promise<void> => {
    const guard = app.staffGuard();
    const attachments = createAttachmentStore(app.prisma, app.fieldCipher);

    app.get(
      '/api/staff/handoffs/:id/voice/:attachmentId',
      { schema: { tags: ['staff: chats'], params: Params }, onRequest: guard },
      async (request, reply) => {
        const { id, attachmentId } = request.params as { id: string; attachmentId: string };
        const handoff = await handoffs.scoped(id, request.staff);
        const audio = await attachments.conversationAudio(handoff.conversationId, attachmentId);
        if (!audio) throw new HttpError(404, 'No such voice message in this chat.');
        await app.staffAudit.record(request.staff, {
          action: 'play-voice',
          subjectType: 'attachment',
          subjectId: attachmentId,
          officeId: handoff.officeId,
        });
        reply.type(audio.mimeType).header('cache-control', 'no-store');
        return audio.bytes;
      },
    );
  };
}
