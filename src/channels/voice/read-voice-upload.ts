import type { FastifyRequest } from 'fastify';
import type { AudioRef } from '../../messages/messages.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { readOneUpload } from '../../platform/http/multipart-edge.js';
import { sniffAudio } from '../../platform/speech/audio-format.js';

/** Field names a recording may come in: `file` (wx.uploadFile's default name) or any one file. */
export interface VoiceUpload {
  audio: AudioRef;
  /** The form's text fields sent before the file (conversationId, clientSecret …). */
  fields: Record<string, string>;
}

/**
 * One recording from a multipart upload, or a 4xx that says what is wrong: not multipart (415),
 * no file or an empty one (400), past the size limit (413, from the parser), or bytes that are
 * no audio container we know, whatever the Content-Type claims (415). Never a 5xx for input.
 */
export async function readVoiceUpload(request: FastifyRequest): Promise<VoiceUpload> {
  if (!request.isMultipart())
    throw new HttpError(415, 'Upload the recording as multipart/form-data (field "file").');
  const fields: Record<string, string> = {};
  const file = await readOneUpload(request, fields);
  if (!file) throw new HttpError(400, 'No file in the upload.');
  if (file.bytes.length === 0) throw new HttpError(400, 'The recording is empty.');
  const format = sniffAudio(file.bytes);
  if (!format)
    throw new HttpError(415, 'Send a voice recording (AAC, MP3, M4A, Opus/WebM, Ogg, WAV, AMR or SILK).');
  return {
    audio: {
      mimeType: format.mimeType,
      dataBase64: file.bytes.toString('base64'),
      sizeBytes: file.bytes.length,
    },
    fields,
  };
}
