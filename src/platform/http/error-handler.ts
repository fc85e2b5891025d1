import type { FastifyError, FastifyInstance } from 'fastify';
import { STORAGE_RETRY_AFTER_SECONDS, storageFaultOf } from '../db/storage-faults.js';
import { DOMAIN_ERROR_STATUS, DomainError } from '../domain-error.js';

export const STORAGE_UNAVAILABLE = 'We cannot save anything right now; please try again in a moment.';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Throw from a route to answer with a clear 4xx (services throw DomainError instead). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: REASONS[statusCode] ?? (statusCode < 500 ? 'Bad Request' : 'Error'), message };
}

/** One shape for every error; 4xx logged as warn, 5xx as error with the message hidden from clients. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let statusCode =
      (error as unknown) instanceof DomainError
        ? DOMAIN_ERROR_STATUS[(error as unknown as DomainError).kind]
        : (error.statusCode ?? 500);
    if (error.validation) statusCode = 400;
    // Errors thrown by the JSON parser for bodies that are not objects arrive without a code.
    if (statusCode < 400 || statusCode > 599) statusCode = 500;
    const fault = statusCode >= 500 ? storageFaultOf(error) : undefined;
    if (fault) {
      // A full disk, failing I/O or a lock held too long: the request may work again soon.
      request.log.error({ fault, code: error.code }, 'request failed: the database cannot write');
      reply.header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
      return reply.status(503).send(errorBody(503, STORAGE_UNAVAILABLE));
    }
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (statusCode === 503 && typeof retryAfter === 'number') {
      // Busy, not broken: said in the service's words, with when to come back.
      request.log.warn({ statusCode }, 'request refused: busy');
      reply.header('retry-after', String(retryAfter));
      return reply.status(503).send(errorBody(503, error.message));
    }
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(statusCode).send(errorBody(statusCode, 'Something went wrong on our side.'));
    }
    request.log.warn({ code: error.code, statusCode }, error.message);
    return reply.status(statusCode).send(errorBody(statusCode, error.message));
  });

  // A 503 means "not now": every one says when to try again, whichever route sent it.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after')) {
      reply.header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
    }
    return payload;
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody(404, `Route ${request.method} ${request.url.split('?')[0]} not found`));
  });
}
