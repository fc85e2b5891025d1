import type { FastifyInstance } from 'fastify';

/** A multipart body as a browser's FormData or wx.uploadFile sends it: text fields, then the file. */
export function voiceForm(fields: Record<string, string>, file?: { bytes: Buffer; type: string }) {
  const boundary = '----voiceupload';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="voice"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function postVoice(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  file?: { bytes: Buffer; type: string },
  headers: Record<string, string> = {},
) {
  const form = voiceForm(fields, file);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': form.contentType },
    payload: form.payload,
  });
}
