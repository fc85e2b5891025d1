import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { loadSampleStations } from '../../src/stations/sample/load-sample.js';
import { tempDir } from '../helpers/test-app.js';

let app: FastifyInstance | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The app as server.ts builds it: the station index is left to build after listening. */
async function deferredApp(): Promise<FastifyInstance> {
  dir = tempDir('gongyou-warm-');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `file:${path.join(dir, 'test.db')}`,
    LOG_LEVEL: 'silent',
    SEED_SAMPLE_DATA: 'false',
  });
  app = await buildApp(config, { warmUpAfterListen: true });
  await app.ready();
  // The stations a server would have in its database before it starts.
  await loadSampleStations(app.stationRepo);
  return app;
}

const readyz = async (a: FastifyInstance) => (await a.inject({ method: 'GET', url: '/readyz' })).json();

describe('station index warm-up after listening', () => {
  it('/readyz says stations: warming until the index is built, then ready', async () => {
    const a = await deferredApp();
    expect(await readyz(a)).toEqual({ status: 'ready', stations: 'warming' });
    const index = await a.stations.warmUp();
    expect(index.size).toBeGreaterThan(20);
    expect(await readyz(a)).toEqual({ status: 'ready', stations: 'ready' });
  });

  it('a search during the warm-up finishes it and answers from every station', async () => {
    const a = await deferredApp();
    expect(a.stations.state).toBe('warming');
    const response = await a.inject({
      method: 'GET',
      url: '/api/stations/nearby?lat=39.9087&lng=116.4605&coord=gcj02&limit=3',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().stations[0].name).toBe('国贸CBD户外劳动者服务站');
    expect(a.stations.state).toBe('ready');
    expect(await readyz(a)).toEqual({ status: 'ready', stations: 'ready' });
  });
});
