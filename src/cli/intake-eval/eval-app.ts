import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../platform/config/config.js';

/**
 * The whole service as the tests build it: its own SQLite database in a temporary directory,
 * migrated, no sample data, no LLM (the eval measures the offline path, the one that is always
 * there), quiet logs.
 */
export async function buildEvalApp(): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongyou-eval-intake-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `file:${path.join(dir, 'eval.db')}`,
    LOG_LEVEL: 'silent',
    SEED_SAMPLE_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  const app = await buildApp(config);
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
