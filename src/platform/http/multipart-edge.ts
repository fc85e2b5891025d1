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
export async function readOneUpload(
  request: FastifyRequest,
  /** Filled with the text fields sent before the file, when the caller wants them. */
  fields?: Record<string, string>,
): Promise<Upload | undefined> {
  try {
    const file = await request.file();
    if (!file) return undefined;
    if (fields) {
      for (const [name, part] of Object.entries(file.fields)) {
        const one = Array.isArray(part) ? part[0] : part;
        if (one && one.type === 'field' && typeof one.value === 'string') fields[name] = one.value;
      }
    }
    const bytes = await file.toBuffer();
    return { mimetype: file.mimetype, bytes, truncated: file.file.truncated };
  } catch (error) {
    if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
    throw new HttpError(400, 'The multipart body could not be read.');
  }
}
