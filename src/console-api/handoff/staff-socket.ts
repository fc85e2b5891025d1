import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { HandoffService } from '../../handoff/handoff-service.js';
import type { StaffHub } from '../../handoff/staff-hub.js';
import { authenticate } from '../../staff/staff-guard.js';
import { withQueueLabels } from './queue-labels.js';

/**
 * GET /ws/staff — the console's live feed: `{event:"ready", handoffs}` on connect, then
 * `{event:"queue", handoff}` when a chat joins, is claimed or ends and `{event:"message", handoff,
 * message}` for each message in a chat, only for the offices the staff member serves. A browser
 * signs in with its session cookie plus `?csrf=<token>` (a page on another site can open a
 * socket with our cookie, but cannot know the token); API clients send their bearer token.
 */
export function staffSocket(hub: StaffHub, handoffs: HandoffService) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      '/ws/staff',
      {
        websocket: true,
        schema: { hide: true },
        preValidation: async (request) => {
          request.staff = await authenticate({ prisma: app.prisma, sessions: app.staffSessions }, request, {
            csrf: 'query',
          });
        },
      },
      (socket: WebSocket, request) => {
        const staff = request.staff;
        const remove = hub.add({
          staffId: staff.id,
          officeIds: new Set(staff.officeIds),
          // 4001: the account changed (scope, role, password); the console signs in again.
          close: () => socket.close(4001, 'account changed'),
          send: (frame) => {
            if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
          },
        });
        socket.on('error', (err) => request.log.warn({ err: err.message }, 'staff socket error'));
        socket.on('close', remove);
        // Keep-alive from the console; anything else is ignored (actions go through the HTTP API).
        socket.on('message', (raw) => {
          if (raw.toString() === 'ping' && socket.readyState === socket.OPEN) socket.send('{"event":"pong"}');
        });
        handoffs
          .list(staff, 'open')
          .then((items) => withQueueLabels(app, staff, items))
          .then((open) => {
            if (socket.readyState === socket.OPEN)
              socket.send(JSON.stringify({ event: 'ready', handoffs: open }));
          })
          .catch((err) => request.log.error({ err }, 'staff socket could not load the queue'));
      },
    );
  };
}
