import type { FastifyInstance } from 'fastify';
import { FileBox } from 'file-box';
import type { Contact, Message, Wechaty } from 'wechaty';
import { types, WechatyBuilder } from 'wechaty';
import type { PuppetInterface } from 'wechaty-puppet/impls';
import type { ChannelSender } from '../../delivery/delivery-service.js';
import { queueTurnReplies } from '../wechat-common/queue-turn-replies.js';
import { renderRepliesText } from '../wechat-common/render-text.js';
import type { WechatyStatus } from './bot-status.js';
import { botInbound, parseConversationKey } from './inbound.js';

export interface WechatyBotOptions {
  /** A puppet package name (from WECHATY_PUPPET) or an instance (the mock in tests). */
  puppet: string | PuppetInterface;
  puppetToken?: string;
  /** wechaty's memory-card file (keeps the login across restarts); none when omitted. */
  memoryName?: string;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * The personal-account WeChat bot: named handlers over one wechaty instance, restarted with
 * backoff when it cannot start. It answers private chats, and in groups only when @-mentioned.
 */
export function createWechatyBot(app: FastifyInstance, options: WechatyBotOptions) {
  const puppetName = typeof options.puppet === 'string' ? options.puppet : options.puppet.name();
  // Messages from before the process started (a puppet's backlog) are not answered.
  const startedAt = new Date();
  let bot: Wechaty | undefined;
  let stopped = true;
  let restartTimer: NodeJS.Timeout | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  const handling = new Set<Promise<void>>();
  let status: WechatyStatus = {
    state: 'off',
    configured: true,
    puppet: puppetName,
    since: now(),
    restarts: 0,
  };
  const set = (next: Partial<WechatyStatus>) => {
    status = { ...status, ...next, since: next.state && next.state !== status.state ? now() : status.since };
  };

  function onScan(qrcode: string, scanStatus: types.ScanStatus) {
    set({ state: 'scan', qrcode, qrcodeDataUrl: undefined });
    // Rendered here as a data: URL so the console shows it without sending the login code to
    // an outside QR service.
    void FileBox.fromQRCode(qrcode)
      .toDataURL()
      .then((qrcodeDataUrl) => {
        if (status.qrcode === qrcode) set({ qrcodeDataUrl });
      })
      .catch((err) => app.log.warn({ err: (err as Error).message }, 'wechaty: QR code not rendered'));
    app.log.info(
      { scanStatus: types.ScanStatus[scanStatus] },
      'wechaty: waiting for the login QR code to be scanned',
    );
  }

  async function onLogin(user: Contact) {
    set({ state: 'logged-in', user: user.name(), qrcode: undefined, qrcodeDataUrl: undefined, restarts: 0 });
    app.log.info('wechaty: logged in');
    // Staff replies and ticket updates that waited while the bot was away.
    const waiting = await app.delivery.pending();
    for (const id of new Set(
      waiting.filter((item) => item.channel === 'wechat').map((item) => item.conversationId),
    )) {
      await app.delivery.flush(id);
    }
  }

  function onLogout() {
    set({ state: 'logged-out', user: undefined });
    app.log.warn('wechaty: logged out');
  }

  function onError(err: Error) {
    set({ lastError: err.message });
    app.log.error({ err: err.message }, 'wechaty error');
  }

  async function onMessage(message: Message) {
    // Some puppets stamp whole seconds: allow one second before the start.
    if (message.self() || message.date().getTime() < startedAt.getTime() - 1000) return;
    const talker = message.talker();
    const room = message.room();
    const parsed = await botInbound(message, bot?.currentUser.name() ?? '');
    if (parsed.kind === 'ignore') return;
    if (parsed.kind === 'unsupported') {
      if (!room) await message.say(app.t('zh-CN')('channels:unsupportedMessage'));
      return;
    }
    const result = await app.chat.handle(parsed.inbound);
    const texts = renderRepliesText(result.replies, app.t(result.locale));
    for (const [index, text] of texts.entries()) {
      try {
        if (room) await room.say(text, talker);
        else await talker.say(text);
      } catch (err) {
        // The puppet went away mid-answer: the rest waits in the outbox for the bot's return.
        app.log.warn({ err: (err as Error).message }, 'wechaty: reply not sent; queued');
        const rest = texts.slice(index).map((piece) => ({ type: 'text' as const, text: piece }));
        await queueTurnReplies(app, result.conversationId, 'wechat', rest);
        return;
      }
    }
  }

  function build(): Wechaty {
    const instance =
      typeof options.puppet === 'string'
        ? WechatyBuilder.build({
            // biome-ignore lint/suspicious/noExplicitAny: wechaty types the name as a closed list of official puppets
            puppet: options.puppet as any,
            ...(options.puppetToken ? { puppetOptions: { token: options.puppetToken } } : {}),
            ...(options.memoryName ? { name: options.memoryName } : {}),
          })
        : WechatyBuilder.build({ puppet: options.puppet });
    instance.on('scan', onScan);
    instance.on('login', (user) => void onLogin(user).catch(onError));
    instance.on('logout', onLogout);
    instance.on('error', onError);
    instance.on('message', (message) => {
      // Tracked so stop() and tests can wait for answers in flight; one bad message never
      // takes the bot down.
      const task = onMessage(message)
        .catch((err) => app.log.error({ err }, 'wechaty: message handling failed'))
        .finally(() => handling.delete(task));
      handling.add(task);
    });
    return instance;
  }

  async function start(): Promise<void> {
    stopped = false;
    set({ state: 'starting' });
    // A puppet that dies later (its service went away) is restarted the same way.
    watchdog ??= setInterval(() => {
      if (!stopped && !restartTimer && bot && !puppetActive()) scheduleRestart();
    }, 30_000);
    watchdog.unref();
    bot = build();
    try {
      await bot.start();
    } catch (err) {
      onError(err as Error);
    }
    // wechaty reports a puppet that failed to start as an 'error' event, not a rejection.
    if (!puppetActive()) scheduleRestart();
  }

  function puppetActive(): boolean {
    const puppet = bot?.puppet as { state?: { active(): boolean } } | undefined;
    return puppet?.state?.active() ?? false;
  }

  function scheduleRestart() {
    if (stopped) return;
    const restarts = status.restarts + 1;
    set({ state: 'reconnecting', restarts });
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (restarts - 1));
    app.log.warn({ delayMs: delay, restarts }, 'wechaty: restarting');
    restartTimer = setTimeout(async () => {
      restartTimer = undefined;
      await bot?.stop().catch(() => undefined);
      if (!stopped) await start();
    }, delay);
    restartTimer.unref();
  }

