import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { ConversationNotFoundError } from '../conversation/chat-service.js';
import { ChatBusyError } from '../conversation/turn-queue.js';
import type { Channel, InboundMessage, OutboundMessage } from '../messages/messages.js';
import { storageFaultOf } from '../platform/db/storage-faults.js';
import { DOMAIN_ERROR_STATUS, DomainError } from '../platform/domain-error.js';
import { HttpError, STORAGE_UNAVAILABLE } from '../platform/http/error-handler.js';
import { ILL_FORMED_MESSAGE, isWellFormedDeep } from '../platform/http/well-formed-text.js';
import { DEFAULT_LOCALE, type Locale } from '../platform/i18n/locales.js';

/** A person types at most this many messages per window; more is a script. */
const FLOOD_LIMIT = 10;
const FLOOD_WINDOW_MS = 10_000;
/** Frames over the limit before the socket is closed. */
const FLOOD_STRIKES = 5;
/**
 * What the server keeps queued for one socket. A client that never reads made the server hold
 * every frame sent to it (13 MB after 400 staff lines, growing without end); past this it is
 * dropped, and what it was sent next waits in the outbox for its reconnect.
 */
const MAX_QUEUED_BYTES = 1024 * 1024;
/** Acknowledgements per flood window: one per push frame, more than a reconnect's backlog needs. */
const ACK_LIMIT = 60;

