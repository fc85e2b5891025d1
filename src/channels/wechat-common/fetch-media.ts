import type { ImageRef } from '../../messages/messages.js';
import type { AccessTokenSource } from './access-token.js';

/** Evidence photos are kept inline up to this size (as on the bot); larger ones by media id. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Download a picture a user sent (WeChat keeps temporary media for 3 days only, too short for
 * evidence). Returns the image with its bytes, or the reference unchanged when the download
 * fails or is too big: the message still goes through.
 */
export async function withMediaBytes(
  image: ImageRef,
  tokens: AccessTokenSource | undefined,
  endpoint: string,
  timeoutMs = 3000,
): Promise<ImageRef> {
  if (!image.mediaId || !tokens || image.dataBase64) return image;
  try {
    const url = new URL(endpoint);
    url.searchParams.set('access_token', await tokens.get());
    url.searchParams.set('media_id', image.mediaId);
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const type = response.headers.get('content-type') ?? '';
    // Errors come back as JSON with HTTP 200.
    if (!response.ok || !type.startsWith('image/')) return image;
    if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES) return image;
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_BYTES) return image;
    return { ...image, mimeType: type.split(';')[0], dataBase64: bytes.toString('base64') };
  } catch {
    return image;
  }
}
