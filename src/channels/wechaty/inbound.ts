import type { Message } from 'wechaty';
import { types } from 'wechaty';
import type { InboundMessage } from '../../messages/messages.js';
import { fromLocationPayload, locationFromText } from './location.js';
import { voiceOfMessage } from './voice-message.js';

/** Evidence photos are kept inline up to this size; larger ones go by message id only. */
const MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024;

export type BotInbound =
  | { kind: 'message'; inbound: InboundMessage }
  | { kind: 'unsupported' }
  /** Not for the assistant: a group message without an @ to it, an empty text. */
  | { kind: 'ignore' };

/**
 * A private chat is keyed by the contact; a group chat by group and member, so each member
 * has their own conversation (and intake) in the group, answered in the group with an @.
 */
export function conversationKey(contactId: string, roomId?: string): string {
  return roomId ? `${roomId}|${contactId}` : contactId;
}

export function parseConversationKey(key: string): { contactId: string; roomId?: string } {
  const bar = key.lastIndexOf('|');
  return bar > 0 ? { roomId: key.slice(0, bar), contactId: key.slice(bar + 1) } : { contactId: key };
}

/** "@工友 附近驿站" → "附近驿站" (the space after an @ in WeChat is U+2005). */
export function stripMention(text: string, selfName: string): string {
  if (!selfName) return text.trim();
  const escaped = selfName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`@${escaped}[\\u2005\\s]?`, 'g'), '').trim();
}

export async function botInbound(message: Message, selfName: string): Promise<BotInbound> {
  const room = message.room();
  const text = message.type() === types.Message.Text ? message.text() : '';
  if (room) {
    // mentionSelf needs the puppet to report mentions; the "@name" text is the fallback.
    const mentioned = (await message.mentionSelf()) || (selfName !== '' && text.includes(`@${selfName}`));
    if (!mentioned) return { kind: 'ignore' };
  }
  const base = {
    channel: 'wechat' as const,
    externalUserId: conversationKey(message.talker().id, room?.id),
  };

  switch (message.type()) {
    case types.Message.Text: {
      const body = room ? stripMention(await message.mentionText(), selfName) : text.trim();
      const location = locationFromText(body);
      if (location.ok) return { kind: 'message', inbound: { ...base, location: location.value } };
      return body ? { kind: 'message', inbound: { ...base, text: body } } : { kind: 'ignore' };
    }
    case types.Message.Location: {
      // wechaty 1.20's message.toLocation() always throws ("WUC can not be instantiated
      // directly"): it builds LocationImpl instead of wechaty.Location. Ask the puppet instead.
      const parsed = fromLocationPayload(await message.wechaty.puppet.messageLocation(message.id));
      return parsed.ok
        ? { kind: 'message', inbound: { ...base, location: parsed.value } }
        : { kind: 'unsupported' };
    }
    case types.Message.Image: {
      const file = await message.toFileBox();
      const bytes = await file.toBuffer();
      return {
        kind: 'message',
        inbound: {
          ...base,
          image: {
            mediaId: message.id,
            mimeType: file.mediaType || 'image/jpeg',
            ...(bytes.length <= MAX_INLINE_IMAGE_BYTES ? { dataBase64: bytes.toString('base64') } : {}),
          },
        },
      };
    }
    case types.Message.Audio:
      return { kind: 'message', inbound: { ...base, audio: await voiceOfMessage(message) } };
    default:
      return { kind: 'unsupported' };
  }
}
