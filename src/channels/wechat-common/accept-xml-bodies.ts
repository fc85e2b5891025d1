import type { FastifyInstance } from 'fastify';

/** WeChat posts XML (some proxies label it text/plain): take the body as a string to verify first. */
export function acceptXmlBodies(app: FastifyInstance): void {
  app.addContentTypeParser(
    ['text/xml', 'application/xml', 'text/plain'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );
}
