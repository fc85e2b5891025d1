import WebSocket from 'ws';

export type Frame = Record<string, unknown> & { event?: string };

/** A WebSocket test client that records every frame and can wait for one that matches. */
export class WsClient {
  readonly frames: Frame[] = [];
  readonly socket: WebSocket;
  private waiters: { predicate: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  /** `headers`: a staff console's bearer token, for one. */
  constructor(url: string, headers: Record<string, string> = {}) {
    this.socket = new WebSocket(url, { headers });
    this.socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.predicate(frame)) return true;
        waiter.resolve(frame);
        return false;
      });
    });
    this.closed = new Promise((resolve) =>
      this.socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** The next frame (or one already received and not yet claimed) matching the predicate. */
  waitFor(predicate: (frame: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      });
    });
  }

  /** A frame already received that matches, else the next one: for frames that may come first. */
  seen(predicate: (frame: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const found = this.frames.find(predicate);
    return found ? Promise.resolve(found) : this.waitFor(predicate, timeoutMs);
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  close(): void {
    this.socket.close();
  }
}

/** ws:// base URL of an app listening on a random loopback port. */
export function wsBase(server: { address(): unknown }): string {
  const address = server.address() as { port: number };
  return `ws://127.0.0.1:${address.port}`;
}
