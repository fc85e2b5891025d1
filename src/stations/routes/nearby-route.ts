import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../platform/http/error-handler.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '../../platform/i18n/locales.js';
import { AMENITIES } from '../amenities.js';
import { toGcj02 } from '../geo/coords.js';
import { type CardLabels, cardLabels, stationView } from '../station-card.js';
import { type NearbyQueryInput, NearbyQuerySchema, NearbyResponseSchema } from './nearby-schemas.js';

/** GET /api/stations/nearby: the nearest stations to a point, in any of the three systems. */
export async function nearbyRoute(app: FastifyInstance): Promise<void> {
  const labels = new Map<Locale, CardLabels>(
    SUPPORTED_LOCALES.map((locale) => [locale, cardLabels(app.t(locale), AMENITIES)]),
  );
  // Translated once: i18next's lookup cost about as much as the k-NN search itself.
  const myLocation = new Map<Locale, string>(
    SUPPORTED_LOCALES.map((locale) => [locale, app.t(locale)('stations:myLocation')]),
  );
  app.get(
    '/api/stations/nearby',
    {
      schema: {
        tags: ['stations'],
        summary: 'Nearest rest stations (工会驿站) with hours, amenities and map links',
        description:
          'lat/lng in the system named by coord (default gcj02; browsers give wgs84, Baidu bd09). ' +
          'openNow and hoursToday use China time (Asia/Shanghai). Distances in metres; returned points are GCJ-02.',
        querystring: NearbyQuerySchema,
        response: { 200: NearbyResponseSchema },
      },
      // The handler builds exactly the schema's fields in the schema's order (stationView), so
      // JSON.stringify writes the same text as the schema's serializer, in about two thirds of
      // the time (test/stations/nearby-serializer.test.ts holds the two equal).
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const q = request.query as NearbyQueryInput;
      const converted = toGcj02(q.lat, q.lng, q.coord ?? 'gcj02');
      if (!converted.ok) {
        throw new HttpError(
          400,
          converted.reason === 'outside-china'
            ? `The point ${q.lat},${q.lng} is outside China; stations are only listed in China (check that lat and lng are not swapped).`
            : 'lat/lng are not a valid point.',
        );
      }
      const { lat, lng } = converted.value;
      const results = app.stations.nearby({
        lat,
        lng,
        limit: q.limit ?? 5,
        radiusM: q.radius,
        amenities: q.amenity,
        anyOf: q.anyAmenity?.length ? [q.anyAmenity] : undefined,
        openNow: q.openNow,
        // The caller's point is the phone's position: the map links start there.
        originName: myLocation.get(q.locale ?? DEFAULT_LOCALE) as string,
      });
      const words = labels.get(q.locale ?? DEFAULT_LOCALE) as CardLabels;
      return {
        origin: { lat, lng, coord: 'gcj02' as const },
        count: results.length,
        stations: results.map((result) => stationView(result, words)),
      };
    },
  );
}
