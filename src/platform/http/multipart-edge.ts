import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './error-handler.js';

const MULTIPART = /^multipart\//i;
const BOUNDARY = /;\s*boundary=("[^"]+"|[^;\s]+)/i;

/**
 * A multipart body without a boundary cannot be read at all (the parser throws before the route
 * sees a part), so it is refused as the client's mistake when the request arrives, on every route.
 */
export function refuseMultipartWithoutBoundary(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const type = request.headers['content-type'];
    if (type && MULTIPART.test(type) && !BOUNDARY.test(type)) {
      throw new HttpError(400, 'A multipart body needs a boundary in its Content-Type.');
    }
  });
}

export interface Upload {
  mimetype: string;
  bytes: Buffer;
  truncated: boolean;
}

/**
 * The one file of a multipart upload, read whole. A body the parser cannot read (cut off,
 * malformed part headers) is the sender's fault and answered 400; the parser's own limit errors
 * keep their status (413).
 */
export async function readOneUpload(request: FastifyRequest): Promise<Upload | undefined> {
  try {
    const file = await request.file();
    if (!file) return undefined;
    const bytes = await file.toBuffer();
    return { mimetype: file.mimetype, bytes, truncated: file.file.truncated };
  } catch (error) {
    if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
    throw new HttpError(400, 'The multipart body could not be read.');
  }
}
