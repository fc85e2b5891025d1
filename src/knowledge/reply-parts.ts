import type { Citation, QuickReply } from '../messages/messages.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import type { Locale } from '../platform/i18n/locales.js';
import type { Article, ArticleRef, Card, CardText } from './card.js';
import { articleLabel } from './chinese-numeral.js';
import type { KnowledgeBase } from './knowledge-base.js';

const SNIPPET_CHARS = 80;
/** The article text a citation carries: the web chat shows it a tap away, so most of it. */
const CITATION_TEXT_CHARS = 600;

export function snippet(text: string, chars = SNIPPET_CHARS): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > chars ? `${flat.slice(0, chars)}…` : flat;
}

/** A citation for the reply contract: the article in words (第四十四条) and, when imported, its text. */
export function toCitation(ref: ArticleRef, base: KnowledgeBase): Citation {
  const article = base.article(ref);
  return article
    ? {
        law: ref.law,
        article: ref.article,
        title: article.label,
        snippet: snippet(article.text, CITATION_TEXT_CHARS),
      }
    : { law: ref.law, article: ref.article, title: articleLabel(ref.article) };
}

/** 《劳动合同法》第三十条；《劳动法》第五十条 */
export function basisLine(citations: readonly ArticleRef[]): string {
  return citations.map((c) => `《${c.law}》${articleLabel(c.article)}`).join('；');
}

/** The card's text in the worker's language; `translated` is false when English was asked and there is none. */
export function cardAnswer(card: Card, locale: Locale): CardText & { translated: boolean } {
  if (locale === 'en' && card.en) return { ...card.en, translated: true };
  return { ...card.zh, translated: locale !== 'en' };
}

export function answerQuickReplies(t: Translate, offerReport: boolean): QuickReply[] {
  const replies: QuickReply[] = [];
  if (offerReport)
    replies.push({ label: t('knowledge:quick.report.label'), text: t('knowledge:quick.report.text') });
  replies.push({ label: t('knowledge:quick.human.label'), text: t('knowledge:quick.human.text') });
  // The worker's verdict feeds the review queue (conversation/flows/qa/feedback-guard.ts).
  replies.push(
    { label: t('knowledge:feedback.yes.label'), text: t('knowledge:feedback.yes.text'), feedback: 'yes' },
    { label: t('knowledge:feedback.no.label'), text: t('knowledge:feedback.no.text'), feedback: 'no' },
  );
  return replies;
}

export function articleParagraph(article: Article, chars = 220): string {
  return `《${article.law}》${article.label}：${snippet(article.text, chars)}`;
}
