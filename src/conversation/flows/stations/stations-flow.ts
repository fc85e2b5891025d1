import { type Amenity, isAmenity } from '../../../stations/amenities.js';
import { type LatLng, toGcj02 } from '../../../stations/geo/coords.js';
import { findStations } from '../../../stations/search/find-stations.js';
import type { Station } from '../../../stations/station.js';
import type { StationService } from '../../../stations/station-service.js';
import { type Flow, type FlowContext, type FlowResult, startFlow } from '../../flow.js';
import type { ActiveFlow } from '../../state.js';
import { amenityNeedsInText, FOLLOW_UP, SHARE_LOCATION_TEXT, USE_LAST_LOCATION } from './amenity-words.js';
import { type PlacePoint, placePoint } from './place-point.js';
import { shareLocationReply, stationsReply } from './stations-reply.js';

const NAME = 'stations';
/** Memory: the last point searched from (GCJ-02) and what was shown, for "再找一个能热饭的". */
const MEMORY_POINT = 'stations.point';
const MEMORY_SHOWN = 'stations.shown';

interface Remembered {
  lat: number;
  lng: number;
  label?: string;
  /** The point stands for a typed place (its stations' centre), not where the worker is. */
  place?: boolean;
  /** The typed place's city, so "再找一个" stays in it. */
  cityCode?: string;
}

function rememberedPoint(ctx: FlowContext): Remembered | undefined {
  const value = ctx.state.memory[MEMORY_POINT] as Remembered | undefined;
  return value && Number.isFinite(value.lat) && Number.isFinite(value.lng) ? value : undefined;
}

