import { stdSerializers } from 'pino';

/**
 * Errors for the logs. Prisma's messages quote the failed call with its arguments, including
 * what the database was sent (sealed personal fields, a phone's blind index, a query code), and
 * repeat it in the stack. For Prisma errors only the reason is kept (the message's last line:
 * "Raw query failed. Code: … Message: …", "Argument `skip` is missing."), the code, the SQLite
 * code and the stack's frames; other errors are logged as pino does.
 */
export function serializeError(error: Error): SerializedError {
  if (!isPrismaError(error)) return stdSerializers.err(error) as SerializedError;
  const cause = (error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)
    ?.driverAdapterError?.cause;
  const reason = (error.message ?? '').trim().split('\n').at(-1)?.trim() ?? '';
  return {
    type: error.constructor?.name ?? 'PrismaClientError',
    message: reason,
    code: error.code,
    ...(cause?.originalCode ? { sqliteCode: cause.originalCode } : {}),
    stack: (error.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n'),
  };
}

export interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

interface PrismaLikeError {
  message?: string;
  stack?: string;
  code?: string;
  meta?: unknown;
  clientVersion: string;
  constructor?: { name?: string };
}

function isPrismaError(error: unknown): error is PrismaLikeError {
  return (
    error instanceof Error &&
    (typeof (error as { clientVersion?: unknown }).clientVersion === 'string' ||
      error.name.startsWith('PrismaClient'))
  );
}
