import type { OutboundMessage } from '../messages/messages.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import type { Locale } from '../platform/i18n/locales.js';
import type { ArticleRef } from './card.js';
import type { KnowledgeBase, Retrieval } from './knowledge-base.js';
import { answerQuickReplies, articleParagraph, basisLine, cardAnswer, toCitation } from './reply-parts.js';

/** How many articles an answer cites at most: enough to check, few enough to read on a phone. */
const MAX_CITATIONS = 4;

/**
 * The answer without an LLM: the best card's plain-language answer and next steps, or, when the
 * question named an article or no card fits, the articles themselves. Always cites.
 */
export function offlineAnswer(
  retrieval: Retrieval,
  base: KnowledgeBase,
  locale: Locale,
  t: Translate,
  useCard: boolean,
): OutboundMessage | undefined {
  const card = useCard ? retrieval.cards[0]?.card : undefined;
  const parts: string[] = [];
  let refs: ArticleRef[];
  let steps: string[];

  if (retrieval.direct.length) {
    // "劳动合同法第三十条说什么": the text of the article first, then the card that explains it.
    parts.push(...retrieval.direct.slice(0, 2).map((article) => articleParagraph(article, 400)));
    refs = [...retrieval.direct.slice(0, 2), ...(card?.cite ?? [])];
    steps = card
      ? cardAnswer(card, locale).steps
      : [t('knowledge:answer.genericStep1'), t('knowledge:answer.genericStep2')];
    if (card) parts.push(cardAnswer(card, locale).answer);
  } else if (card) {
    const text = cardAnswer(card, locale);
    if (!text.translated) parts.push(t('knowledge:answer.chineseOnly'));
    parts.push(text.answer);
    steps = text.steps;
    refs = [...card.cite];
  } else {
    const top = retrieval.articles.slice(0, 2).map((hit) => hit.article);
    if (!top.length) return undefined;
    parts.push(t('knowledge:answer.relevantArticles'), ...top.map((article) => articleParagraph(article)));
    steps = [t('knowledge:answer.genericStep1'), t('knowledge:answer.genericStep2')];
    refs = top;
  }

  const unique = dedupe(refs).slice(0, MAX_CITATIONS);
  const text = [
    ...parts,
    `${t('knowledge:answer.nextSteps')}\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
    `${t('knowledge:answer.basis')}${basisLine(unique)}`,
  ].join('\n\n');
  return {
    type: 'answer',
    text,
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
