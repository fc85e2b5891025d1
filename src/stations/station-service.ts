import type { FastifyBaseLogger } from 'fastify';
import type { Amenity } from './amenities.js';
import { amenityMask } from './amenities.js';
import { gcj02ToBd09 } from './geo/coords.js';
import { haversineM } from './geo/haversine.js';
import { type MapLinks, mapLinks } from './geo/map-links.js';
import { StationIndex } from './geo/station-index.js';
import { chinaNow } from './hours/china-time.js';
import { type HoursNow, hoursNow } from './hours/opening-hours.js';
import type { Station } from './station.js';
import type { StationRepo } from './station-repo.js';

export interface NearbyQuery {
  /** GCJ-02. */
  lat: number;
  lng: number;
  limit: number;
  radiusM?: number;
  amenities?: readonly Amenity[];
  openNow?: boolean;
  /** Leave these out (stations already shown to the user). */
  excludeIds?: ReadonlySet<string>;
  /** Only stations passing this test (e.g. inside a district). */
  where?: (station: Station) => boolean;
  now?: Date;
}

export interface NearbyResult {
  station: Station;
  distanceM: number;
  walkMinutes: number;
  hours: HoursNow;
  mapLinks: MapLinks;
}

/** A brisk walk, 4.8 km/h: a rider on foot with a bag. */
const WALK_M_PER_MIN = 80;

export interface StationService {
  readonly index: StationIndex;
  /** Reload every station from the database and swap in a new index. */
  reload(): Promise<StationIndex>;
  /** Put one added or edited station into the index (rebuilt from memory, no database read). */
  put(station: Station): StationIndex;
  nearby(query: NearbyQuery): NearbyResult[];
}

export function createStationService(repo: StationRepo, log?: FastifyBaseLogger): StationService {
  let index = new StationIndex([]);
  let editCount = 0;
  return {
    get index() {
      return index;
    },
    async reload() {
      // An edit that lands while the rows are being read would be lost by the swap: read again.
      for (let attempt = 0; ; attempt++) {
        const started = performance.now();
        const edits = editCount;
        const stations = await repo.all((externalId, reason) =>
          log?.error({ externalId, reason }, 'station row skipped: stored data does not parse'),
        );
        if (editCount !== edits && attempt < 3) continue;
        const loadedMs = performance.now() - started;
        index = new StationIndex(stations);
        log?.info(
          {
            stations: index.size,
            loadMs: Math.round(loadedMs),
            buildMs: Math.round(index.buildMs * 10) / 10,
          },
          'station index built',
        );
        return index;
      }
    },
    put(station) {
      editCount++;
      const stations = index.stations.filter((s) => s.id !== station.id);
      stations.push(station);
      index = new StationIndex(stations);
      return index;
    },
    nearby(query) {
      const now = chinaNow(query.now ?? new Date());
      const exclude = query.excludeIds;
      const where = query.where;
      const accept =
        query.openNow || exclude?.size || where
          ? (s: Station) =>
              !exclude?.has(s.id) &&
              (!where || where(s)) &&
              (!query.openNow || hoursNow(s.compiledHours, s.status, now).openNow)
          : undefined;
      const found = index.nearest(query.lat, query.lng, {
        limit: query.limit,
        radiusM: query.radiusM,
        amenityMask: query.amenities?.length ? amenityMask(query.amenities) : 0,
        accept,
      });
      const origin = gcj02ToBd09({ lat: query.lat, lng: query.lng });
      return found.map((station) => {
        const distanceM = Math.round(haversineM(query.lat, query.lng, station.lat, station.lng));
        return {
          station,
          distanceM,
          walkMinutes: Math.max(1, Math.ceil(distanceM / WALK_M_PER_MIN)),
          hours: hoursNow(station.compiledHours, station.status, now),
          mapLinks: mapLinks(station, origin),
        };
      });
    },
  };
}
