import type { OutboundMessage, QuickReply } from '../../../messages/messages.js';
import type { Translate } from '../../../platform/i18n/create-i18n.js';
import { AMENITIES, type Amenity } from '../../../stations/amenities.js';
import {
  type FoundStation,
  NEARBY_RADIUS_M,
  type StationFindings,
} from '../../../stations/search/find-stations.js';
import { type CardLabels, cardLabels, stationView } from '../../../stations/station-card.js';

export function distanceText(t: Translate, metres: number): string {
  return metres < 1000
    ? t('stations:distance.m', { n: metres })
    : t('stations:distance.km', { n: (metres / 1000).toFixed(metres < 10_000 ? 1 : 0) });
}

export function shareLocationReply(t: Translate): QuickReply {
  return {
    label: t('stations:quick.shareLocation'),
    text: t('stations:quick.shareLocationText'),
    action: 'share-location',
  };
}

export function followUpReplies(t: Translate): QuickReply[] {
  return [
    { label: t('stations:quick.another'), text: t('stations:quick.anotherText') },
    { label: t('stations:quick.microwave'), text: t('stations:quick.microwaveText') },
    { label: t('stations:quick.charging'), text: t('stations:quick.chargingText') },
    shareLocationReply(t),
  ];
}

export interface ReplyContext {
  /** The place's name: typed, or the label a shared location came with. */
  place?: string;
  /** The point is a typed place's centre, not the worker's position. */
  typed: boolean;
  needs: readonly (readonly Amenity[])[];
  note?: string;
}

/** "饮用水、手机充电或电动车换电": each group's words joined by "or", the groups by a comma. */
function neededText(t: Translate, labels: CardLabels, needs: ReplyContext['needs']): string {
  return needs
    .map((group) => group.map((a) => labels.amenity[a] ?? a).join(t('stations:orJoin')))
    .join(t('stations:listJoin'));
}

/**
 * Where a station is, said as the worker needs it: from their own position the distance; from a
 * typed place, nothing for the place's own stations (the place's centre is not where they stand),
 * else the distance from the place; and the city whenever it is not the one searched in.
 */
function whereText(
  t: Translate,
  found: FoundStation,
  findings: StationFindings,
  context: ReplyContext,
): string {
  const parts: string[] = [];
  const otherCity = found.city && found.city.code !== findings.city?.code;
  if (found.city && (otherCity || findings.outcome === 'far' || findings.outcome === 'other-city'))
    parts.push(found.city.name);
  if (!context.typed) parts.push(distanceText(t, found.distanceM));
  else if (!found.inPlace)
    parts.push(t('stations:fromPlace', { place: context.place, distance: distanceText(t, found.distanceM) }));
  return parts.map((p) => `${p}${t('stations:partJoin')}`).join('');
}

/** Which of an "or" group the station has: "充电" may be met by a phone socket or a battery swap. */
function offersText(
  t: Translate,
  labels: CardLabels,
  found: FoundStation,
  needs: ReplyContext['needs'],
): string {
  const offered = needs
    .filter((group) => group.length > 1)
    .flatMap((group) => group.filter((a) => found.station.amenities.includes(a)))
    .map((a) => labels.amenity[a] ?? a);
  return offered.length ? t('stations:offers', { list: offered.join(t('stations:listJoin')) }) : '';
}

/**
 * The stations as cards, with text for channels that cannot show cards. The text says what the
 * cards cannot: from where, what was given up, which city, whether the data is sample. Cards carry
 * `distanceFrom: 'place'` when the distance is from a typed place, not the worker's position.
 */
export function stationsReply(
  t: Translate,
  findings: StationFindings,
  context: ReplyContext,
): OutboundMessage {
  const labels = cardLabels(t, AMENITIES);
  const place = context.place ?? t('stations:yourLocation');
  const item = (found: FoundStation, n?: number) =>
    t('stations:item', {
      n: n === undefined ? '' : `${n}. `,
      name: found.station.name,
      where: whereText(t, found, findings, context),
      state: found.hours.openNow ? t('stations:openNow') : t('stations:closedNow'),
      hours: stationView(found, labels).hoursToday,
      offers: offersText(t, labels, found, context.needs),
      note: found.station.statusNote ? ` (${found.station.statusNote})` : '',
    });
  const lead = [
    context.note,
    t(`stations:outcome.${findings.outcome}`, {
      place,
      city: findings.city?.name ?? place,
      km: NEARBY_RADIUS_M / 1000,
      amenities: neededText(t, labels, context.needs),
    }),
  ]
    .filter(Boolean)
    .join(' ');
  const items = findings.results.map((found, i) => item(found, i + 1)).join(t('stations:itemJoin'));
  const closest = findings.closestOpen
    ? ` ${t('stations:closestOpen', { item: item(findings.closestOpen) })}`
    : '';
  const all = findings.closestOpen ? [...findings.results, findings.closestOpen] : findings.results;
  const sample = all.some((r) => r.station.source === 'sample') ? ` ${t('stations:sampleNote')}` : '';
  const cards = all.map((found) => ({
    ...stationView(found, labels),
    ...(context.typed ? { distanceFrom: 'place' as const } : {}),
    ...(found === findings.closestOpen ? { closestOpen: true } : {}),
  }));
  return {
    type: 'stations',
    text: `${lead}${items}${closest}${sample}`,
    stations: cards,
    quickReplies: followUpReplies(t),
  };
}
