import type { Bus, BusSubscription } from '../platform/bus/bus.js';

/** A staff console connected over /ws/staff, listening for its offices' queue and chats. */
export interface HubClient {
  /** Whose console it is: their sockets close when their scope or role changes. */
  staffId: string;
  officeIds: ReadonlySet<string>;
  send(frame: Record<string, unknown>): void;
  close(): void;
}

const FRAMES = 'staff-hub:frames';
const DISCONNECTS = 'staff-hub:disconnects';

/**
 * Fans live events out to the consoles of the office they belong to, and to no one else: an
 * event for office B never reaches a console signed in for office A. Through the bus, so a
 * console on another instance sees a chat queued here; each instance sends to its own sockets.
 */
export class StaffHub {
  private readonly clients = new Set<HubClient>();
  private readonly subscriptions: BusSubscription[];

  constructor(
    private readonly bus: Bus,
    private readonly onError: (err: unknown) => void = () => {},
  ) {
    this.subscriptions = [
      bus.subscribe(FRAMES, (message) => {
        const { officeId, frame } = message as { officeId: string; frame: Record<string, unknown> };
        this.sendLocal(officeId, frame);
      }),
      bus.subscribe(DISCONNECTS, (message) => this.disconnectLocal((message as { staffId: string }).staffId)),
    ];
  }

  /** Both topics are listened to (Redis confirmed): boot waits for it. */
  get ready(): Promise<void> {
    return Promise.all(this.subscriptions.map((s) => s.ready)).then(() => undefined);
  }

  add(client: HubClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  /** To every instance's consoles of the office. Never throws: a live frame is best effort. */
  publish(officeId: string, frame: Record<string, unknown>): void {
    this.bus.publish(FRAMES, { officeId, frame }).catch(this.onError);
  }

  /** Close every console of one staff member, on every instance (their account changed). */
  disconnect(staffId: string): void {
    this.bus.publish(DISCONNECTS, { staffId }).catch(this.onError);
  }

  /** Consoles on this instance. */
  get size(): number {
    return this.clients.size;
  }

  close(): void {
    for (const subscription of this.subscriptions) subscription.close();
  }

  private sendLocal(officeId: string, frame: Record<string, unknown>): void {
    for (const client of this.clients) if (client.officeIds.has(officeId)) client.send(frame);
  }

  private disconnectLocal(staffId: string): void {
    for (const client of [...this.clients]) {
      if (client.staffId !== staffId) continue;
      this.clients.delete(client);
      client.close();
    }
  }
}
