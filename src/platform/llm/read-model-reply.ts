import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { maskPersonalData } from '../privacy/mask-personal-data.js';

/**
 * The worker's words as a model may see them: phone and ID numbers masked, a known name
 * replaced, anything posing as a chat-role tag removed, and no more than 1,000 characters.
 */
export function messageForModel(text: string, name?: string): string {
  let safe = maskPersonalData(text);
  if (name) safe = safe.split(name).join('[姓名]');
  return safe.replace(/<\s*\/?\s*(?:message|system|user|assistant)\b[^>]*>/gi, ' ').slice(0, 1000);
}

/**
 * The JSON object in a model's reply, if it fits `schema`; undefined for prose, broken JSON or
 * the wrong shape. With `clean`, keys the schema does not name are dropped first.
 */
export function readJsonReply<T extends TSchema>(
  text: string,
  schema: T,
  options: { clean?: boolean } = {},
): import('typebox').Static<T> | undefined {
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (!json) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const value = options.clean ? Value.Clean(schema, parsed) : parsed;
  return Value.Check(schema, value) ? value : undefined;
}
