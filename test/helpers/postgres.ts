import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * Tests on a real PostgreSQL run when TEST_POSTGRES_URL names a server whose role may create
 * databases (`.ci/start-postgres.sh` starts one and prints its URL). Each test gets a database
 * of its own, dropped after; without the variable these tests skip and their title says why.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL;

/** `describe` that runs only with TEST_POSTGRES_URL set, and says so in its title when skipped. */
export function describeOnPostgres(name: string, body: () => void): void {
  if (TEST_POSTGRES_URL) describe(`${name} (PostgreSQL)`, body);
  else describe.skip(`${name} (PostgreSQL: set TEST_POSTGRES_URL, e.g. from .ci/start-postgres.sh)`, body);
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_POSTGRES_URL) throw new Error('TEST_POSTGRES_URL is not set');
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database on the test server, named at random. */
export async function freshPostgresDatabase(): Promise<FreshDatabase> {
  const name = `gongyou_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(TEST_POSTGRES_URL as string, name),
    // FORCE: a pool the test left open must not keep its database alive.
    drop: async () => {
      // An autovacuum worker busy on the new database can refuse FORCE (on a server where the
      // test role may not signal it): it finishes within moments, so try again a few times.
      for (let attempt = 1; ; attempt++) {
        try {
          await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
          return;
        } catch (error) {
          if (attempt >= 10 || !/pg_signal_backend|being accessed by other users/.test(String(error)))
            throw error;
          await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
        }
      }
    },
  };
}

/** A fixed key for tests: PostgreSQL requires GONGYOU_DATA_KEY (no key file beside a server). */
export const TEST_DATA_KEY = 'ab'.repeat(32);

/** The whole app on a fresh PostgreSQL database, migrated; close() also drops the database. */
export async function createPostgresTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await freshPostgresDatabase();
  try {
    const t = await createTestApp({ GONGYOU_DATA_KEY: TEST_DATA_KEY, ...env, DATABASE_URL: database.url });
    return {
      ...t,
      databaseUrl: database.url,
      async close() {
        await t.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
