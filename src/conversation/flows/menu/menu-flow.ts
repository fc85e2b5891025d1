import type { OutboundMessage, QuickReply } from '../../../messages/messages.js';
import type { Translate } from '../../../platform/i18n/create-i18n.js';
import { staticText } from '../../../platform/i18n/static-text.js';
import type { IntentName } from '../../understanding/intent.js';

const MENU_KEYS = ['ask', 'stations', 'arrears', 'human', 'status'] as const;
/** What each menu button asks for. */
const BUTTON_INTENTS: Record<(typeof MENU_KEYS)[number], IntentName> = {
  ask: 'question',
  stations: 'stations',
  arrears: 'arrears',
  human: 'human',
  status: 'ticket_status',
};

/** The five things the service does, as quick replies that send a text the router recognises. */
export function menuQuickReplies(t: Translate): QuickReply[] {
  return MENU_KEYS.map((key) => ({
    label: staticText(t, `menu.${key}.label`),
    text: staticText(t, `menu.${key}.text`),
  }));
}

export function menuReply(t: Translate, lead: string): OutboundMessage {
  return { type: 'text', text: `${lead}\n${staticText(t, 'menu.list')}`, quickReplies: menuQuickReplies(t) };
}

/**
 * On text-only channels (WeChat) the menu is a numbered list and workers answer "2": that means
 * the menu item's own text. Only outside a flow, where a bare number answers nothing else.
 */
export function menuChoiceText(t: Translate, text: string): string | undefined {
  const match = /^([1-5])[.、。．]?$/.exec(text.trim());
  const key = match ? MENU_KEYS[Number(match[1]) - 1] : undefined;
  return key ? staticText(t, `menu.${key}.text`) : undefined;
}

/**
 * A menu button's own text (tapped, or its number typed) is an exact command: it means what the
 * button says, whatever a model would read in "我想咨询劳动法律问题".
 */
export function menuButtonIntent(ts: Translate[], text: string): IntentName | undefined {
  const said = text.trim();
  const key = MENU_KEYS.find((k) => ts.some((t) => staticText(t, `menu.${k}.text`) === said));
  return key ? BUTTON_INTENTS[key] : undefined;
}
