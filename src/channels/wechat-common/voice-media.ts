import type { AudioRef } from '../../messages/messages.js';
import { sniffAudio } from '../../platform/speech/audio-format.js';
import type { AccessTokenSource } from './access-token.js';

/**
 * Download a voice message a user sent through WeChat (AMR or Speex, kept by WeChat for 3 days
 * only), so it can be transcribed or kept for staff. Returns the reference unchanged when the
 * download fails, is too big or is not audio: the turn still goes through, as an unheard voice.
 */
export async function withAudioBytes(
  audio: AudioRef,
  tokens: AccessTokenSource | undefined,
  endpoint: string,
  maxBytes: number,
  timeoutMs = 3000,
): Promise<AudioRef> {
  if (!audio.mediaId || !tokens || audio.dataBase64) return audio;
  try {
    const url = new URL(endpoint);
    url.searchParams.set('access_token', await tokens.get());
    url.searchParams.set('media_id', audio.mediaId);
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    // Errors come back as JSON with HTTP 200; the bytes themselves say whether they are audio.
    if (!response.ok || (response.headers.get('content-type') ?? '').includes('json')) return audio;
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) return audio;
    const bytes = Buffer.from(await response.arrayBuffer());
    const format = bytes.length <= maxBytes ? sniffAudio(bytes) : undefined;
    if (!format) return audio;
    return {
      ...audio,
      mimeType: format.mimeType,
      dataBase64: bytes.toString('base64'),
      sizeBytes: bytes.length,
    };
  } catch {
    return audio;
  }
}
