/** "The cards changed": sent by the instance that saved, acted on by every instance. */
export interface CardChangeMessage {
  /** The instance that saved (it has rebuilt already and skips its own message). */
  origin: string;
  cardIds: string[];
}

/**
 * The seam between saving a card and every instance's index: the service's bus in the app
 * (bus-card-change-notice.ts, Redis pub/sub across instances), in-process for a service made
 * alone (CLIs, tests). Each listener re-reads the versions from the database, so a lost message
 * only delays an instance until its next periodic refresh.
 */
export interface CardChangeNotice {
  publish(message: CardChangeMessage): void;
  /** Returns the unsubscribe. */
  subscribe(listener: (message: CardChangeMessage) => void): () => void;
}

export function createInProcessCardChangeNotice(): CardChangeNotice {
  const listeners = new Set<(message: CardChangeMessage) => void>();
  return {
    publish(message) {
      for (const listener of listeners) listener(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
