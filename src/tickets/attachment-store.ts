import { createHash } from 'node:crypto';
import type { ImageRef } from '../messages/messages.js';
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
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
