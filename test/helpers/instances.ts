import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { freshPostgresDatabase } from './postgres.js';
import { tempDir } from './test-app.js';

/** The database engine both instances share. */
export type InstanceEngine = 'SQLite' | 'PostgreSQL';

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
   * The database both instances share. Default: a fresh one of `engine`: a new SQLite file (WAL)
   * in a temporary folder, or a new database on TEST_POSTGRES_URL's server, dropped on close.
   */
  databaseUrl?: string;
  /** Default SQLite. */
  engine?: InstanceEngine;
  env?: Record<string, string>;
}

/**
 * Two whole instances of the service in this process, each listening on its own loopback port,
 * sharing one database and one Redis, as two containers behind the balancer do. Each call gets
 * its own Redis prefix, so test files running at once do not hear each other.
 */
export async function startInstances(options: InstancesOptions): Promise<Instances> {
  const postgres =
    !options.databaseUrl && options.engine === 'PostgreSQL' ? await freshPostgresDatabase() : undefined;
  const dir = options.databaseUrl || postgres ? undefined : tempDir('gongyou-instances-');
  const databaseUrl = options.databaseUrl ?? postgres?.url ?? `file:${path.join(dir as string, 'shared.db')}`;
  const cleanUp = async () => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  };
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
  const a = await start().catch(async (err) => {
    await cleanUp();
    throw err;
  });
  const b = await start().catch(async (err) => {
    await a.app.close();
    await cleanUp();
    throw err;
  });
  return {
    a,
    b,
    databaseUrl,
    async close() {
      await Promise.allSettled([a.app.close(), b.app.close()]);
      await cleanUp();
    },
  };
}
