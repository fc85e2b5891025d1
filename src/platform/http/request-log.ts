import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** What a request's line says: method, route, status and time, never bodies or query strings. */
function line(request: FastifyRequest, reply: FastifyReply) {
  return {
    method: request.method,
    // The route's pattern (/api/tickets/:id), not the path: ids and tokens stay out of the logs.
    route: request.routeOptions.url ?? '(no route)',
    statusCode: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
}

/**
 * One line per request, once answered. Fastify's own request logging writes two (received,
 * completed), each through the serializers, the redaction and the masking hook: about a tenth
 * of an HTTP chat turn's CPU (docs/PERFORMANCE.md). Errors keep their own line with the error.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) reply.log.error({ ...line(request, reply), err: error }, 'request errored');
    else reply.log.info(line(request, reply), 'request');
  }
}
