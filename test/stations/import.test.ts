import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStations } from '../../src/stations/import/import-stations.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const HEADER = 'external_id,name,address,lat,lng,amenities,hours,phone,status,source';
const CSV = [
  HEADER,
  'a-1,测试驿站一,上海市浦东新区张江镇测试路1号,31.2043,121.5902,water|microwave,24h,,open,test',
  'a-2,测试驿站二,上海市徐汇区测试路2号,31.1952,121.4372,water,daily 08:00-20:00,021-12345678,open,test',
  'a-3,,上海市某区,31.2,121.4,water,24h,,open,test', // line 4: no name
  'a-4,坏坐标,巴黎,48.85,2.35,water,24h,,open,test', // line 5: outside China
  '"a-5","多行地址","上海市黄浦区', // line 6: a quoted address over two lines
  '测试路5号",31.23,121.47,sauna,8am-8pm,12345,maybe,test', // unknown amenity, bad hours, bad phone, bad status
  'a-1,重复编号,上海市浦东新区,31.2,121.5,water,24h,,open,test', // line 8: duplicate id
  'a-9,列数不对,上海市,31.2', // line 9: short row
].join('\n');

describe('station import', () => {
  it('imports the good rows and reports every bad row with its line number and reasons', async () => {
    const result = await importStations(t.app.stationRepo, 'stations.csv', CSV, 'gcj02');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = result.value;
    expect(report).toMatchObject({ rows: 7, valid: 2, created: 2, updated: 0 });
    const byLine = Object.fromEntries(report.errors.map((e) => [e.line, e.reasons.join('; ')]));
    expect(Object.keys(byLine).map(Number)).toEqual([4, 5, 6, 8, 9]);
    expect(byLine[4]).toMatch(/name is missing/);
    expect(byLine[5]).toMatch(/outside China/);
    expect(byLine[6]).toMatch(/unknown amenity "sauna"/);
    expect(byLine[6]).toMatch(/not a time range/);
    expect(byLine[6]).toMatch(/phone "12345"/);
    expect(byLine[6]).toMatch(/status "maybe"/);
    expect(byLine[8]).toMatch(/a-1 already used at line 2/);
    expect(byLine[9]).toMatch(/has 4 fields, the header has 10/);

    const stored = await t.app.prisma.station.findUnique({ where: { externalId: 'a-1' } });
    expect(stored).toMatchObject({ name: '测试驿站一', regionCode: '310115125', source: 'test' });
  });

  it('upserts by external id: importing again updates rather than duplicates', async () => {
    const changed = CSV.replace('测试驿站二', '测试驿站二（改名）');
    const result = await importStations(t.app.stationRepo, 'stations.csv', changed, 'gcj02');
    expect(result.ok && result.value).toMatchObject({ created: 0, updated: 2 });
    expect(await t.app.prisma.station.count({ where: { externalId: { startsWith: 'a-' } } })).toBe(2);
    const row = await t.app.prisma.station.findUnique({ where: { externalId: 'a-2' } });
    expect(row?.name).toBe('测试驿站二（改名）');
  });

  it('converts WGS-84 GeoJSON points to GCJ-02 and names features by line', async () => {
    const geojson = JSON.stringify(
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: 'g-1',
            geometry: { type: 'Point', coordinates: [116.397477, 39.908692] },
            properties: { name: '天安门测试站', address: '北京市东城区测试', hours: '24h', source: 'test' },
          },
          {
            type: 'Feature',
            geometry: { type: 'LineString', coordinates: [] },
            properties: { external_id: 'g-2' },
          },
        ],
      },
      null,
      2,
    );
    const result = await importStations(t.app.stationRepo, 'stations.geojson', geojson, 'wgs84');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.created).toBe(1);
    expect(result.value.errors[0]?.where).toMatch(/^feature 2 \(line \d+\)$/);
    expect(result.value.errors[0]?.reasons.join()).toMatch(/not a Point/);
    const row = await t.app.prisma.station.findUnique({ where: { externalId: 'g-1' } });
    // Stored in GCJ-02: shifted about 600 m east of the WGS-84 input.
    expect(row!.lng - 116.397477).toBeGreaterThan(0.005);
    expect(row!.regionCode).toBe('110101');
  });

  it('refuses unreadable files as a whole with a reason', async () => {
    expect(await importStations(t.app.stationRepo, 'x.txt', 'hello', 'gcj02')).toEqual({
      ok: false,
      reason: expect.stringMatching(/use \.csv or \.geojson/),
    });
    const noColumns = await importStations(t.app.stationRepo, 'x.csv', 'name,address\nA,B\n', 'gcj02');
    expect(noColumns).toEqual({
      ok: false,
      reason: expect.stringMatching(/lacks column\(s\): external_id, lat, lng, hours/),
    });
    expect(await importStations(t.app.stationRepo, 'x.geojson', '{"type":"Point"}', 'gcj02')).toEqual({
      ok: false,
      reason: expect.stringMatching(/FeatureCollection/),
    });
  });

  it('reloads the index from the database, leaving out (and logging) a row that no longer parses', async () => {
    await t.app.prisma.station.create({
      data: {
        externalId: 'broken-1',
        name: '坏数据',
        address: '上海市',
        lat: 31.2,
        lng: 121.4,
        hours: '{"always":"yes"}',
        source: 'test',
      },
    });
    const total = await t.app.prisma.station.count();
    const index = await t.app.stations.reload();
    expect(index.size).toBe(total - 1);
    expect(index.stations.some((s) => s.externalId === 'broken-1')).toBe(false);
    expect(index.stations.some((s) => s.externalId === 'a-1')).toBe(true);
    expect(t.logs.some((line) => line.includes('broken-1') && line.includes('station row skipped'))).toBe(
      true,
    );
  });

  it('runs as npm run stations:import, printing the summary and bad lines', async () => {
    const file = path.join(t.dir, 'cli.csv');
    fs.writeFileSync(file, CSV);
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: `file:${path.join(t.dir, 'cli.db')}`, LOG_LEVEL: 'silent' };
    const failed = await run('npx', ['tsx', 'src/cli/import-stations.ts', file, '--coord', 'gcj02'], {
      env,
    }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect(failed.stdout).toContain('cli.csv (gcj02): 7 rows, 2 valid → 2 created, 0 updated, 5 rejected');
    expect(failed.stdout).toContain('line 4 [a-3]: name is missing');
    const usage = await run('npx', ['tsx', 'src/cli/import-stations.ts', file, '--coord', 'mercator'], {
      env,
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in usage && usage.code).toBe(2);
  }, 60_000);
});
