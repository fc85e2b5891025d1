import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';

// strictNumbers: without it Ajv takes Infinity and NaN (a query's "Infinity" coerces to one) as
// numbers and even as integers, and they reach Prisma as an offset.
const COMMON: Options = {
  useDefaults: true,
  removeAdditional: false,
  allErrors: false,
  strict: false,
  strictNumbers: true,
};

/**
 * Query strings and params are text, so they are coerced ("20" → 20). Bodies are JSON and
 * keep their types: `{"text": 42}` is a client bug to report, not a string to guess at.
 * Every integer is held to the database's Int range (32 bits, what Prisma's `Int`, `skip` and
 * `take` take) unless its schema says narrower: 1e308 is an "integer" to JSON Schema, but no
 * count, offset or amount here can be one, and past that range Prisma throws.
 */
export function registerValidatorCompiler(app: FastifyInstance): void {
  const coercing = withFiniteKeyword(
    addFormats.default(new Ajv.default({ ...COMMON, coerceTypes: 'array' })),
  );
  const strictTypes = withFiniteKeyword(
    addFormats.default(new Ajv.default({ ...COMMON, coerceTypes: false })),
  );
  app.setValidatorCompiler(({ schema, httpPart }) =>
    onFirstUse(() =>
      httpPart === 'body'
        ? strictTypes.compile(withSafeIntegers(schema))
        : coercing.compile(withSafeIntegers(schema)),
    ),
  );
}

type Validate = ((data: unknown) => boolean) & { errors?: FastifySchemaValidationError[] | null };

/**
 * Compile a route's schema on its first request rather than at start: compiling every route's
 * schemas took about 0.4 s of a start (most routes are the console's, rarely called right away).
 * Fastify reads `errors` from the function it was given, so they are copied onto it.
 */
function onFirstUse(compile: () => Validate): Validate {
  let compiled: Validate | undefined;
  const validate: Validate = (data) => {
    compiled ??= compile();
    const ok = compiled(data);
    validate.errors = compiled.errors;
    return ok;
  };
  return validate;
}

const INT_MAX = 2_147_483_647;
const INT_MIN = -2_147_483_648;

/**
 * `finite`: Ajv checks strictNumbers before coercing a query string but not after, and skips
 * minimum/maximum for non-finite numbers, so "Infinity" coerced to Infinity passes every bound.
 */
function withFiniteKeyword(ajv: Ajv.default): Ajv.default {
  return ajv.addKeyword({
    keyword: FINITE,
    schemaType: 'boolean',
    errors: false,
    validate: (wanted: boolean, data: unknown) =>
      !wanted || typeof data !== 'number' || Number.isFinite(data),
  });
}

const FINITE = 'finite';

/**
 * A copy of the schema in which every number must be finite and every integer without bounds
 * gets the database's.
 */
export function withSafeIntegers<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withSafeIntegers) as T;
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = withSafeIntegers(value);
  const type = copy.type;
  const isType = (name: string) => type === name || (Array.isArray(type) && type.includes(name));
  if (isType('number') || isType('integer')) copy[FINITE] = true;
  if (isType('integer')) {
    if (copy.maximum === undefined && copy.exclusiveMaximum === undefined) copy.maximum = INT_MAX;
    if (copy.minimum === undefined && copy.exclusiveMinimum === undefined) copy.minimum = INT_MIN;
  }
  return copy as T;
}
