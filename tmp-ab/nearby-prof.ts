import fs from 'node:fs';
import inspector from 'node:inspector/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config/config.js';
import { applyMigrations } from '../src/platform/db/migrate.js';
import { generateStations } from '../src/stations/synthetic/generate-stations.js';
import { autocannon } from '../bench/autocannon-run.js';

const dbFile = '/tmp/mem/stations-200k.db';
if (!fs.existsSync(dbFile)) {
  const stations = generateStations(200_000, 1);
  applyMigrations(dbFile);
  const db = new Database(dbFile);
  const insert = db.prepare(`INSERT INTO Station (id, externalId, name, address, lat, lng, regionCode, amenities, hours, status, source, updatedAt) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`);
  const now = new Date().toISOString();
  db.transaction(() => { for (const s of stations) insert.run(s.id, s.externalId, s.name, s.address, s.lat, s.lng, JSON.stringify(s.amenities), JSON.stringify(s.hours), s.status, s.source, now); })();
  db.close();
}
const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: 'silent', SEED_SAMPLE_DATA: 'false', RATE_LIMIT_PER_MINUTE: '1000000000' });
const app = await buildApp(config);
app.get('/bench/bare', async (request) => {
  const q = request.query as { lat: string; lng: string };
  return { ids: app.stations.index.nearest(Number(q.lat), Number(q.lng), { limit: 5 }).map((s) => s.id) };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const full = `${address}/api/stations/nearby?lat=31.2304&lng=121.4737&coord=wgs84&limit=5`;
const bare = `${address}/bench/bare?lat=31.2304&lng=121.4737`;
const first = await (await fetch(full)).text();
if (process.env.SAVE_ANSWER) fs.writeFileSync(process.env.SAVE_ANSWER, first.replace(/"openNow":(true|false)/g, '"openNow":_'));
await autocannon(bare, 2);
await autocannon(full, 2);
const rounds = Number(process.env.ROUNDS ?? 3);
const b: number[] = []; const f: number[] = [];
for (let i = 0; i < rounds; i++) {
  b.push((await autocannon(bare, 4)).requests.average);
  f.push((await autocannon(full, 4)).requests.average);
}
const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
console.log(`bare ${b.map(Math.round).join(',')} full ${f.map(Math.round).join(',')} ratio ${(100 * mean(f) / mean(b)).toFixed(1)}%`);
if (process.env.PROFILE) {
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await autocannon(full, 5);
  const { profile } = await session.post('Profiler.stop');
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const s of profile.samples ?? []) counts.set(s, (counts.get(s) ?? 0) + 1);
  let total = 0;
  for (const [id, c] of counts) {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/')}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + c);
    total += c;
  }
  // inclusive for our own src functions
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, c] of counts) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/')}:${n.callFrame.lineNumber}`;
      if (seen.has(key)) continue; seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + c);
    }
  }
  console.log('self top:');
  [...self].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log((100 * v / total).toFixed(1).padStart(6), k));
  console.log('inclusive (src/fastify):');
  [...incl].filter(([k]) => /src\/|fastify|find-my-way|rate-limit|pino/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([k, v]) => console.log((100 * v / total).toFixed(1).padStart(6), k));
}
await app.close();
