// The server processes the instances bench measures: `src/server.ts` as deployed, each its own
// Node process, on a SQLite file or on one PostgreSQL database shared through one Redis.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freshPostgresDatabase } from '../../test/helpers/postgres.js';
import { type ServerProcess, startServerProcess } from '../../test/helpers/server-process.js';
import { tempDir } from '../../test/helpers/test-app.js';

const common = (key: string) => ({
  SEED_SAMPLE_DATA: 'true',
  RATE_LIMIT_PER_MINUTE: '100000000',
  // Every instance of a deployment has the same key; PostgreSQL requires it to be given.
  GONGYOU_DATA_KEY: key,
});

export interface BenchInstances {
  sqlite: ServerProcess;
  /** Two instances on one fresh PostgreSQL database and one Redis (own key prefix). */
  postgres: [ServerProcess, ServerProcess];
  stop(): Promise<void>;
}

async function stopAll(servers: ServerProcess[]): Promise<void> {
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => server.exited));
}

export async function startBenchInstances(redisUrl: string): Promise<BenchInstances> {
  const key = randomBytes(32).toString('hex');
  const dir = tempDir('gongyou-bench-instances-');
  const database = await freshPostgresDatabase();
  const started: ServerProcess[] = [];
  const cleanUp = async () => {
    await stopAll(started);
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const shared = { ...common(key), DATABASE_URL: database.url, REDIS_URL: redisUrl };
    const prefix = { REDIS_PREFIX: `gongyou-bench-${randomBytes(4).toString('hex')}:` };
    // The first PostgreSQL instance applies the migrations; the second starts after it.
    const [sqlite, first] = await Promise.all([
      startServerProcess({ ...common(key), DATABASE_URL: `file:${path.join(dir, 'bench.db')}` }),
      startServerProcess({ ...shared, ...prefix }),
    ]);
    started.push(sqlite, first);
    const second = await startServerProcess({ ...shared, ...prefix });
    started.push(second);
    return { sqlite, postgres: [first, second], stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
