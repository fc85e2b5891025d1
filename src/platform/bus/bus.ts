/** What one subscriber is handed: the message as it was published (JSON-shaped). */
export type BusHandler = (message: unknown) => void;

export interface BusSubscription {
  /** Resolves once messages published from now on reach the handler (Redis confirmed SUBSCRIBE). */
  ready: Promise<void>;
  close(): void;
}

/**
 * Publish/subscribe between the instances of the service. In one process it is a map of
 * handlers; with REDIS_URL it is Redis pub/sub, so a staff member's reply sent on instance B
 * reaches the worker's socket on instance A. Live frames only: what must not be lost goes
 * through the outbox (src/delivery), which retries when the bus said nobody was listening.
 */
export interface Bus {
  /**
   * Hand a message to every subscriber of the topic, this instance's included. Resolves to how
   * many instances took it (0: no one listens, e.g. the worker's socket is closed everywhere).
   */
  publish(topic: string, message: unknown): Promise<number>;
  subscribe(topic: string, handler: BusHandler): BusSubscription;
  close(): Promise<void>;
}
