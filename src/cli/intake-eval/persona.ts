import fs from 'node:fs';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';
import type { Result } from '../../platform/result.js';

/**
 * A scripted worker (docs: the corpus label spec, "intake scripts / personas"): an opening
 * message, how they answer each question the intake may ask, and where the ticket should go.
 */
export const PersonaSchema = Type.Object({
  id: Type.String({ minLength: 1 }),
  lang: Type.Union([Type.Literal('zh'), Type.Literal('en')]),
  opening: Type.String({ minLength: 1 }),
  answers: Type.Record(Type.String(), Type.String()),
  expect: Type.Object({
    province: Type.Optional(Type.String()),
    city: Type.Optional(Type.String()),
    district: Type.Optional(Type.String()),
    industry: Type.Optional(Type.String()),
  }),
});
export type Persona = Static<typeof PersonaSchema>;

/** Every persona of a JSONL file; a line that does not fit is an error naming the line. */
export function loadPersonas(file: string): Result<Persona[]> {
  const personas: Persona[] = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return { ok: false, reason: `${file}:${i + 1}: not JSON` };
    }
    if (!Value.Check(PersonaSchema, raw)) {
      const first = [...Value.Errors(PersonaSchema, raw)][0];
      return { ok: false, reason: `${file}:${i + 1}: ${first?.instancePath || '/'} ${first?.message}` };
    }
    personas.push(raw);
  }
  return { ok: true, value: personas };
}
