import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ConversationNotFoundError } from '../../conversation/chat-service.js';
import { ChatResponseSchema } from '../../conversation/schemas.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { readVoiceUpload } from '../voice/read-voice-upload.js';
import { CLIENT_SECRET_HEADER, createWebChatSecrets } from './web-chat-secrets.js';

const NEEDS_SECRET = 'This conversation continues only with its clientSecret (sent with its first reply).';
const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/** A form field that is an id, or undefined; anything else is the client's mistake. */
function idField(fields: Record<string, string>, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined || value === '') return undefined;
  if (!ID.test(value)) throw new HttpError(400, `${name} is not a valid id.`);
  return value;
}

/**
 * POST /api/chat/voice — the web chat's hold-to-talk recording (multipart: conversationId or
 * channelUserId and clientSecret as fields before the file, or the secret in X-Client-Secret).
 * Authorised exactly like /api/chat/messages: a conversation answers only its secret's holder.
 */
export async function webVoiceUpload(app: FastifyInstance): Promise<void> {
  const secrets = createWebChatSecrets(app.prisma);
  await app.register(multipart, { limits: { fileSize: app.config.ASR_MAX_BYTES, files: 1, fields: 8 } });

  app.post(
    '/api/chat/voice',
    {
      schema: {
        tags: ['chat'],
        summary: 'Send a voice recording (multipart field "file") to the assistant',
        consumes: ['multipart/form-data'],
        response: {
          200: Type.Object({ ...ChatResponseSchema.properties, clientSecret: Type.Optional(Type.String()) }),
        },
      },
    },
    async (request) => {
      const { audio, fields } = await readVoiceUpload(request);
      const conversationId = idField(fields, 'conversationId');
      const channelUserId = idField(fields, 'channelUserId');
      const header = request.headers[CLIENT_SECRET_HEADER];
      const secret = fields.clientSecret || (typeof header === 'string' ? header : undefined);
      const existing = await secrets.find({ conversationId, channelUserId });
      if (conversationId && !existing) throw new HttpError(404, 'Unknown conversationId.');
      const check = existing ? secrets.verify(existing, secret) : 'unset';
      if (check === 'missing' || check === 'wrong') throw new HttpError(401, NEEDS_SECRET);
      try {
        const result = await app.chat.handle(
          { channel: 'web', externalUserId: channelUserId ?? randomUUID(), audio },
          { conversationId: existing?.id },
        );
        const clientSecret =
          check === 'unset' && result.stored ? await secrets.issue(result.conversationId) : undefined;
        return {
          conversationId: result.conversationId,
          locale: result.locale,
          replies: result.replies,
          ...(clientSecret ? { clientSecret } : {}),
        };
      } catch (err) {
        if (err instanceof ConversationNotFoundError) throw new HttpError(404, 'Unknown conversationId.');
        throw err;
      }
    },
  );
}
