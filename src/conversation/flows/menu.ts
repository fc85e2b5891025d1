import type { Translate } from '../../i18n/create-i18n.js';
import type { OutboundMessage, QuickReply } from '../messages.js';

/** The five things the service does, as quick replies that send a text the router recognises. */
export function menuQuickReplies(t: Translate): QuickReply[] {
  return (['ask', 'stations', 'arrears', 'human', 'status'] as const).map((key) => ({
    label: t(`menu.${key}.label`),
    text: t(`menu.${key}.text`),
  }));
}

export function menuReply(t: Translate, lead: string): OutboundMessage {
  return { type: 'text', text: `${lead}\n${t('menu.list')}`, quickReplies: menuQuickReplies(t) };
}
