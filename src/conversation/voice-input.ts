import type { AudioRef, InboundMessage } from '../messages/messages.js';
import type { Asr } from '../platform/speech/asr-client.js';

export interface VoiceDeps {
  /** The recogniser, read per turn (undefined: not configured). */
  asr: () => Asr | undefined;
  /** Keep audio the bot could not hear (encrypted); returns the attachment's id. */
  keep: (conversationId: string, audio: AudioRef) => Promise<string>;
}

/**
 * A voice message with bytes becomes a text message when the recogniser hears it: the
 * transcript is the text, and the bytes are dropped (what was said is what is kept). Runs before
 * the conversation's lock is taken, so a slow recogniser never holds the worker's other turns.
 * Unheard, the message stays audio and says why, for the reply and for `keepUnheard`.
 */
export async function transcribeVoice(
  inbound: InboundMessage,
  asr: Asr | undefined,
): Promise<InboundMessage> {
  const { audio } = inbound;
  if (!audio || audio.transcribed || inbound.text?.trim()) return inbound;
  if (!asr || !audio.dataBase64) return { ...inbound, audio: { ...audio, unheard: 'no-asr' } };
  const heard = await asr.transcribe(Buffer.from(audio.dataBase64, 'base64'));
  if (!heard.ok) return { ...inbound, audio: { ...audio, unheard: 'failed' } };
  return {
    ...inbound,
    text: heard.value,
    audio: {
      transcribed: true,
      ...(audio.mimeType ? { mimeType: audio.mimeType } : {}),
      sizeBytes: Math.floor((audio.dataBase64.length * 3) / 4),
    },
  };
}

/**
 * Audio nobody heard is kept as an encrypted attachment of the conversation (staff listen to it
 * on a handoff; an intake's ticket claims it), and the message keeps only the attachment's id:
 * the bytes never go into the message rows.
 */
export async function keepUnheard(
  inbound: InboundMessage,
  conversationId: string,
  keep: VoiceDeps['keep'] | undefined,
): Promise<InboundMessage> {
  const { audio } = inbound;
  if (!audio || audio.transcribed || audio.attachmentId || !keep) return inbound;
  if (!audio.dataBase64 && !audio.mediaId) return inbound;
  const attachmentId = await keep(conversationId, audio);
  const { dataBase64: _bytes, ...rest } = audio;
  return { ...inbound, audio: { ...rest, attachmentId } };
}
