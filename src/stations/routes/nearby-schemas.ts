import Type, { type Static } from 'typebox';
import { SUPPORTED_LOCALES } from '../../platform/i18n/locales.js';
import { AMENITIES } from '../amenities.js';

export const MAX_LIMIT = 20;
export const MAX_RADIUS_M = 200_000;

export const CoordSchema = Type.Union([Type.Literal('gcj02'), Type.Literal('wgs84'), Type.Literal('bd09')]);
export const AmenitySchema = Type.Union(AMENITIES.map((a) => Type.Literal(a)));

export const NearbyQuerySchema = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    coord: Type.Optional(CoordSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 5 })),
    /** Metres. */
    radius: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_RADIUS_M })),
    amenity: Type.Optional(Type.Array(AmenitySchema, { maxItems: AMENITIES.length })),
    /** Any one of these will do (charging or battery-swap: what "充电" means to a rider). */
    anyAmenity: Type.Optional(Type.Array(AmenitySchema, { maxItems: AMENITIES.length })),
    openNow: Type.Optional(Type.Boolean()),
    locale: Type.Optional(Type.Union(SUPPORTED_LOCALES.map((l) => Type.Literal(l)))),
  },
  { additionalProperties: false },
);
export type NearbyQueryInput = Static<typeof NearbyQuerySchema>;

const Links = Type.Object({ amap: Type.String(), tencent: Type.String(), baidu: Type.String() });

export const NearbyStationSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Type.String(),
  lat: Type.Number({ description: 'GCJ-02' }),
  lng: Type.Number({ description: 'GCJ-02' }),
  distanceM: Type.Integer(),
  walkMinutes: Type.Integer(),
  travelMode: Type.Union([Type.Literal('walk'), Type.Literal('ride'), Type.Literal('drive')], {
    description: 'walk under 1.5 km, ride (e-bike) under 30 km, drive beyond: the mode of the map links',
  }),
  city: Type.Union([Type.String(), Type.Null()], { description: 'the city the station is in, when known' }),
  openNow: Type.Boolean(),
  hoursToday: Type.String(),
  status: Type.String(),
  statusNote: Type.Union([Type.String(), Type.Null()]),
  amenities: Type.Array(Type.String()),
  amenityLabels: Type.Record(Type.String(), Type.String()),
  phone: Type.Union([Type.String(), Type.Null()]),
  operator: Type.Union([Type.String(), Type.Null()]),
  source: Type.String(),
  mapLinks: Links,
});

export const NearbyResponseSchema = Type.Object({
  /** The point searched from, in GCJ-02. */
  origin: Type.Object({ lat: Type.Number(), lng: Type.Number(), coord: Type.Literal('gcj02') }),
  count: Type.Integer(),
  stations: Type.Array(NearbyStationSchema),
});
