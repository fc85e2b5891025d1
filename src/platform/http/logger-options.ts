import type { FastifyLoggerOptions } from 'fastify';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import type { Config } from '../config/config.js';
import { maskPersonalData } from '../privacy/mask-personal-data.js';
import { serializeError } from './serialize-error.js';

/**
 * Paths pino replaces with "[redacted]" wherever they appear in a logged object. Secrets and
 * personal data: logs are read by more people than the database is.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  // Each key both at the top of a logged object and one level down.
  ...[
    'password',
    'passwordHash',
    'token',
    'apiKey',
    'OPENAI_API_KEY',
    'GONGYOU_DATA_KEY',
    'REDIS_URL',
    'phone',
    'mobile',
    'name',
    'claimantName',
    'idNumber',
    'text',
    'body',
  ].flatMap((key) => [key, `*.${key}`]),
];

export function loggerOptions(config: Config): FastifyLoggerOptions & LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // Method, route and status only: never bodies, never query strings (tracking codes live there).
      req: (req) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
      res: (res) => ({ statusCode: res.statusCode }),
      // Database errors without the statement's parameters (serialize-error.ts).
      err: serializeError,
    },
    hooks: {
      // Last line of defence: a phone or ID number that reached a log message string is masked.
      logMethod(args, method) {
        const masked = args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
}

/**
 * Standard output, written from the thread pool: a line logged while the previous write is
 * still in flight joins the next write instead of making its own write(2). Synchronous writes
 * to a pipe cost about 6% of an HTTP chat turn (one line per request, docs/PERFORMANCE.md).
 * Lines still buffered are flushed when the process exits (pino registers it, a crash included);
 * only a SIGKILL can lose the last few.
 */
export function logDestination(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}
