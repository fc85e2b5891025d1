import type { Db } from '../db/create-prisma.js';
import type { Station as StationRow } from '../generated/prisma/client.js';
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
  all(): Promise<Station[]>;
  byId(id: string): Promise<Station | undefined>;
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
    hours = { spec: checked.spec, compiled: compileHours(checked.spec) };
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

const CHUNK = 500;

export function createStationRepo(prisma: Db): StationRepo {
  return {
    count: () => prisma.station.count(),
    async all() {
      const cache = rowCache();
      return (await prisma.station.findMany()).map((row) => fromRow(row, cache));
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
        await prisma.$transaction(
          chunk.map((input) => {
            const data = toData(input) as CreateData;
            return prisma.station.upsert({
              where: { externalId: input.externalId },
              create: data,
              update: data,
            });
          }),
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
