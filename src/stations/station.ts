import type { Amenity } from './amenities.js';
import type { HoursSpec } from './hours/hours-spec.js';
import type { CompiledHours, StationStatus } from './hours/opening-hours.js';

/** A station's fields as imports and the staff console give them (point already in GCJ-02). */
export interface StationInput {
  externalId: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  regionCode?: string | null;
  amenities: Amenity[];
  hours: HoursSpec;
  phone?: string | null;
  operator?: string | null;
  status: StationStatus;
  statusNote?: string | null;
  lastVerified?: string | null;
  source: string;
}

/** A station as the search keeps it in memory. */
export interface Station extends StationInput {
  id: string;
  compiledHours: CompiledHours;
}

/**
 * A station's own fields as a plain object. Index records read through to columns (their
 * fields are prototype getters), so spreading one gives `{}`: copy it with this.
 */
export function stationFields(station: Station): StationInput & { id: string } {
  return {
    id: station.id,
    externalId: station.externalId,
    name: station.name,
    address: station.address,
    lat: station.lat,
    lng: station.lng,
    regionCode: station.regionCode ?? null,
    amenities: station.amenities,
    hours: station.hours,
    phone: station.phone ?? null,
    operator: station.operator ?? null,
    status: station.status,
    statusNote: station.statusNote ?? null,
    lastVerified: station.lastVerified ?? null,
    source: station.source,
  };
}
