import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { tempDir } from './test-app.js';

export interface Instance {
  app: FastifyInstance;
  /** http://127.0.0.1:port */
  http: string;
  /** ws://127.0.0.1:port */
  ws: string;
}

export interface Instances {
  a: Instance;
  b: Instance;
  databaseUrl: string;
  close(): Promise<void>;
}

export interface InstancesOptions {
  /** Without it the two share only the database (no live frames between them). */
  redisUrl?: string;
  /**
   * The database both instances share. Default: a new SQLite file (WAL) in a temporary folder;
   * a PostgreSQL URL works the same once the app speaks it.
   */
  databaseUrl?: string;
  env?: Record<string, string>;
}

/**
 * Two whole instances of the service in this process, each listening on its own loopback port,
 * sharing one database and one Redis, as two containers behind the balancer do. Each call gets
 * its own Redis prefix, so test files running at once do not hear each other.
 */
export async function startInstances(options: InstancesOptions): Promise<Instances> {
  const dir = options.databaseUrl ? undefined : tempDir('gongyou-instances-');
  const databaseUrl = options.databaseUrl ?? `file:${path.join(dir as string, 'shared.db')}`;
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    SEED_SAMPLE_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
    // One key for both, as a deployment hands every instance the same secret.
    GONGYOU_DATA_KEY: randomBytes(32).toString('hex'),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    REDIS_PREFIX: `gongyou-test-${randomBytes(4).toString('hex')}:`,
    ...options.env,
  };
  const start = async (): Promise<Instance> => {
    const app = await buildApp(loadConfig(env));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    return { app, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}` };
  };
  // One after the other: the first applies the migrations, the second finds them applied.
  const a = await start();
  const b = await start().catch(async (err) => {
    await a.app.close();
    throw err;
  });
  return {
    a,
    b,
    databaseUrl,
    async close() {
      await Promise.allSettled([a.app.close(), b.app.close()]);
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
