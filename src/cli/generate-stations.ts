// npx tsx src/cli/generate-stations.ts [count=200000] [out=data/stations.synthetic.csv] [seed=1]
// Writes a benchmark CSV (source "synthetic-benchmark") that `npm run stations:import` accepts.
import fs from 'node:fs';
import path from 'node:path';
import { generateStations } from '../stations/synthetic/generate-stations.js';

const count = Number(process.argv[2] ?? 200_000);
const out = process.argv[3] ?? 'data/stations.synthetic.csv';
const seed = Number(process.argv[4] ?? 1);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('usage: npx tsx src/cli/generate-stations.ts [count] [out.csv] [seed]');
  process.exit(2);
}
const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
const lines = ['external_id,name,address,lat,lng,amenities,hours,status,source'];
for (const s of generateStations(count, seed)) {
  lines.push(
    [
      s.externalId,
      s.name,
      s.address,
      String(s.lat),
      String(s.lng),
      s.amenities.join('|'),
      JSON.stringify(s.hours),
      s.status,
      s.source,
    ]
      .map(quote)
      .join(','),
  );
}
fs.writeFileSync(out, `${lines.join('\n')}\n`);
console.info(`wrote ${count} synthetic stations to ${out}`);
