/** A staff console connected over /ws/staff, listening for its offices' queue and chats. */
export interface HubClient {
  /** Whose console it is: their sockets close when their scope or role changes. */
  staffId: string;
  officeIds: ReadonlySet<string>;
  send(frame: Record<string, unknown>): void;
  close(): void;
}

/**
 * Fans live events out to the consoles of the office they belong to, and to no one else: an
 * event for office B never reaches a console signed in for office A.
 */
export class StaffHub {
  private readonly clients = new Set<HubClient>();

  add(client: HubClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  publish(officeId: string, frame: Record<string, unknown>): number {
    let sent = 0;
    for (const client of this.clients) {
      if (!client.officeIds.has(officeId)) continue;
      client.send(frame);
      sent++;
    }
    return sent;
  }

  /** Close every console of one staff member (their account changed; they sign in again). */
  disconnect(staffId: string): number {
    let closed = 0;
    for (const client of [...this.clients]) {
      if (client.staffId !== staffId) continue;
      this.clients.delete(client);
      client.close();
      closed++;
    }
    return closed;
  }

  get size(): number {
    return this.clients.size;
  }
}
