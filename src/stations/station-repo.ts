import { randomUUID } from 'node:crypto';
import type { Db } from '../platform/db/create-prisma.js';
import type { Station as StationRow } from '../platform/db/db-types.js';
import { dialectOf, valuesList } from '../platform/db/sql-dialect.js';
import { type Amenity, isAmenity } from './amenities.js';
import { checkHoursSpec, type HoursSpec } from './hours/hours-spec.js';
import {
  type CompiledHours,
  compileHours,
  STATION_STATUSES,
  type StationStatus,
} from './hours/opening-hours.js';
import type { Station, StationInput } from './station.js';

export interface StationRepo {
  count(): Promise<number>;
  /** Every station; a stored row that no longer parses is left out and reported to onBad. */
  all(onBad?: (externalId: string, reason: string) => void): Promise<Station[]>;
  byId(id: string): Promise<Station | undefined>;
  /** Whether a station with this external id is stored (ids must stay unique). */
  hasExternalId(externalId: string): Promise<boolean>;
  /** Insert or update by externalId; returns how many rows were created and updated. */
  upsertMany(inputs: StationInput[]): Promise<{ created: number; updated: number }>;
  create(input: StationInput): Promise<Station>;
  update(id: string, changes: Partial<StationInput>): Promise<Station | undefined>;
}

/**
 * Parsed hours and amenities by their stored text. Most stations share a handful of timetables,
 * so a full load (200k rows) parses and compiles each distinct one once.
 */
export interface RowCache {
  hours: Map<string, { spec: HoursSpec; compiled: CompiledHours }>;
  amenities: Map<string, Amenity[]>;
}

export function rowCache(): RowCache {
  return { hours: new Map(), amenities: new Map() };
}

/** Stored rows carry JSON text; a row that no longer parses is reported, never half-used. */
export function fromRow(row: StationRow, cache: RowCache = rowCache()): Station {
  let hours = cache.hours.get(row.hours);
  if (!hours) {
    const checked = checkHoursSpec(JSON.parse(row.hours));
    if (!checked.ok) throw new Error(`station ${row.externalId}: stored ${checked.reason}`);
    hours = { spec: checked.value, compiled: compileHours(checked.value) };
    cache.hours.set(row.hours, hours);
  }
  let amenities = cache.amenities.get(row.amenities);
  if (!amenities) {
    amenities = (JSON.parse(row.amenities) as string[]).filter(isAmenity) as Amenity[];
    cache.amenities.set(row.amenities, amenities);
  }
  const status = (STATION_STATUSES as readonly string[]).includes(row.status)
    ? (row.status as StationStatus)
    : 'closed';
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    regionCode: row.regionCode,
    amenities,
    hours: hours.spec,
    compiledHours: hours.compiled,
    phone: row.phone,
    operator: row.operator,
    status,
    statusNote: row.statusNote,
    lastVerified: row.lastVerified,
    source: row.source,
  };
}

type CreateData = Parameters<Db['station']['create']>[0]['data'];

function toData(input: Partial<StationInput>) {
  const { amenities, hours, ...rest } = input;
  return {
    ...rest,
    ...(amenities ? { amenities: JSON.stringify(amenities) } : {}),
    ...(hours ? { hours: JSON.stringify(hours) } : {}),
  };
}

const CHUNK = 2000;
/** 17 parameters a row; SQLite allows 32,766 per statement. */
const ROWS_PER_STATEMENT = 200;
const COLUMNS = [
  'id',
  'externalId',
  'name',
  'address',
  'lat',
  'lng',
  'regionCode',
  'amenities',
  'hours',
  'phone',
  'operator',
  'status',
  'statusNote',
  'lastVerified',
  'source',
  'createdAt',
  'updatedAt',
] as const;
/** On conflict, everything but the identity and the creation time is replaced. */
const UPDATED = COLUMNS.filter((c) => c !== 'id' && c !== 'externalId' && c !== 'createdAt');

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A new station row's values in COLUMNS order (the repo's upsert and the streaming import). */
export function stationRowValues(s: StationInput, now: string): unknown[] {
  return [
    randomUUID(),
    s.externalId,
    s.name,
    s.address,
    s.lat,
    s.lng,
    s.regionCode ?? null,
    JSON.stringify(s.amenities),
    JSON.stringify(s.hours),
    s.phone ?? null,
    s.operator ?? null,
    s.status,
    s.statusNote ?? null,
    s.lastVerified ?? null,
    s.source,
    now,
    now,
  ];
}

function upsertStatement(prisma: Db, rows: StationInput[]) {
  const now = new Date().toISOString();
  const params: unknown[] = [];
  for (const s of rows) {
    params.push(...stationRowValues(s, now));
  }
  const sql =
    `INSERT INTO "Station" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${valuesList(dialectOf(prisma), rows.length, COLUMNS.length)} ` +
    `ON CONFLICT ("externalId") DO UPDATE SET ${UPDATED.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
  return prisma.$executeRawUnsafe(sql, ...params);
}

export function createStationRepo(prisma: Db): StationRepo {
  return {
    count: () => prisma.station.count(),
    async all(onBad) {
      const cache = rowCache();
      const stations: Station[] = [];
      for (const row of await prisma.station.findMany()) {
        try {
          stations.push(fromRow(row, cache));
        } catch (error) {
          onBad?.(row.externalId, (error as Error).message);
        }
      }
      return stations;
    },
    async hasExternalId(externalId) {
      return (await prisma.station.findUnique({ where: { externalId }, select: { id: true } })) !== null;
    },

    async byId(id) {
      const row = await prisma.station.findUnique({ where: { id } });
      return row ? fromRow(row) : undefined;
    },
    async upsertMany(inputs) {
      let created = 0;
      let updated = 0;
      for (let i = 0; i < inputs.length; i += CHUNK) {
        const chunk = inputs.slice(i, i + CHUNK);
        const existing = new Set(
          (
            await prisma.station.findMany({
              where: { externalId: { in: chunk.map((s) => s.externalId) } },
              select: { externalId: true },
            })
          ).map((row) => row.externalId),
        );
        // One multi-row INSERT … ON CONFLICT per batch: row-by-row upserts through the client
        // take minutes for a national file (200k rows); this takes seconds, in one transaction per chunk.
        await prisma.$transaction(
          batches(chunk, ROWS_PER_STATEMENT).map((rows) => upsertStatement(prisma, rows)),
        );
        for (const input of chunk) existing.has(input.externalId) ? updated++ : created++;
      }
      return { created, updated };
    },
    async create(input) {
      const data = toData(input) as CreateData;
      return fromRow(await prisma.station.create({ data }));
    },
    async update(id, changes) {
      const exists = await prisma.station.findUnique({ where: { id }, select: { id: true } });
      if (!exists) return undefined;
      return fromRow(await prisma.station.update({ where: { id }, data: toData(changes) }));
    },
  };
}
