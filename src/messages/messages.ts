// Channel-agnostic message shapes. Adapters (web, WeChat, mini-program …) translate to and from
// these; nothing below the adapters knows which platform a message came from.
import type { Locale } from '../platform/i18n/locales.js';

export type Channel = 'web' | 'api' | 'wechat' | 'miniprogram' | 'official-account' | 'wecom';
export const CHANNELS: readonly Channel[] = [
  'web',
  'api',
  'wechat',
  'miniprogram',
  'official-account',
  'wecom',
];

/**
 * The one cap on a message's text, in characters (code points), for every channel: HTTP and
 * socket schemas refuse more, and the chat service answers longer text from any channel (WeChat,
 * WeCom, the bot) by telling the worker, without reading or storing it. Nobody types more than
 * this into a chat; text past it is pasted or scripted, and only costs time.
 */
export const MESSAGE_TEXT_MAX_CHARS = 2000;

export type CoordSystem = 'wgs84' | 'gcj02' | 'bd09';

export interface GeoPoint {
  lat: number;
  lng: number;
  coord: CoordSystem;
  /** What the platform called the place, when it says (WeChat location messages do). */
  label?: string;
}

export interface ImageRef {
  /** Where the channel keeps it (URL or a platform media id). */
  url?: string;
  mediaId?: string;
  mimeType?: string;
  /** Inline bytes, base64, when the channel hands them over directly. */
  dataBase64?: string;
}

/**
 * A voice message. Channels hand over the bytes (or WeChat's media id); the chat service then
 * either transcribes it (the transcript becomes the message's text and `transcribed` is set) or
 * keeps it encrypted as an attachment and leaves only `attachmentId` here, never the bytes.
 */
export interface AudioRef {
  mimeType?: string;
  /** Inline bytes, base64, before the chat service has taken them. */
  dataBase64?: string;
  mediaId?: string;
  sizeBytes?: number;
  /** The text came from speech (WeChat's Recognition or the ASR): the worker is shown it. */
  transcribed?: boolean;
  /** Why there is no transcript: no recogniser configured, or it failed on this one. */
  unheard?: 'no-asr' | 'failed';
  /** The encrypted Attachment row the audio was kept in, for staff to listen to. */
  attachmentId?: string;
}

export interface InboundMessage {
  channel: Channel;
  externalUserId: string;
  text?: string;
  location?: GeoPoint;
  image?: ImageRef;
  audio?: AudioRef;
  /** An explicit language choice from the client; otherwise detected. */
  locale?: Locale;
}

export interface QuickReply {
  label: string;
  /** Sent as the user's text when tapped. */
  text: string;
  /** Special client actions, e.g. ask the browser for its location. */
  action?: 'share-location';
  /**
   * 有用 / 没用 on an answer: a plain quick reply on text channels; the web chat shows it on the
   * answer itself rather than among the quick replies.
   */
  feedback?: 'yes' | 'no';
}

export interface Citation {
  law: string;
  article: number;
  title?: string;
  snippet?: string;
}

/**
 * An answer in its parts, so a screen can fold what follows the lead (the web chat does); `text`
 * stays the short whole for text channels: lead, numbered steps, one line of citations.
 */
export interface AnswerParts {
  lead: string;
  more?: string;
  steps: string[];
}

export interface StationCard {
  name: string;
  address: string;
  distanceM: number;
  openNow: boolean;
  hoursToday: string;
  amenities: string[];
  mapLinks: { amap: string; tencent: string; baidu: string };
  [extra: string]: unknown;
}

export interface TicketReceipt {
  number: string;
  queryCode?: string;
  status: string;
  priority?: string;
  dueAt?: string;
  office?: { name: string; regionCode: string };
  [extra: string]: unknown;
}

export type ReplyType = 'text' | 'answer' | 'stations' | 'ticket' | 'handoff' | 'staff';

export interface OutboundMessage {
  /**
   * The stored Message's id, on messages sent outside a turn (staff replies, status notices):
   * a client acknowledges it and shows each id once across reloads and reconnects.
   */
  id?: string;
  type: ReplyType;
  text: string;
  citations?: Citation[];
  answer?: AnswerParts;
  stations?: StationCard[];
  ticket?: TicketReceipt;
  quickReplies?: QuickReply[];
}

/** A piece of streamed reply text (LLM tokens as they arrive). */
export interface ReplyDelta {
  /** Index of the reply in this turn that the text belongs to. */
  index: number;
  text: string;
}
