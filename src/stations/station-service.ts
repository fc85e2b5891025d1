import type { FastifyBaseLogger } from 'fastify';
import type { Amenity } from './amenities.js';
import { amenityMask } from './amenities.js';
import { gcj02ToBd09 } from './geo/coords.js';
import { haversineM } from './geo/haversine.js';
import { type MapLinks, mapLinks, type TravelMode, travelMode } from './geo/map-links.js';
import { StationIndex } from './geo/station-index.js';
import { chinaNow } from './hours/china-time.js';
import { type HoursNow, hoursNow } from './hours/opening-hours.js';
import type { Station } from './station.js';
import type { StationRepo } from './station-repo.js';
import { type IndexWarmUp, startIndexWarmUp } from './store/index-warm-up.js';
import type { StationTableLoad } from './store/load-station-table.js';
import { StationTable } from './store/station-table.js';

export interface NearbyQuery {
  /** GCJ-02. */
  lat: number;
  lng: number;
  limit: number;
  radiusM?: number;
  amenities?: readonly Amenity[];
  /** Each group: at least one of its amenities ("充电" is phone charging or a battery swap). */
  anyOf?: readonly (readonly Amenity[])[];
  openNow?: boolean;
  /** What the map links call the start: the typed place, or "my location" for a shared one. */
  originName?: string;
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
  /** Walk, ride or drive, by distance: what the map links ask the app for. */
  travelMode: TravelMode;
  hours: HoursNow;
  mapLinks: MapLinks;
}

/** The start's name when the caller gives none: the point is where the phone is. */
export const DEFAULT_ORIGIN_NAME = '我的位置';

/** A brisk walk, 4.8 km/h: a rider on foot with a bag. */
const WALK_M_PER_MIN = 80;

/** Whether the index holds every station yet (readiness reports it). */
export type IndexState = 'warming' | 'ready';

export interface StationService {
  /** The current index; during a warm-up, reading it finishes the warm-up first. */
  readonly index: StationIndex;
  readonly state: IndexState;
  /** Reload every station from the database and swap in a new index. */
  reload(): Promise<StationIndex>;
  /**
   * Start loading in the background (after the server listens) and resolve once built. Until
   * then `state` is 'warming' and a search finishes the load itself rather than answer from
   * part of the stations: a worker gets the right stations, a few hundred ms later.
   */
  warmUp(): Promise<StationIndex>;
  /** Put one added or edited station into the index (rebuilt from memory, no database read). */
  put(station: Station): StationIndex;
  nearby(query: NearbyQuery): NearbyResult[];
  /** Stop a warm-up still running (the app is closing). */
  close(): void;
}

export interface StationServiceOptions {
  log?: FastifyBaseLogger;
  /** Read the table straight from SQLite in chunks; without it (an in-memory database) through the repo. */
  loadTable?: (onBad: (externalId: string, reason: string) => void) => StationTableLoad;
}

export function createStationService(repo: StationRepo, options: StationServiceOptions = {}): StationService {
  const { log, loadTable } = options;
  let index = new StationIndex([]);
  let warming: IndexWarmUp | undefined;
  /** Until the first load, the empty index is not the stations: it is warming, not ready. */
  let loadedOnce = false;
  const onBad = (externalId: string, reason: string) =>
    log?.error({ externalId, reason }, 'station row skipped: stored data does not parse');
  const current = (): StationIndex => {
    if (!warming && !loadedOnce && loadTable) void load();
    return warming ? warming.now() : index;
  };

  function load(): Promise<StationIndex> {
    if (warming) return warming.built;
    const started = performance.now();
    if (!loadTable) {
      return repo.all(onBad).then((stations) => swap(new StationIndex(stations), started));
    }
    const run = startIndexWarmUp(loadTable(onBad), (built) => {
      if (warming === run) warming = undefined;
      swap(built, started);
    });
    warming = run;
    run.built.catch((error: unknown) => {
      if (warming === run) warming = undefined;
      log?.error({ err: error }, 'station index warm-up failed');
    });
    return run.built;
  }

  function swap(built: StationIndex, started: number): StationIndex {
    index = built;
    loadedOnce = true;
    log?.info(
      {
        stations: index.size,
        loadMs: Math.round(performance.now() - started),
        buildMs: Math.round(index.buildMs * 10) / 10,
      },
      'station index built',
    );
    return index;
  }

  return {
    get index() {
      return current();
    },
    get state() {
      return warming || !loadedOnce ? 'warming' : 'ready';
    },
    reload: load,
    warmUp: load,
    put(station) {
      const others = current().stations.filter((s) => s.id !== station.id);
      index = new StationIndex(StationTable.of([...others, station]));
      return index;
    },
    close() {
      warming?.cancel();
      warming = undefined;
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
      const found = current().nearest(query.lat, query.lng, {
        limit: query.limit,
        radiusM: query.radiusM,
        amenityMask: query.amenities?.length ? amenityMask(query.amenities) : 0,
        anyMasks: query.anyOf?.map(amenityMask),
        accept,
      });
      const origin = {
        bd09: gcj02ToBd09({ lat: query.lat, lng: query.lng }),
        name: query.originName ?? DEFAULT_ORIGIN_NAME,
      };
      return found.map((station) => {
        const distanceM = Math.round(haversineM(query.lat, query.lng, station.lat, station.lng));
        const mode = travelMode(distanceM);
        return {
          station,
          distanceM,
          walkMinutes: Math.max(1, Math.ceil(distanceM / WALK_M_PER_MIN)),
          travelMode: mode,
          hours: hoursNow(station.compiledHours, station.status, now),
          mapLinks: mapLinks(station, origin, mode),
        };
      });
    },
  };
}
