import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { HttpError } from './error-handler.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Open chat sockets per client address (WS_MAX_PER_IP). */
    socketCap: SocketCap;
  }
}

export interface SocketCap {
  /** An onRequest hook for a socket route: 429 before the upgrade once the address has its share. */
  guard(request: FastifyRequest): Promise<void>;
  /** Count an accepted socket until it closes. */
  track(request: FastifyRequest, socket: WebSocket): void;
}

/**
 * Each chat socket holds memory, a conversation and a subscription for as long as it is open, and
 * a script can open thousands from one address; a person needs a few (a phone, a laptop, tabs).
 */
export function registerSocketCap(app: FastifyInstance, maxPerIp: number): void {
  const open = new Map<string, number>();
  const cap: SocketCap = {
    async guard(request) {
      if ((open.get(request.ip) ?? 0) >= maxPerIp) {
        throw new HttpError(429, 'Too many chat connections from this address; close one and try again.');
      }
    },
    track(request, socket) {
      const ip = request.ip;
      open.set(ip, (open.get(ip) ?? 0) + 1);
      socket.once('close', () => {
        const left = (open.get(ip) ?? 1) - 1;
        if (left > 0) open.set(ip, left);
        else open.delete(ip);
      });
    },
  };
  app.decorate('socketCap', cap);
}
