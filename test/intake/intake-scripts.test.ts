import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivePersona, LOOP_AT } from '../../src/cli/intake-eval/drive-persona.js';
import { loadPersonas, type Persona } from '../../src/cli/intake-eval/persona.js';
import { PROJECT_ROOT } from '../../src/platform/paths.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// Every scripted worker the project has: the corpus's training scripts and held-out personas
// (read here only to replay them, when they exist) and this folder's own fixture.
const SCRIPT_FILES = [
  'src/conversation/understanding/corpus/train/intake-scripts.jsonl',
  'src/conversation/understanding/corpus/test/intake-personas.jsonl',
  'test/intake/fixtures/intake-personas.jsonl',
];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

function personasOf(file: string): Persona[] {
  const loaded = loadPersonas(path.join(PROJECT_ROOT, file));
  if (!loaded.ok) throw new Error(loaded.reason);
  return loaded.value;
}

for (const [n, file] of SCRIPT_FILES.entries()) {
  const present = fs.existsSync(path.join(PROJECT_ROOT, file));
  describe(file, () => {
    if (!present) {
      it.skip(`${file} is not there yet: nothing to replay`, () => {});
      return;
    }
    it.each(personasOf(file))(`$id is never asked the same question ${LOOP_AT} times`, async (persona) => {
      const run = await drivePersona(t.app, persona, { userId: `scripts-${n}-${persona.id}` });
      expect(run.loop, run.questions.join(' → ')).toBeUndefined();
    });
  });
}
