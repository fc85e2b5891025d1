import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/platform/paths.js';

// The shared statute set beside the repository (read-only; never copied into the project).
// A worktree that is not beside ../shared names it with GONGYOU_SHARED_DIR.
const SHARED = process.env.GONGYOU_SHARED_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared');
export const LAWS_DIR = path.join(SHARED, 'data', 'laws');
export const LAWBENCH_FILE = path.join(SHARED, 'data', 'eval', 'lawbench-labor.jsonl');

/**
 * Tests over the real statute texts need ../shared beside the clone. CI has it; on a fresh
 * clone without it they are skipped, and the run says which folder they wanted.
 */
export const HAS_SHARED_LAWS = fs.existsSync(LAWS_DIR);
if (!HAS_SHARED_LAWS) {
  console.warn(
    `statute tests skipped: ${LAWS_DIR} is not there (CI runs them with ../shared beside the clone, or set GONGYOU_SHARED_DIR)`,
  );
}
