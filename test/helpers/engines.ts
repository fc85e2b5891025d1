import { describe } from 'vitest';
import { createPostgresTestApp, TEST_DATA_KEY, TEST_POSTGRES_URL } from './postgres.js';
import { createTestApp, type TestApp } from './test-app.js';

export interface Engine {
  name: 'SQLite' | 'PostgreSQL';
  /** The whole app on a fresh database of this engine. */
  createApp(env?: Record<string, string>): Promise<TestApp>;
  /** The environment of a second instance on the same database as `t`. */
  sameDatabase(t: TestApp): Record<string, string>;
}

const sqlite: Engine = {
  name: 'SQLite',
  createApp: (env) => createTestApp(env),
  sameDatabase: (t) => ({ DATABASE_URL: t.databaseUrl }),
};
const postgres: Engine = {
  name: 'PostgreSQL',
  createApp: (env) => createPostgresTestApp(env),
  sameDatabase: (t) => ({ DATABASE_URL: t.databaseUrl, GONGYOU_DATA_KEY: TEST_DATA_KEY }),
};

/**
 * The same tests on each engine: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set (and
 * otherwise listed as skipped, with the variable it needs in its title).
 */
export function describeOnEachEngine(name: string, body: (engine: Engine) => void): void {
  describe(`${name} [SQLite]`, () => body(sqlite));
  if (TEST_POSTGRES_URL) describe(`${name} [PostgreSQL]`, () => body(postgres));
  else
    describe.skip(`${name} [PostgreSQL: set TEST_POSTGRES_URL, e.g. from .ci/start-postgres.sh]`, () =>
      body(postgres));
}