const ERROR_NAMES: Record<number, string> = {
  401: 'Unauthorized',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

export interface ChatSocketSession {
  channel: Channel;
  externalUserId: string;
  locale?: Locale;
  /** Extra fields for the `ready` frame. */
  ready?: Record<string, unknown>;
  /**
   * The client acknowledges pushed messages by id (`{type:"ack", ids:[…]}`): a push then stays
   * in the outbox until acknowledged and is sent again on reconnect (at least once; the client
   * drops ids it has shown). Without it a push counts as delivered once written to the socket.
   */
  acknowledges?: boolean;
  /**
   * Whether this socket may join the conversation: extra fields for the `ready` frame, or why
   * not (the socket is then closed). Absent: every socket of the user may.
   */
  admit?(conversation: { id: string }): Promise<Record<string, unknown> | string>;
  /**
   * A parsed JSON frame → the inbound message, or a message saying what is wrong with it.
   * Throwing HttpError works too.
   */
  toInbound(frame: unknown): InboundMessage | string;
}

/**
 * The live chat protocol shared by the web chat and the mini-program sockets. The client sends
 * `{type:"message", …}` (and, where it acknowledges, `{type:"ack", ids}`); the server sends `ready`, `delta` (streamed text), `replies`, `push`
 * (a staff reply, a ticket update, also whatever queued while the user was away) and `error`.
 * Garbage gets an error frame; a flood gets 429s and then a close; one broken client never
 * takes the process down.
 */
export function serveChatSocket(
  app: FastifyInstance,
  socket: WebSocket,
  request: FastifyRequest,
  session: ChatSocketSession,
): void {
  // Listeners first, before any await.
  app.socketCap.track(request, socket);
  let unsubscribe: (() => void) | undefined;
  socket.on('error', (err) => request.log.warn({ err: err.message }, `${session.channel} socket error`));
  socket.on('close', () => unsubscribe?.());

  const send = (frame: Record<string, unknown>) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_QUEUED_BYTES) {
      // Unsubscribed at once, so the push that met the full queue counts the user as offline.
      unsubscribe?.();
      request.log.warn(
        { queuedBytes: socket.bufferedAmount },
        `${session.channel} socket not reading; dropped`,
      );
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(frame));
  };
  const errorFrame = (statusCode: number, message: string) => ({
    event: 'error',
    statusCode,
    error: ERROR_NAMES[statusCode] ?? 'Bad Request',
    message,
  });
  const sendError = (statusCode: number, message: string) => send(errorFrame(statusCode, message));

  let conversationId: string | undefined;
  let joining: Promise<Record<string, unknown> | undefined> | undefined;
  let sentAt: number[] = [];
  let ackedAt: number[] = [];
  let strikes = 0;

  /** An acknowledgement frame, handled apart from messages (it is no turn and no flood strike). */
  const acknowledge = (frame: unknown): boolean => {
    const ids =
      (frame as { type?: unknown; ids?: unknown } | undefined)?.type === 'ack'
        ? (frame as { ids?: unknown }).ids
        : undefined;
    if (!session.acknowledges || !Array.isArray(ids)) return false;
    const now = Date.now();
    ackedAt = ackedAt.filter((at) => now - at < FLOOD_WINDOW_MS);
    const valid = ids.filter((id): id is string => typeof id === 'string' && id.length <= 64);
    // Past the limit an acknowledgement is ignored: the item is simply sent again later.
    if (ackedAt.length >= ACK_LIMIT || !conversationId || !valid.length) return true;
    ackedAt.push(now);
    app.delivery
      .acknowledge(conversationId, valid)
      .catch((err) => request.log.warn({ err: (err as Error).message }, 'acknowledgement not stored'));
    return true;
  };

  /**
   * Join the conversation: admitted (extra frame fields) or refused (the socket closes). On
   * connect only when the user already has a conversation; otherwise after the first turn
   * created it, so a socket that connects and says nothing leaves no row behind.
   */
  const join = (conversation: { id: string }) => {
    joining ??= (async () => {
      const admitted = session.admit ? await session.admit(conversation) : {};
      if (typeof admitted === 'string') {
        sendError(401, admitted);
        socket.close(4401, 'unauthorized');
        return undefined;
      }
      conversationId = conversation.id;
      unsubscribe = app.chat.subscribe(conversation.id, (replies: OutboundMessage[]) => {
        send({ event: 'push', conversationId, replies });
        return session.acknowledges ? 'awaiting-ack' : undefined;
      });
      // Closed while being admitted: no listener may outlive the socket.
      if (socket.readyState !== socket.OPEN) unsubscribe();
      // Pushes sent from now on (the outbox flush after `ready`) reach this socket on any instance.
      await app.chat.listening(conversation.id);
      return admitted;
    })();
    return joining;
  };

  const ready = app.conversations
    .find(session.channel, session.externalUserId)
    .then(async (conversation) => {
      const admitted = conversation ? await join(conversation) : {};
      if (!admitted) return;
      send({
        event: 'ready',
        conversationId: conversation?.id ?? null,
        ...session.ready,
        ...admitted,
        locale: conversation?.locale ?? session.locale ?? DEFAULT_LOCALE,
        mode: conversation?.mode ?? 'bot',
      });
      if (conversation)
        app.delivery.flush(conversation.id).catch((err) => request.log.error({ err }, 'outbox flush failed'));
    })
    .catch((err) => {
      request.log.error({ err }, 'chat socket could not open its conversation');
      socket.close(1011, 'unavailable');
    });

  socket.on('message', async (raw, isBinary) => {
    let frame: unknown;
    try {
      frame = isBinary ? undefined : JSON.parse(raw.toString());
    } catch {
      frame = undefined;
    }
    if (acknowledge(frame)) return;
    const now = Date.now();
    // Counted as the client sent them, not as read: while the event loop runs late, frames sent
    // seconds apart are read back to back. A frame read now may have been sent up to the recent
    // loop delay earlier, so the window (and what it allows) stretches by that delay.
    const window = FLOOD_WINDOW_MS + app.load.recentMaxDelayMs();
    sentAt = sentAt.filter((at) => now - at < window);
    if (sentAt.length >= Math.floor((FLOOD_LIMIT * window) / FLOOD_WINDOW_MS)) {
      strikes += 1;
      if (strikes >= FLOOD_STRIKES) return socket.close(1008, 'too many messages');
      return sendError(429, 'Too many messages; wait a few seconds.');
    }
    sentAt.push(now);

    await ready;
    if (socket.readyState !== socket.OPEN) return;
    if (!isWellFormedDeep(frame)) return sendError(400, ILL_FORMED_MESSAGE);
    try {
      const inbound = session.toInbound(frame);
      if (typeof inbound === 'string') return sendError(400, inbound);
      // Someone (this user over HTTP, say) started the conversation since connect: it is joined,
      // and its secret checked, before this socket may speak in it.
      if (!conversationId) {
        const appeared = await app.conversations.find(session.channel, session.externalUserId);
        if (appeared && !(await join(appeared))) return;
      }
      // By the socket's user, not by id: the first turn creates the conversation, and every
      // turn of this user queues behind the one before it under the same key.
      const result = await app.chat.handle(inbound, {
        onDelta: (delta) => send({ event: 'delta', conversationId: conversationId ?? null, ...delta }),
      });
      // The first turn's reply carries what `ready` could not yet (a new conversation's secret).
      const joined = conversationId || !result.stored ? {} : await join({ id: result.conversationId });
      if (!joined) return;
      send({
        event: 'replies',
        conversationId: result.conversationId,
        ...joined,
        locale: result.locale,
        replies: result.replies,
      });
    } catch (err) {
      if (err instanceof HttpError) return sendError(err.statusCode, err.message);
      if (err instanceof ChatBusyError)
        return send({ ...errorFrame(503, err.message), retryAfterSeconds: err.retryAfterSeconds });
      if (err instanceof DomainError) return sendError(DOMAIN_ERROR_STATUS[err.kind], err.message);
      if (err instanceof ConversationNotFoundError) return sendError(404, 'Conversation not found.');
      if (storageFaultOf(err)) {
        request.log.error({ fault: storageFaultOf(err) }, 'chat turn failed: the database cannot write');
        return sendError(503, STORAGE_UNAVAILABLE);
      }
      request.log.error({ err }, 'chat turn failed');
      send({
        event: 'error',
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'Something went wrong on our side.',
      });
    }
  });
}
