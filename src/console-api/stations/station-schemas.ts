import Type from 'typebox';
import { AMENITIES } from '../../stations/amenities.js';
import { HoursSpecSchema } from '../../stations/hours/hours-spec.js';
import { CoordSchema } from '../../stations/routes/nearby-schemas.js';

const Amenities = Type.Array(Type.Union(AMENITIES.map((a) => Type.Literal(a))), {
  maxItems: AMENITIES.length,
});
/** Hours as the compact text ("mon-fri 08:00-20:00; holidays closed") or the JSON spec. */
const Hours = Type.Union([Type.String({ minLength: 1, maxLength: 500 }), HoursSpecSchema]);
const Status = Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('temporary')]);
const Nullable = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);

const fields = {
  externalId: Type.String({ minLength: 1, maxLength: 100 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  address: Type.String({ minLength: 1, maxLength: 300 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  coord: CoordSchema,
  regionCode: Nullable(12),
  amenities: Amenities,
  hours: Hours,
  phone: Nullable(30),
  operator: Nullable(200),
  status: Status,
  statusNote: Nullable(500),
  lastVerified: Nullable(10),
  source: Type.String({ minLength: 1, maxLength: 100 }),
};

export const CreateStationSchema = Type.Object(
  {
    ...fields,
    externalId: Type.Optional(fields.externalId),
    coord: Type.Optional(fields.coord),
    regionCode: Type.Optional(fields.regionCode),
    amenities: Type.Optional(fields.amenities),
    phone: Type.Optional(fields.phone),
    operator: Type.Optional(fields.operator),
    status: Type.Optional(fields.status),
    statusNote: Type.Optional(fields.statusNote),
    lastVerified: Type.Optional(fields.lastVerified),
    source: Type.Optional(fields.source),
  },
  { additionalProperties: false },
);

export const UpdateStationSchema = Type.Partial(Type.Object(fields), {
  additionalProperties: false,
  minProperties: 1,
});

export const StatusChangeSchema = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }) });

export const StationOut = Type.Object(
  {
    id: Type.String(),
    externalId: Type.String(),
    name: Type.String(),
    address: Type.String(),
    lat: Type.Number(),
    lng: Type.Number(),
    regionCode: Type.Union([Type.String(), Type.Null()]),
    amenities: Type.Array(Type.String()),
    hours: Type.Object({}, { additionalProperties: true }),
    phone: Type.Union([Type.String(), Type.Null()]),
    operator: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    statusNote: Type.Union([Type.String(), Type.Null()]),
    lastVerified: Type.Union([Type.String(), Type.Null()]),
    source: Type.String(),
  },
  { description: 'A station; lat/lng in GCJ-02.' },
);
