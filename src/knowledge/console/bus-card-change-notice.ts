import type { Bus } from '../../platform/bus/bus.js';
import type { CardChangeMessage, CardChangeNotice } from './card-change-notice.js';

const TOPIC = 'knowledge:cards-changed';

/** A bus message is JSON from another instance: taken only when it has the right shape. */
function asMessage(value: unknown): CardChangeMessage | undefined {
  const message = value as Partial<CardChangeMessage> | null;
  if (!message || typeof message.origin !== 'string' || !Array.isArray(message.cardIds)) return undefined;
  return {
    origin: message.origin,
    cardIds: message.cardIds.filter((id): id is string => typeof id === 'string'),
  };
}

/**
 * "The cards changed" over the service's bus: in-process without REDIS_URL, Redis pub/sub with
 * it, so a card saved on one instance is re-read from the database by every other one.
 */
export function createBusCardChangeNotice(bus: Bus, onError: (err: unknown) => void): CardChangeNotice {
  return {
    publish(message) {
      bus.publish(TOPIC, message).catch(onError);
    },
    subscribe(listener) {
      const subscription = bus.subscribe(TOPIC, (value) => {
        const message = asMessage(value);
        if (message) listener(message);
      });
      return () => subscription.close();
    },
  };
}
