import type { InboundMessage } from '../../messages/messages.js';
import type { KfMessage } from './kf-api.js';

/**
 * The conversation key for a customer-service user: answers must come from the same
 * customer-service account (open_kfid) the user wrote to, so both are in it.
 */
export function kfUserId(openKfId: string, externalUserId: string): string {
  return `${openKfId}/${externalUserId}`;
}

export function parseKfUserId(id: string): { openKfId: string; externalUserId: string } | undefined {
  const slash = id.indexOf('/');
  if (slash < 1 || slash === id.length - 1) return undefined;
  return { openKfId: id.slice(0, slash), externalUserId: id.slice(slash + 1) };
}

/** A customer's message as an InboundMessage; undefined for events, servicer messages and unknown types. */
export function kfInbound(message: KfMessage): InboundMessage | 'unsupported' | undefined {
  if (message.origin !== 3 || !message.external_userid) return undefined;
  const base = {
    channel: 'wecom' as const,
    externalUserId: kfUserId(message.open_kfid, message.external_userid),
  };
  switch (message.msgtype) {
    case 'text': {
      const text = message.text?.content?.trim();
      return text ? { ...base, text } : undefined;
    }
    case 'image':
      return message.image?.media_id
        ? { ...base, image: { mediaId: message.image.media_id } }
        : 'unsupported';
    case 'voice':
      return message.voice?.media_id
        ? { ...base, audio: { mediaId: message.voice.media_id } }
        : 'unsupported';
    case 'location': {
      const { latitude: lat, longitude: lng, name } = message.location ?? {};
      if (typeof lat !== 'number' || typeof lng !== 'number' || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        return 'unsupported';
      }
      // WeChat's location picker gives GCJ-02.
      return { ...base, location: { lat, lng, coord: 'gcj02', ...(name ? { label: name } : {}) } };
    }
    case 'event':
      return undefined;
    default:
      return 'unsupported';
  }
}