function rememberedShown(ctx: FlowContext): string[] {
  const value = ctx.state.memory[MEMORY_SHOWN];
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

type Needs = Amenity[][];

/** The needs carried in a flow's data: groups now, a flat list in flows saved before groups. */
function needsOf(data: Record<string, unknown>): Needs {
  const raw = Array.isArray(data.needs) ? data.needs : Array.isArray(data.amenities) ? data.amenities : [];
  const groups = raw.map((entry: unknown) => (Array.isArray(entry) ? entry : [entry]));
  return groups
    .map((group) => group.filter((a): a is Amenity => typeof a === 'string' && isAmenity(a)))
    .filter((group) => group.length > 0);
}

export function createStationsFlow(service: StationService): Flow {
  /** Search and answer; the flow stays at "results" so follow-ups ("再找一个") come back here. */
  function answer(
    ctx: FlowContext,
    search: {
      point: LatLng;
      label?: string;
      /** A typed place's centre, not the worker's position: distances from it mean little. */
      place?: boolean;
      needs: Needs;
      where?: (s: Station) => boolean;
      cityCode?: string;
      exclude?: string[];
      note?: string;
    },
  ): FlowResult {
    const findings = findStations(service, {
      point: search.point,
      needs: search.needs,
      within: search.where,
      cityCode: search.cityCode,
      exclude: search.exclude?.length ? new Set(search.exclude) : undefined,
      // Baidu's directions start at the search point: named as the place typed, or as the
      // worker's own position only when it is theirs.
      originName: search.place && search.label ? search.label : ctx.t('stations:myLocation'),
      now: ctx.now,
    });
    const results = findings.results;
    const memory = {
      [MEMORY_POINT]: {
        lat: search.point.lat,
        lng: search.point.lng,
        ...(search.label ? { label: search.label } : {}),
        ...(search.place ? { place: true } : {}),
        ...(search.cityCode ? { cityCode: search.cityCode } : {}),
      },
      [MEMORY_SHOWN]: [
        ...(search.exclude ?? []),
        ...results.map((r) => r.station.id),
        ...(findings.closestOpen ? [findings.closestOpen.station.id] : []),
      ].slice(-30),
    };
    if (!results.length) {
      return {
        replies: [
          {
            type: 'text',
            text: ctx.t(search.exclude?.length ? 'stations:noMore' : 'stations:noneKnown'),
            quickReplies: [shareLocationReply(ctx.t)],
          },
        ],
        flow: startFlow(NAME, 'results', { needs: search.needs }, ctx.now),
        memory,
      };
    }
    return {
      replies: [
        stationsReply(ctx.t, findings, {
          place: search.label,
          typed: search.place ?? false,
          needs: search.needs,
          note: search.note,
        }),
      ],
      flow: startFlow(NAME, 'results', { needs: search.needs }, ctx.now),
      memory,
    };
  }

  function askLocation(ctx: FlowContext, needs: Needs, key = 'stations:askLocation'): FlowResult {
    return {
      replies: [{ type: 'text', text: ctx.t(key), quickReplies: [shareLocationReply(ctx.t)] }],
      flow: startFlow(NAME, 'await-location', { needs }, ctx.now),
    };
  }

  function fromSharedLocation(ctx: FlowContext, needs: Needs): FlowResult {
    const location = ctx.inbound.location!;
    const converted = toGcj02(location.lat, location.lng, location.coord);
    if (!converted.ok) return askLocation(ctx, needs, 'stations:outsideChina');
    return answer(ctx, { point: converted.value, label: location.label, needs });
  }

  /** A typed place: a point to search from, a question back, or undefined when it is no place. */
  function fromPlace(ctx: FlowContext, place: PlacePoint, needs: Needs): FlowResult | undefined {
    switch (place.kind) {
      case 'point':
        return answer(ctx, {
          point: place.point,
          label: place.label,
          place: true,
          needs,
          where: place.where,
          cityCode: place.cityCode,
        });
      case 'empty-region':
        return answer(ctx, {
          point: place.point,
          label: place.label,
          place: true,
          needs,
          cityCode: place.cityCode,
          note: ctx.t('stations:regionEmpty', { region: place.region.fullName }),
        });
      case 'unknown-region':
        return askLocation(ctx, needs, 'stations:regionUnknown');
      case 'ambiguous':
        return {
          replies: [
            {
              type: 'text',
              text: ctx.t('stations:whichPlace'),
              quickReplies: [
                ...place.options.map((o) => ({ label: o.label, text: o.text })),
                shareLocationReply(ctx.t),
              ],
            },
          ],
          flow: startFlow(NAME, 'await-location', { needs }, ctx.now),
        };
      case 'none':
        return undefined;
    }
  }

  /** Shared by start and resume: what to do with this message, given needs carried over. */
  function handle(ctx: FlowContext, carried: Needs, step: string | undefined): FlowResult | undefined {
    const asked = amenityNeedsInText(ctx.text);
    const needs = asked.length ? asked : carried;
    if (ctx.inbound.location) return fromSharedLocation(ctx, needs);

    // A channel without a location button (WeChat) sends the button's text: say how to share there.
    if (SHARE_LOCATION_TEXT.test(ctx.text)) return askLocation(ctx, needs, 'stations:howToShare');
    const last = rememberedPoint(ctx);
    const again = last && {
      point: last,
      label: last.label,
      place: last.place,
      cityCode: last.cityCode,
      needs,
    };
    if (again && USE_LAST_LOCATION.test(ctx.text)) return answer(ctx, again);
    // A place named in the message wins over the remembered one ("再找一个天河区的").
    const answersWhere = step === 'await-location';
    const place = fromPlace(
      ctx,
      placePoint(ctx.text, service.index.stations, undefined, { answersWhere }),
      needs,
    );
    if (place) return place;
    if (again && FOLLOW_UP.test(ctx.text)) return answer(ctx, { ...again, exclude: rememberedShown(ctx) });
    // Asking about stations with no place in the message: ask where they are.
    if (step === undefined || ctx.intent.name === 'stations') return askLocation(ctx, needs);
    if (step === 'await-location' && ctx.intent.name === 'unknown')
      return askLocation(ctx, needs, 'stations:placeNotFound');
    return undefined;
  }

  return {
    name: NAME,
    intents: ['stations', 'location'],
    async start(ctx) {
      return handle(ctx, [], undefined) ?? askLocation(ctx, []);
    },
    async resume(ctx, active: ActiveFlow) {
      // A message clearly about something else (a legal question, a complaint) goes to the router.
      if (!ctx.inbound.location && !['stations', 'unknown', 'location'].includes(ctx.intent.name))
        return undefined;
      return handle(ctx, needsOf(active.data), active.step);
    },
  };
}