  const sender: ChannelSender = async (target, replies) => {
    if (!bot?.isLoggedIn) return 'offline';
    const { contactId, roomId } = parseConversationKey(target.externalUserId);
    const contact = await bot.Contact.find({ id: contactId });
    if (!contact) throw new Error('WeChat contact not found');
    const room = roomId ? await bot.Room.find({ id: roomId }) : undefined;
    if (roomId && !room) throw new Error('WeChat group not found');
    const conversation = await app.conversations.findById(target.id);
    for (const text of renderRepliesText(replies, app.t(conversation?.locale ?? 'zh-CN'))) {
      if (room) await room.say(text, contact);
      else await contact.say(text);
    }
    return 'delivered';
  };

  return {
    start,
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(restartTimer);
      restartTimer = undefined;
      clearInterval(watchdog);
      watchdog = undefined;
      await idle();
      await bot?.stop().catch((err) => app.log.warn({ err: (err as Error).message }, 'wechaty: stop failed'));
      bot = undefined;
      set({ state: 'off', user: undefined, qrcode: undefined, qrcodeDataUrl: undefined });
    },
    status: (): WechatyStatus => status,
    /** Resolves when every message received so far has been answered. */
    idle,
    sender,
  };

  async function idle(): Promise<void> {
    while (handling.size) await Promise.allSettled([...handling]);
  }
}

function now(): string {
  return new Date().toISOString();
}

export type WechatyBot = ReturnType<typeof createWechatyBot>;
