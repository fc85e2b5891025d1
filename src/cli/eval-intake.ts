// npm run eval:intake [-- --file <personas.jsonl>] [-- --verbose]
// Plays every scripted persona through the real chat service (its own SQLite database in a
// temporary directory, offline) and prints tickets created, routed to the expected district,
// bot turns per ticket, looping conversations, and the failures.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../platform/paths.js';
import { drivePersona, type PersonaRun } from './intake-eval/drive-persona.js';
import { buildEvalApp } from './intake-eval/eval-app.js';
import { loadPersonas } from './intake-eval/persona.js';
import { formatScore, scoreRuns } from './intake-eval/score-runs.js';

const DEFAULT_FILE = path.join(
  PROJECT_ROOT,
  'src/conversation/understanding/corpus/test/intake-personas.jsonl',
);

const { values } = parseArgs({
  options: { file: { type: 'string' }, verbose: { type: 'boolean', default: false } },
});
const file = path.resolve(values.file ?? DEFAULT_FILE);
if (!fs.existsSync(file)) {
  console.error(
    `No personas at ${file}. Choose a file with --file (e.g. test/intake/fixtures/intake-personas.jsonl).`,
  );
  process.exit(2);
}
const personas = loadPersonas(file);
if (!personas.ok) {
  console.error(personas.reason);
  process.exit(2);
}

const { app, close } = await buildEvalApp();
const runs: PersonaRun[] = [];
try {
  for (const persona of personas.value) {
    const run = await drivePersona(app, persona);
    runs.push(run);
    if (values.verbose) console.info(`${run.id}: ${run.turns} turns, ${run.questions.join(' → ')}`);
  }
} finally {
  await close();
}
console.info(formatScore(path.relative(process.cwd(), file), scoreRuns(runs)));
