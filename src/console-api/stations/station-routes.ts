import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import type { CoordSystem } from '../../messages/messages.js';
import type { OfficeActor } from '../../offices/office-actor.js';
import { HttpError } from '../../platform/http/error-handler.js';
import { type RawStation, validateStation } from '../../stations/import/validate-station.js';
import { type Station, type StationInput, stationFields } from '../../stations/station.js';
import {
  CreateStationSchema,
  IdParams,
  StationOut,
  StatusChangeSchema,
  UpdateStationSchema,
} from './station-schemas.js';

const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('temporary')]),
    ),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{2,12}$' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

/** Index records are views over columns, not plain objects: copy their fields out. */
function out(station: Station) {
  return stationFields(station);
}

/**
 * Staff console API for stations: list (public data), add, edit, close and reopen — the writes
 * only for stations in the areas the actor's offices serve; each change re-indexes.
 */
export async function staffStationRoutes(app: FastifyInstance): Promise<void> {
  const guard = app.staffGuard({ roles: ['admin', 'supervisor'] });
  const tags = ['staff', 'stations'];

  /** A station outside the actor's areas is "not found" to them, like any other office's resource. */
  const load = async (id: string, staff: OfficeActor) => {
    const station = await app.stationRepo.byId(id);
    if (!station || !(await app.offices.access.ownsArea(staff, station.regionCode)))
      throw new HttpError(404, `Station ${id} not found.`);
    return station;
  };
  /** Stations are placed (or moved) only where the actor's federation serves. */
  const placeable = async (regionCode: string | null, staff: OfficeActor) => {
    if (!(await app.offices.access.ownsArea(staff, regionCode)))
      throw new HttpError(403, 'That place is served by a union office outside yours.');
  };
  const save = async (id: string, changes: Partial<StationInput>) => {
    const station = await app.stationRepo.update(id, changes);
    if (!station) throw new HttpError(404, `Station ${id} not found.`);
    app.stations.put(station);
    return out(station);
  };
  const check = (raw: RawStation, coord: CoordSystem) => {
    const checked = validateStation(raw, coord);
    if (!checked.ok) throw new HttpError(400, checked.errors.join('; '));
    return checked.station;
  };

  app.get(
    '/api/staff/stations',
    { preHandler: guard, schema: { tags, querystring: ListQuery } },
    async (request) => {
      const q = request.query as Static<typeof ListQuery>;
      const needle = q.q?.trim();
      const matches = app.stations.index.stations.filter(
        (s) =>
          (!q.status || s.status === q.status) &&
          (!q.regionCode || (s.regionCode ?? '').startsWith(q.regionCode.replace(/0+$/, ''))) &&
          (!needle || s.name.includes(needle) || s.address.includes(needle) || s.externalId === needle),
      );
      const offset = q.offset ?? 0;
      return { total: matches.length, stations: matches.slice(offset, offset + (q.limit ?? 50)).map(out) };
    },
  );

  app.post(
    '/api/staff/stations',
    { preHandler: guard, schema: { tags, body: CreateStationSchema, response: { 201: StationOut } } },
    async (request, reply) => {
      const body = request.body as Static<typeof CreateStationSchema>;
      const station = check(
        { source: 'staff', externalId: `staff-${randomUUID()}`, ...body },
        body.coord ?? 'gcj02',
      );
      await placeable(station.regionCode ?? null, request.staff);
      if (await app.stationRepo.hasExternalId(station.externalId)) {
        throw new HttpError(409, `A station with external id ${station.externalId} already exists.`);
      }
      const created = await app.stationRepo.create(station);
      app.stations.put(created);
      return reply.status(201).send(out(created));
    },
  );

  app.patch(
    '/api/staff/stations/:id',
    {
      preHandler: guard,
      schema: { tags, params: IdParams, body: UpdateStationSchema, response: { 200: StationOut } },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const body = request.body as Static<typeof UpdateStationSchema>;
      const current = await load(id, request.staff);
      const moved = body.lat !== undefined || body.lng !== undefined;
      if (moved && (body.lat === undefined || body.lng === undefined)) {
        throw new HttpError(400, 'Send lat and lng together (with coord if not gcj02).');
      }
      const { coord, ...changes } = body;
      const merged = check({ ...out(current), ...changes }, moved ? (coord ?? 'gcj02') : 'gcj02');
      await placeable(merged.regionCode ?? null, request.staff);
      if (merged.externalId !== current.externalId) {
        if (await app.stationRepo.hasExternalId(merged.externalId))
          throw new HttpError(409, `A station with external id ${merged.externalId} already exists.`);
      }
      return save(id, merged);
    },
  );

  app.post(
    '/api/staff/stations/:id/close',
    {
      preHandler: guard,
      schema: {
        tags,
        params: IdParams,
        body: Type.Optional(StatusChangeSchema),
        response: { 200: StationOut },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const note = (request.body as Static<typeof StatusChangeSchema> | undefined)?.note?.trim();
      await load(id, request.staff);
      return save(id, { status: 'closed', statusNote: note || null });
    },
  );

  app.post(
    '/api/staff/stations/:id/reopen',
    { preHandler: guard, schema: { tags, params: IdParams, response: { 200: StationOut } } },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      await load(id, request.staff);
      return save(id, { status: 'open', statusNote: null });
    },
  );

  app.post(
    '/api/staff/stations/reload',
    {
      preHandler: guard,
      schema: { tags, summary: 'Re-read stations from the database (after a CLI import)' },
    },
    async () => {
      const index = await app.stations.reload();
      return { stations: index.size, buildMs: Math.round(index.buildMs * 10) / 10 };
    },
  );
}
