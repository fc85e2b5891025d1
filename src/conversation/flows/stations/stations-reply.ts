import type { OutboundMessage, QuickReply } from '../../../messages/messages.js';
import type { Translate } from '../../../platform/i18n/create-i18n.js';
import { AMENITIES, type Amenity } from '../../../stations/amenities.js';
import { cardLabels, stationView } from '../../../stations/station-card.js';
import type { NearbyResult } from '../../../stations/station-service.js';
import type { Outcome } from './search-cascade.js';

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

/**
 * The top stations as cards, with one line of text for channels that cannot show cards. The
 * line says what the cards cannot: from where, what was given up, whether the data is sample.
 * Cards keep `distanceM` (from the search point) and carry `distanceFrom: 'place'` when that
 * point is a typed place rather than the worker's location.
 */
export function stationsReply(
  t: Translate,
  results: NearbyResult[],
  outcome: Outcome,
  context: { place?: string; fromPlace?: boolean; amenities: readonly Amenity[]; note?: string },
): OutboundMessage {
  const labels = cardLabels(t, AMENITIES);
  // From a typed place the search starts at its stations' centre: a distance from there is not
  // the worker's walk, so neither the text nor the cards (distanceFrom) present it as one.
  const cards = results.map((result) => ({
    ...stationView(result, labels),
    ...(context.fromPlace ? { distanceFrom: 'place' as const } : {}),
  }));
  const wanted = context.amenities.map((a) => labels.amenity[a] ?? a).join(t('stations:listJoin'));
  const lead = [
    context.note,
    t(`stations:outcome.${outcome}`, {
      place: context.place ?? t('stations:yourLocation'),
      amenities: wanted,
    }),
  ]
    .filter(Boolean)
    .join(' ');
  const items = cards.map((card, i) =>
    t(context.fromPlace ? 'stations:itemInPlace' : 'stations:item', {
      n: i + 1,
      name: card.name,
      distance: distanceText(t, card.distanceM),
      state: card.openNow ? t('stations:openNow') : t('stations:closedNow'),
      hours: card.hoursToday,
      note: card.statusNote ? ` (${card.statusNote})` : '',
    }),
  );
  const sample = results.some((r) => r.station.source === 'sample') ? ` ${t('stations:sampleNote')}` : '';
  return {
    type: 'stations',
    text: `${lead}${items.join(t('stations:itemJoin'))}${sample}`,
    stations: cards,
    quickReplies: followUpReplies(t),
  };
}
