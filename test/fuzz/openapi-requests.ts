import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { deepJson, hostileString, hostileValue } from './hostile-values.js';

// Requests for every route of the OpenAPI document: parameters and bodies shaped by each route's
// schema, then bent (hostile values, wrong types, missing and extra fields, huge and deep bodies,
// multipart without parts or boundary).

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  minimum?: number;
  maximum?: number;
};

export interface FuzzTarget {
  method: InjectOptions['method'];
  path: string;
  parameters: { in: 'path' | 'query' | 'header'; name: string; schema: Schema }[];
  body?: Schema;
  multipart: boolean;
  /** Staff-only (the document says which by security or by path). */
  staff: boolean;
  miniprogram: boolean;
}

interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: FuzzTarget['parameters']; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
}

export function targetsFrom(doc: unknown): FuzzTarget[] {
  const targets: FuzzTarget[] = [];
  for (const [path, operations] of Object.entries((doc as OpenApiDoc).paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      targets.push({
        method: method.toUpperCase() as FuzzTarget['method'],
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content['application/json']?.schema,
        multipart: /\/(?:image|attachments)$/.test(path) && method === 'post',
        // Logout is fuzzed signed out: signed in, it would end the session the other routes use.
        staff: path.startsWith('/api/staff/') && path !== '/api/staff/login' && path !== '/api/staff/logout',
        miniprogram: path.startsWith('/api/mp/') && path !== '/api/mp/login',
      });
    }
  }
  return targets;
}

/** A value for a schema: mostly plausible, often hostile. */
export function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostileValue;
  const plausible = plausibleFor(schema, depth);
  return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: hostileValue });
}

function plausibleFor(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf?.length) return fc.oneof(...schema.anyOf.map((s) => valueFor(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return hostileString;
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 });
    case 'object': {
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      const record = fc.record(
        Object.fromEntries(keys.map((key) => [key, valueFor(properties[key], depth + 1)])),
        { requiredKeys: keys.filter((key) => schema.required?.includes(key) && key.length > 0) },
      );
      return fc
        .tuple(record, fc.option(fc.tuple(hostileString, hostileValue)))
        .map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
    }
    default:
      return hostileValue;
  }
}

/** A path segment: a real id sometimes, a hostile one mostly. */
function segment(known: string[]): fc.Arbitrary<string> {
  const raw = known.length ? fc.oneof(fc.constantFrom(...known), hostileString) : hostileString;
  return raw.map((value) => {
    try {
      return encodeURIComponent(value) || '%20';
    } catch {
      return '%ED%A0%80'; // a lone surrogate, as bytes
    }
  });
}

const stringify = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

const multipartBody = fc.oneof(
  fc.constant({ type: 'multipart/form-data', payload: 'no boundary at all' }),
  fc.constant({
    type: 'multipart/form-data; boundary=xyz',
    payload:
      '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nabc',
  }),
  fc.constant({ type: 'multipart/form-data; boundary=xyz', payload: '--xyz--\r\n' }),
  fc
    .tuple(hostileString, fc.constantFrom('image/png', 'image/jpeg', 'text/html', 'application/pdf', ''))
    .map(([name, mime]) => ({
      type: 'multipart/form-data; boundary=b0undary',
      payload: `--b0undary\r\nContent-Disposition: form-data; name="file"; filename="${name.replace(/[\r\n"]/g, '')}"\r\nContent-Type: ${mime}\r\n\r\n\u0089PNG fake\r\n--b0undary--\r\n`,
    })),
);

const jsonBody = (schema: Schema | undefined) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: valueFor(schema).map((value) => ({
        type: 'application/json',
        payload: JSON.stringify(value) ?? 'null',
      })),
    },
    { weight: 1, arbitrary: deepJson.map((payload) => ({ type: 'application/json', payload })) },
    {
      weight: 1,
      arbitrary: fc.constant({ type: 'application/json', payload: `{"text":"${'长'.repeat(150_000)}"}` }),
    },
    { weight: 1, arbitrary: hostileString.map((payload) => ({ type: 'application/json', payload })) },
    { weight: 1, arbitrary: hostileString.map((payload) => ({ type: 'text/plain', payload })) },
  );

export interface Credentials {
  staff: Record<string, string>;
  miniprogram: Record<string, string>;
}

/** Requests for one route; `known` are real ids to put in path segments now and then. */
export function requestsFor(
  target: FuzzTarget,
  credentials: Credentials,
  known: string[],
): fc.Arbitrary<InjectOptions> {
  const pathParams = target.parameters.filter((p) => p.in === 'path');
  const queryParams = target.parameters.filter((p) => p.in === 'query');
  const auth = fc.constantFrom<Record<string, string>>(
    {},
    ...(target.staff ? [credentials.staff, credentials.staff, credentials.staff] : []),
    ...(target.miniprogram ? [credentials.miniprogram, credentials.miniprogram] : []),
    { authorization: 'Bearer forged-token' },
  );
  const query = fc.record(
    Object.fromEntries(queryParams.map((p) => [p.name, valueFor(p.schema).map(stringify)])),
    { requiredKeys: [] },
  );
  const segments = fc.tuple(...pathParams.map(() => segment(known)));
  const body =
    target.method === 'GET' || target.method === 'DELETE'
      ? fc.constant(undefined)
      : target.multipart
        ? multipartBody
        : jsonBody(target.body);
  return fc.tuple(auth, query, segments, body).map(([headers, q, values, content]) => {
    let url = target.path;
    pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, values[i] ?? 'x');
    });
    const search = new URLSearchParams(q as Record<string, string>).toString();
    return {
      method: target.method,
      url: search ? `${url}?${search}` : url,
      headers: { ...headers, ...(content ? { 'content-type': content.type } : {}) },
      ...(content ? { payload: content.payload } : {}),
    } satisfies InjectOptions;
  });
}
