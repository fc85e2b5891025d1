import type { InboundMessage } from '../../messages/messages.js';

// An official-account message (decrypted XML fields) as the engine's InboundMessage.

export type OaInboundResult =
  | { kind: 'message'; key: string; inbound: InboundMessage }
  /** Events the assistant has nothing to say to (unsubscribe, view, template receipts …). */
  | { kind: 'ignored'; key: string }
  /** A message type the assistant cannot read (video, link, voice without recognition …). */
  | { kind: 'unsupported'; key: string }
  /** A new follower: greet them with the menu (nothing was said, so no turn is recorded). */
  | { kind: 'welcome'; key: string };

export function oaInbound(
  fields: Record<string, string>,
  channel: InboundMessage['channel'],
): OaInboundResult {
  const openid = fields.FromUserName ?? '';
  // WeChat's advice: MsgId for messages, sender + CreateTime for events.
  const key = fields.MsgId || `${openid}:${fields.CreateTime ?? ''}:${fields.Event ?? ''}`;
  const base = { channel, externalUserId: openid };
  const message = (extra: Partial<InboundMessage>): OaInboundResult => ({
    kind: 'message',
    key,
    inbound: { ...base, ...extra },
  });

  switch (fields.MsgType) {
    case 'text':
      return fields.Content?.trim() ? message({ text: fields.Content.trim() }) : { kind: 'ignored', key };
    case 'image':
      return message({
        image: {
          ...(fields.PicUrl ? { url: fields.PicUrl } : {}),
          ...(fields.MediaId ? { mediaId: fields.MediaId } : {}),
        },
      });
    case 'location': {
      const point = wechatLocation(fields.Location_X, fields.Location_Y);
      return point
        ? message({ location: { ...point, ...(fields.Label ? { label: fields.Label } : {}) } })
        : { kind: 'unsupported', key };
    }
    case 'voice': {
      // Recognition comes only with "speech recognition" switched on in the account settings;
      // without it the recording (by media id) is transcribed by our ASR or kept for staff.
      const heard = fields.Recognition?.trim();
      const media = fields.MediaId ? { mediaId: fields.MediaId } : {};
      if (heard) return message({ text: heard, audio: { ...media, transcribed: true } });
      return fields.MediaId ? message({ audio: media }) : { kind: 'unsupported', key };
    }
    case 'event':
      if (fields.Event === 'subscribe') return { kind: 'welcome', key };
      // Custom menu buttons: their key is the phrase to send (set keys like "附近的工会驿站").
      if (fields.Event === 'CLICK' && fields.EventKey?.trim())
        return message({ text: fields.EventKey.trim() });
      return { kind: 'ignored', key };
    default:
      return { kind: 'unsupported', key };
  }
}

/** Location_X is the latitude and Location_Y the longitude, in GCJ-02 as WeChat's map gives them. */
export function wechatLocation(x: string | undefined, y: string | undefined) {
  const lat = Number(x);
  const lng = Number(y);
  if (!x || !y || !Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return { lat, lng, coord: 'gcj02' as const };
}
