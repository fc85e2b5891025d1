// GET /api/stations/nearby beside the bare k-NN route of bench/stations.bench.ts (the same app,
// the same 200,000 stations), then, with PROFILE=1, a CPU profile of the nearby route under
// autocannon: self time per function, and inclusive time of the project's and Fastify's own.
//   node --import tsx bench/nearby-profile.ts            (ROUNDS=3; SAVE_ANSWER=file keeps the answer)
import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config/config.js';
import { applyMigrations } from '../src/platform/db/migrate.js';
import { generateStations } from '../src/stations/synthetic/generate-stations.js';
import { tempDir } from '../test/helpers/test-app.js';
import { autocannon } from './autocannon-run.js';

const dir = tempDir('gongyou-nearby-profile-');
const dbFile = path.join(dir, 'stations.db');
applyMigrations(dbFile);
const db = new Database(dbFile);
const insert = db.prepare(
  `INSERT INTO Station (id, externalId, name, address, lat, lng, regionCode, amenities, hours, status, source, updatedAt)
   VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
);
const now = new Date().toISOString();
db.transaction(() => {
  for (const s of generateStations(200_000, 1)) {
    insert.run(
      s.id,
      s.externalId,
      s.name,
      s.address,
      s.lat,
      s.lng,
      JSON.stringify(s.amenities),
      JSON.stringify(s.hours),
      s.status,
      s.source,
      now,
    );
  }
})();
db.close();

const config = loadConfig({
  NODE_ENV: 'production',
  DATABASE_URL: `file:${dbFile}`,
  LOG_LEVEL: 'silent',
  SEED_SAMPLE_DATA: 'false',
  RATE_LIMIT_PER_MINUTE: '1000000000',
});
const app = await buildApp(config);
app.get('/bench/bare', async (request) => {
  const q = request.query as { lat: string; lng: string };
  return { ids: app.stations.index.nearest(Number(q.lat), Number(q.lng), { limit: 5 }).map((s) => s.id) };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const full = `${address}/api/stations/nearby?lat=31.2304&lng=121.4737&coord=wgs84&limit=5`;
const bare = `${address}/bench/bare?lat=31.2304&lng=121.4737`;
const answer = await (await fetch(full)).text();
// openNow follows the clock: masked, so two runs' answers can be compared byte for byte.
if (process.env.SAVE_ANSWER)
  fs.writeFileSync(process.env.SAVE_ANSWER, answer.replace(/"openNow":(true|false)/g, '"openNow":_'));
await autocannon(bare, 2);
await autocannon(full, 2);
const bareRates: number[] = [];
const fullRates: number[] = [];
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  bareRates.push((await autocannon(bare, 4)).requests.average);
  fullRates.push((await autocannon(full, 4)).requests.average);
}
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
console.info(
  `bare ${bareRates.map(Math.round).join(', ')} req/s; nearby ${fullRates.map(Math.round).join(', ')} req/s; ` +
    `nearby ${((100 * mean(fullRates)) / mean(bareRates)).toFixed(1)}% of bare`,
);

if (process.env.PROFILE === '1') {
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await autocannon(full, 5);
  const { profile } = await session.post('Profiler.stop');
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (id: number) => {
    const frame = (byId.get(id) as inspector.Profiler.ProfileNode).callFrame;
    const file = frame.url.replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/');
    return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (const id of samples) {
    self.set(name(id), (self.get(name(id)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(at);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
    }
  }
  const print = (rows: Map<string, number>, keep: (key: string) => boolean, count: number) => {
    for (const [key, n] of [...rows]
      .filter(([key]) => keep(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)) {
      console.info(`${((100 * n) / samples.length).toFixed(1).padStart(6)} % ${key}`);
    }
  };
  console.info('self time:');
  print(self, () => true, 30);
  console.info('inclusive, the project and Fastify:');
  print(inclusive, (key) => /src\/|fastify|find-my-way/.test(key), 40);
}
await app.close();
fs.rmSync(dir, { recursive: true, force: true });
