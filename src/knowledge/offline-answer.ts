import type { AnswerParts, OutboundMessage } from '../messages/messages.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import type { Locale } from '../platform/i18n/locales.js';
import type { ArticleRef } from './card.js';
import type { KnowledgeBase, Retrieval } from './knowledge-base.js';
import { answerQuickReplies, articleParagraph, basisLine, cardAnswer, toCitation } from './reply-parts.js';

/** How many articles an answer cites at most: enough to check, few enough to read on a phone. */
const MAX_CITATIONS = 4;

/**
 * The answer without an LLM: the best card's lead and next steps, or, when the question named an
 * article or no card fits, the articles themselves. Always cites. Shaped for a phone: `answer`
 * holds the parts (the web chat folds all after the lead), `text` is what a text channel shows:
 * the lead, the numbered steps and one line naming each article once, in words.
 */
export function offlineAnswer(
  retrieval: Retrieval,
  base: KnowledgeBase,
  locale: Locale,
  t: Translate,
  useCard: boolean,
): OutboundMessage | undefined {
  const card = useCard ? retrieval.cards[0]?.card : undefined;
  const leads: string[] = [];
  let more: string | undefined;
  let refs: ArticleRef[];
  let steps: string[];

  if (retrieval.direct.length) {
    // "劳动合同法第三十条说什么": the text of the article first, then the card that explains it.
    leads.push(...retrieval.direct.slice(0, 2).map((article) => articleParagraph(article, 400)));
    refs = [...retrieval.direct.slice(0, 2), ...(card?.cite ?? [])];
    const text = card ? cardAnswer(card, locale) : undefined;
    steps = text?.steps ?? [t('knowledge:answer.genericStep1'), t('knowledge:answer.genericStep2')];
    if (text) leads.push(text.lead);
    more = text?.more;
  } else if (card) {
    const text = cardAnswer(card, locale);
    if (!text.translated) leads.push(t('knowledge:answer.chineseOnly'));
    leads.push(text.lead);
    more = text.more;
    steps = text.steps;
    refs = [...card.cite];
  } else {
    const top = retrieval.articles.slice(0, 2).map((hit) => hit.article);
    if (!top.length) return undefined;
    leads.push(t('knowledge:answer.relevantArticles'), ...top.map((article) => articleParagraph(article)));
    steps = [t('knowledge:answer.genericStep1'), t('knowledge:answer.genericStep2')];
    refs = top;
  }

  const unique = dedupe(refs).slice(0, MAX_CITATIONS);
  const lead = leads.join('\n\n');
  const answer: AnswerParts = more ? { lead, more, steps } : { lead, steps };
  const text = [
    lead,
    `${t('knowledge:answer.nextSteps')}\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
    `${t('knowledge:answer.basis')}${basisLine(unique)}`,
  ].join('\n\n');
  return {
    type: 'answer',
    text,
    answer,
    citations: unique.map((ref) => toCitation(ref, base)),
    quickReplies: answerQuickReplies(t, card?.offerReport ?? false),
  };
}

function dedupe(refs: readonly ArticleRef[]): ArticleRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.law}#${ref.article}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
