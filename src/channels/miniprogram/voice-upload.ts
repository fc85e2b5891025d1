import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { readVoiceUpload } from '../voice/read-voice-upload.js';
import { mpSessionTokens, requireMpUser } from './mp-auth.js';
import { MpChatResponseSchema } from './mp-schemas.js';

/**
 * POST /api/mp/chat/voice — a recording from wx.getRecorderManager (AAC or MP3; field `file`,
 * sent with wx.uploadFile): one chat turn, transcribed when ASR is configured, otherwise kept
 * for staff and answered with the menu.
 */
export async function mpVoiceUpload(app: FastifyInstance): Promise<void> {
  const tokens = mpSessionTokens(app);
  await app.register(multipart, { limits: { fileSize: app.config.ASR_MAX_BYTES, files: 1, fields: 8 } });

  app.post(
    '/api/mp/chat/voice',
    {
      schema: {
        tags: ['mini-program'],
        summary: 'Send a voice recording (multipart field "file") as a chat message',
        consumes: ['multipart/form-data'],
        security: [{ bearerAuth: [] }],
        response: { 200: MpChatResponseSchema },
      },
    },
    async (request) => {
      const openid = requireMpUser(tokens, request);
      const { audio } = await readVoiceUpload(request);
      const result = await app.chat.handle({ channel: 'miniprogram', externalUserId: openid, audio });
      return { conversationId: result.conversationId, locale: result.locale, replies: result.replies };
    },
  );
}
