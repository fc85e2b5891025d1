import fastJson from 'fast-json-stringify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config/config.js';
import { NearbyResponseSchema } from '../src/stations/routes/nearby-schemas.js';

const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'file:/tmp/mem/stations-200k.db', LOG_LEVEL: 'silent', SEED_SAMPLE_DATA: 'false', RATE_LIMIT_PER_MINUTE: '1000000000' });
const app = await buildApp(config);
app.get('/bench/bare', async (request) => {
  const q = request.query as { lat: string; lng: string };
  return { ids: app.stations.index.nearest(Number(q.lat), Number(q.lng), { limit: 5 }).map((s) => s.id) };
});
await app.ready();
const time = (label: string, n: number, fn: () => unknown) => {
  for (let i = 0; i < n / 5; i++) fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(label.padEnd(40), (((performance.now() - t) * 1000) / n).toFixed(1), 'µs');
};
const timeAsync = async (label: string, n: number, fn: () => Promise<unknown>) => {
  for (let i = 0; i < n / 5; i++) await fn();
  const t = performance.now();
  for (let i = 0; i < n; i++) await fn();
  console.log(label.padEnd(40), (((performance.now() - t) * 1000) / n).toFixed(1), 'µs');
};
const full = '/api/stations/nearby?lat=31.2304&lng=121.4737&coord=wgs84&limit=5';
const bare = '/bench/bare?lat=31.2304&lng=121.4737';
const body = (await app.inject(full)).json();
for (let r = 0; r < 2; r++) {
  await timeAsync('inject bare', 4000, () => app.inject(bare));
  await timeAsync('inject nearby', 4000, () => app.inject(full));
  const { toGcj02 } = await import('../src/stations/geo/coords.js');
  time('toGcj02', 20000, () => toGcj02(31.2304, 121.4737, 'wgs84'));
  time('stations.nearby', 5000, () => app.stations.nearby({ lat: 31.228, lng: 121.478, limit: 5, originName: '我的位置' }));
  time('app.t(zh)(myLocation)', 20000, () => app.t('zh-CN' as never)('stations:myLocation'));
  time('index.nearest only', 20000, () => app.stations.index.nearest(31.228, 121.478, { limit: 5 }));
  const ser = fastJson(NearbyResponseSchema as never);
  time('fast-json-stringify', 5000, () => ser(body));
  time('JSON.stringify', 5000, () => JSON.stringify(body));
  const s = JSON.stringify(body);
  time('Buffer.byteLength utf8', 20000, () => Buffer.from(s));
}
await app.close();
