import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../platform/http/error-handler.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from '../../platform/i18n/locales.js';
import { AMENITIES } from '../amenities.js';
import { toGcj02 } from '../geo/coords.js';
import { cardLabels } from '../station-card.js';
import { nearbyJsonWriter } from './nearby-json.js';
import { type NearbyQueryInput, NearbyQuerySchema, NearbyResponseSchema } from './nearby-schemas.js';

/** GET /api/stations/nearby: the nearest stations to a point, in any of the three systems. */
export async function nearbyRoute(app: FastifyInstance): Promise<void> {
  const writers = new Map(
    SUPPORTED_LOCALES.map((locale) => [locale, nearbyJsonWriter(cardLabels(app.t(locale), AMENITIES))]),
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
    },
    async (request, reply) => {
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
      const write = writers.get(q.locale ?? DEFAULT_LOCALE) as ReturnType<typeof nearbyJsonWriter>;
      // The response schema documents the answer; the text is written by nearby-json.ts (a
      // string with a JSON content type goes out as it is).
      reply.type('application/json; charset=utf-8');
      return write({ lat, lng }, results);
    },
  );
}
