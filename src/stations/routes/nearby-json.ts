import type { Station } from '../station.js';
import { type CardLabels, hoursTodayText, stationView } from '../station-card.js';
import type { NearbyResult } from '../station-service.js';

/** A station's JSON that does not depend on the search: written once per station and locale. */
interface Fragments {
  /** `{"id":…,"name":…,"address":…,"lat":…,"lng":…` */
  head: string;
  /** The `city` value. */
  city: string;
  /** `"status":…` to `"source":…`, without braces. */
  tail: string;
}

/**
 * The nearby answer as JSON text, the same text JSON.stringify writes for the views stationView
 * builds (test/stations/nearby-serializer.test.ts holds it equal to the response schema's own
 * serializer). The answer's strings are mostly Chinese, so escaping them was most of the
 * route's own cost; a station's names, labels and contacts are written once per station object.
 * Station records are replaced, not changed, when a station is edited (StationService.put), so
 * a record's fragments never go stale; a WeakMap lets them go with the index they belong to.
 */
export function nearbyJsonWriter(labels: CardLabels) {
  const cache = new WeakMap<Station, Fragments>();

  const fragments = (result: NearbyResult): Fragments => {
    const cached = cache.get(result.station);
    if (cached) return cached;
    const view = stationView(result, labels);
    const made = {
      head: JSON.stringify({
        id: view.id,
        name: view.name,
        address: view.address,
        lat: view.lat,
        lng: view.lng,
      }).slice(0, -1),
      city: JSON.stringify(view.city),
      tail: JSON.stringify({
        status: view.status,
        statusNote: view.statusNote,
        amenities: view.amenities,
        amenityLabels: view.amenityLabels,
        phone: view.phone,
        operator: view.operator,
        source: view.source,
      }).slice(1, -1),
    };
    cache.set(result.station, made);
    return made;
  };

  const station = (result: NearbyResult): string => {
    const { head, city, tail } = fragments(result);
    return (
      `${head},"distanceM":${JSON.stringify(result.distanceM)},"walkMinutes":${JSON.stringify(result.walkMinutes)}` +
      `,"travelMode":${JSON.stringify(result.travelMode)},"city":${city},"openNow":${result.hours.openNow}` +
      `,"hoursToday":${JSON.stringify(hoursTodayText(result, labels))},${tail},"mapLinks":${JSON.stringify(result.mapLinks)}}`
    );
  };

  return (origin: { lat: number; lng: number }, results: readonly NearbyResult[]): string =>
    `{"origin":${JSON.stringify({ lat: origin.lat, lng: origin.lng, coord: 'gcj02' })},"count":${results.length}` +
    `,"stations":[${results.map(station).join(',')}]}`;
}
