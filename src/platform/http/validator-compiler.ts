import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const COMMON: Options = { useDefaults: true, removeAdditional: false, allErrors: false, strict: false };

/**
 * Query strings and params are text, so they are coerced ("20" → 20). Bodies are JSON and
 * keep their types: `{"text": 42}` is a client bug to report, not a string to guess at.
 */
export function registerValidatorCompiler(app: FastifyInstance): void {
  const coercing = addFormats.default(new Ajv.default({ ...COMMON, coerceTypes: 'array' }));
  const strictTypes = addFormats.default(new Ajv.default({ ...COMMON, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strictTypes.compile(schema) : coercing.compile(schema),
  );
}
