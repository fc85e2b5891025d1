import { createHash } from 'node:crypto';
import type { AudioRef, ImageRef } from '../messages/messages.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { FieldCipher } from '../platform/privacy/encryption.js';

/** Largest image kept inline (bigger ones are kept by reference only). */
const MAX_INLINE_BYTES = 5 * 1024 * 1024;

/**
 * Evidence images sent during an intake, kept (encrypted: pay slips and chat screenshots name
 * people) against the conversation until the ticket exists, then claimed by it.
 */
export function createAttachmentStore(prisma: Db, cipher: FieldCipher) {
  return {
    async save(conversationId: string, image: ImageRef): Promise<string> {
      const bytes = image.dataBase64 ? Buffer.from(image.dataBase64, 'base64') : undefined;
      const inline = bytes && bytes.length <= MAX_INLINE_BYTES ? bytes : undefined;
      const row = await prisma.attachment.create({
        data: {
          conversationId,
          kind: 'image',
          mimeType: image.mimeType ?? null,
          url: image.url ?? null,
          mediaId: image.mediaId ?? null,
          sizeBytes: bytes?.length ?? null,
          sha256: bytes ? createHash('sha256').update(bytes).digest('hex') : null,
          dataEnc: inline ? new Uint8Array(cipher.encryptBytes(inline)) : null,
        },
      });
      return row.id;
    },

    /**
     * A voice message the bot could not hear, kept (encrypted: it is the worker's voice) against
     * the conversation so staff can listen in the chat, and claimed by the ticket like a photo.
     */
    async saveAudio(conversationId: string, audio: AudioRef): Promise<string> {
      const bytes = audio.dataBase64 ? Buffer.from(audio.dataBase64, 'base64') : undefined;
      const row = await prisma.attachment.create({
        data: {
          conversationId,
          kind: 'audio',
          mimeType: audio.mimeType ?? null,
          mediaId: audio.mediaId ?? null,
          sizeBytes: bytes?.length ?? null,
          sha256: bytes ? createHash('sha256').update(bytes).digest('hex') : null,
          dataEnc: bytes ? new Uint8Array(cipher.encryptBytes(bytes)) : null,
        },
      });
      return row.id;
    },

    /** A kept voice message of this conversation, decrypted (staff listening in the console). */
    async conversationAudio(conversationId: string, attachmentId: string) {
      const row = await prisma.attachment.findFirst({
        where: { id: attachmentId, conversationId, kind: 'audio' },
      });
      if (!row?.dataEnc) return undefined;
      return {
        mimeType: row.mimeType ?? 'application/octet-stream',
        bytes: cipher.decryptBytes(Buffer.from(row.dataEnc)),
      };
    },
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
