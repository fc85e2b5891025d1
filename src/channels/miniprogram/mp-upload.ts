import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../platform/http/error-handler.js';
import { readOneUpload } from '../../platform/http/multipart-edge.js';
import { mpSessionTokens, requireMpUser } from './mp-auth.js';
import { MpChatResponseSchema } from './mp-schemas.js';

const MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = /^image\/(jpeg|png|gif|webp)$/;

/**
 * POST /api/mp/chat/image — a photo from wx.chooseMedia sent with wx.uploadFile (field `file`):
 * one chat turn with the picture, kept as evidence when the worker is filing a complaint.
 */
export async function mpUpload(app: FastifyInstance): Promise<void> {
  const tokens = mpSessionTokens(app);
  await app.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1 } });

  app.post(
    '/api/mp/chat/image',
    {
      schema: {
        tags: ['mini-program'],
        summary: 'Send a photo (multipart field "file") as a chat message',
        consumes: ['multipart/form-data'],
        security: [{ bearerAuth: [] }],
        response: { 200: MpChatResponseSchema },
      },
    },
    async (request) => {
      const openid = requireMpUser(tokens, request);
      if (!request.isMultipart())
        throw new HttpError(415, 'Upload the photo as multipart/form-data (wx.uploadFile).');
      const file = await readOneUpload(request);
      if (!file) throw new HttpError(400, 'No file in the upload.');
      if (!IMAGE_TYPES.test(file.mimetype))
        throw new HttpError(415, 'Send a JPEG, PNG, GIF or WebP picture.');
      const { bytes } = file;
      const result = await app.chat.handle({
        channel: 'miniprogram',
        externalUserId: openid,
        image: { mimeType: file.mimetype, dataBase64: bytes.toString('base64') },
      });
      return { conversationId: result.conversationId, locale: result.locale, replies: result.replies };
    },
  );
}
