import type { Message } from 'wechaty';
import type { AudioRef } from '../../messages/messages.js';
import { sniffAudio } from '../../platform/speech/audio-format.js';

/** A voice message past this is not kept inline (WeChat caps voice at 60 s, far below it). */
const MAX_INLINE_VOICE_BYTES = 5 * 1024 * 1024;

/**
 * The bot's voice message as audio for the chat service: the puppet's file (SILK or MP3
 * depending on the puppet), with its type read from the bytes. A file the puppet cannot give
 * still makes a turn, by message id, so the worker hears back that the bot cannot listen.
 */
export async function voiceOfMessage(message: Message): Promise<AudioRef> {
  try {
    const bytes = await (await message.toFileBox()).toBuffer();
    const format = sniffAudio(bytes);
    if (!format || bytes.length > MAX_INLINE_VOICE_BYTES) return { mediaId: message.id };
    return {
      mediaId: message.id,
      mimeType: format.mimeType,
      dataBase64: bytes.toString('base64'),
      sizeBytes: bytes.length,
    };
  } catch {
    return { mediaId: message.id };
  }
}
