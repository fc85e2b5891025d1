import path from 'node:path';
import { PROJECT_ROOT } from '../../src/platform/paths.js';

/** The shared statute set beside the repository (read-only; never copied into the project). */
export const LAWS_DIR = path.resolve(PROJECT_ROOT, '..', 'shared', 'data', 'laws');
export const LAWBENCH_FILE = path.resolve(
  PROJECT_ROOT,
  '..',
  'shared',
  'data',
  'eval',
  'lawbench-labor.jsonl',
);
