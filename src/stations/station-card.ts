import type { StationCard } from '../messages/messages.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import { cityOfCode } from './search/station-city.js';
import type { NearbyResult } from './station-service.js';

/** Words a card needs, looked up once per locale rather than per station. */
export interface CardLabels {
  always: string;
  closedToday: string;
  stationClosed: string;
  amenity: Record<string, string>;
}

export function cardLabels(t: Translate, amenities: readonly string[]): CardLabels {
  return {
    always: t('stations:hours.always'),
    closedToday: t('stations:hours.closedToday'),
    stationClosed: t('stations:hours.stationClosed'),
    amenity: Object.fromEntries(amenities.map((key) => [key, t(`stations:amenity.${key}`)])),
  };
}

export function hoursTodayText(result: NearbyResult, labels: CardLabels): string {
  const today = result.hours.today;
  if (result.station.status === 'closed') return labels.stationClosed;
  if (today.kind === 'always') return labels.always;
  if (today.kind === 'closed-today') return labels.closedToday;
  return today.text.join(', ');
}

export interface NearbyStationView extends StationCard {
  id: string;
  lat: number;
  lng: number;
  walkMinutes: number;
  /** walk under ~1.5 km, ride beyond, drive to another city: the mode the map links ask for. */
  travelMode: string;
  /** The city the station is in (上海市, 武汉市), when its division is known. */
  city: string | null;
  status: string;
  statusNote: string | null;
  phone: string | null;
  operator: string | null;
  source: string;
  amenityLabels: Record<string, string>;
}

/** One station as the API and the chat card show it (coordinates GCJ-02). */
export function stationView(result: NearbyResult, labels: CardLabels): NearbyStationView {
  const s = result.station;
  const amenityLabels: Record<string, string> = {};
  for (const key of s.amenities) amenityLabels[key] = labels.amenity[key] ?? key;
  return {
    id: s.id,
    name: s.name,
    address: s.address,
    lat: s.lat,
    lng: s.lng,
    distanceM: result.distanceM,
    walkMinutes: result.walkMinutes,
    travelMode: result.travelMode,
    city: cityOfCode(s.regionCode)?.name ?? null,
    openNow: result.hours.openNow,
    hoursToday: hoursTodayText(result, labels),
    status: s.status,
    statusNote: s.statusNote ?? null,
    amenities: s.amenities,
    amenityLabels,
    phone: s.phone ?? null,
    operator: s.operator ?? null,
    source: s.source,
    mapLinks: result.mapLinks,
  };
}
