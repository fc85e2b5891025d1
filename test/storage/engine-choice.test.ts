import { expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { engineOf } from '../../src/platform/db/database-engine.js';
import { describeOnPostgres, freshPostgresDatabase } from '../helpers/postgres.js';

it('picks the engine from DATABASE_URL, SQLite by default', () => {
  expect(engineOf(loadConfig({}).DATABASE_URL)).toBe('sqlite');
  expect(engineOf('file:./data/gongyou.db')).toBe('sqlite');
  expect(engineOf(loadConfig({ DATABASE_URL: 'postgres://app@db:5432/gongyou' }).DATABASE_URL)).toBe(
    'postgres',
  );
  expect(engineOf('postgresql://app:secret@db/gongyou?sslmode=require')).toBe('postgres');
  expect(() => loadConfig({ DATABASE_URL: 'mysql://app@db/gongyou' })).toThrow(/DATABASE_URL/);
  expect(() => engineOf('mysql://app@db/gongyou')).toThrow(/file: \(SQLite\) or postgres/);
});

describeOnPostgres('an instance on PostgreSQL', () => {
  it('refuses to start without GONGYOU_DATA_KEY (instances must share one key)', async () => {
    const database = await freshPostgresDatabase();
    try {
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
      await expect(buildApp(config).then((app) => app.ready())).rejects.toThrow(
        /GONGYOU_DATA_KEY must be set/,
      );
    } finally {
      await database.drop();
    }
  });
});
