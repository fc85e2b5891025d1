import type { OutboundMessage } from '../../messages/messages.js';
import type { Translate } from '../../platform/i18n/create-i18n.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { Card } from '../card.js';
import type { KnowledgeBase, Retrieval } from '../knowledge-base.js';
import { offlineAnswer } from '../offline-answer.js';

/**
 * The reply a worker gets when this card answers, built by the chat's own offline answerer (the
 * same lead, folded steps, citations in words and quick replies): the base is the live one with
 * the draft in place of the saved card, so its citations carry the imported article texts.
 */
export function previewCard(card: Card, base: KnowledgeBase, locale: Locale, t: Translate): OutboundMessage {
  const withDraft = base.withCards([...base.cards.filter((other) => other.id !== card.id), card]);
  const retrieval: Retrieval = {
    direct: [],
    cards: [{ card, score: Number.POSITIVE_INFINITY, coverage: 1, matchedWords: [] }],
    articles: [],
    citations: card.cite,
  };
  // A card always cites, so the offline answer always has a reply for it.
  return offlineAnswer(retrieval, withDraft, locale, t, true) as OutboundMessage;
}
