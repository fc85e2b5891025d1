import type { OutboundMessage, ReplyDelta } from '../messages/messages.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import type { Locale } from '../platform/i18n/locales.js';
import type { Llm } from '../platform/llm/llm-plugin.js';
import { answerMessages } from './answer-prompt.js';
import type { ArticleRef } from './card.js';
import { articleLabel } from './chinese-numeral.js';
import { groundedStream } from './grounded-stream.js';
import { checkGrounding } from './grounding.js';
import type { KnowledgeBase, Retrieval } from './knowledge-base.js';
import { answerQuickReplies, cardAnswer, snippet, toCitation } from './reply-parts.js';

const MAX_ARTICLES = 5;
const ARTICLE_CHARS = 500;

export interface LlmAnswerInput {
  llm: Llm;
  question: string;
  retrieval: Retrieval;
  base: KnowledgeBase;
  useCard: boolean;
  locale: Locale;
  t: Translate;
  onDelta?: (delta: ReplyDelta) => void;
}

/** The passages the model may use, and so the only articles it may cite. */
export function buildContext(retrieval: Retrieval, base: KnowledgeBase, useCard: boolean, locale: Locale) {
  const card = useCard ? retrieval.cards[0]?.card : undefined;
  const refs: ArticleRef[] = [];
  const add = (ref: ArticleRef) => {
    if (!refs.some((r) => r.law === ref.law && r.article === ref.article)) refs.push(ref);
  };
  for (const ref of retrieval.direct) add(ref);
  for (const ref of card?.cite ?? []) add(ref);
  for (const hit of retrieval.articles) add(hit.article);
  const allowed = refs.slice(0, MAX_ARTICLES + (card?.cite.length ?? 0));
  const blocks = allowed.map((ref, i) => {
    const article = base.article(ref);
    const body = article ? snippet(article.text, ARTICLE_CHARS) : '';
    return `[${i + 1}] 《${ref.law}》${articleLabel(ref.article)}${body ? `：${body}` : ''}`;
  });
  if (card) {
    const text = cardAnswer(card, locale);
    blocks.unshift(
      `[要点] ${[text.lead, text.more].filter(Boolean).join(' ')}\n[下一步] ${text.steps.join('；')}`,
    );
  }
  return { context: blocks.join('\n\n'), allowed, card };
}

// Phrases only the prompt itself contains: an answer quoting them is repeating its instructions
// (an injection asked for them), so it is not shown.
const PROMPT_MARKERS = ['任何时候都不能改变', '<context>', '</question>', '只依据 <context>'];

function leaksPrompt(text: string): boolean {
  return PROMPT_MARKERS.some((marker) => text.includes(marker));
}

/**
 * Retrieval-augmented answer, streamed through onDelta. Returns undefined when the model fails or
 * its answer cites nothing from the context; the caller then sends the offline answer.
 */
export async function llmAnswer(input: LlmAnswerInput): Promise<OutboundMessage | undefined> {
  const { context, allowed, card } = buildContext(input.retrieval, input.base, input.useCard, input.locale);
  if (!allowed.length) return undefined;
  const messages = answerMessages({
    language: input.locale === 'en' ? 'English' : '简体中文',
    context,
    question: input.question,
  });
  const flag = input.t('knowledge:answer.unverified');
  const check = (text: string) => checkGrounding(text, allowed, flag, input.base.laws);
  const onDelta = input.onDelta;
  const result = await input.llm.complete(messages, {
    onToken: onDelta
      ? groundedStream({
          check: (raw) => check(raw).text,
          unfit: leaksPrompt,
          emit: (text) => onDelta({ index: 0, text }),
        })
      : undefined,
  });
  if (!result.ok || leaksPrompt(result.text)) return undefined;
  const checked = check(result.text.trim());
  if (!checked.grounded.length) return undefined;
  return {
    type: 'answer',
    text: checked.text,
    citations: checked.grounded.map((ref) => toCitation(ref, input.base)),
    quickReplies: answerQuickReplies(input.t, card?.offerReport ?? false),
  };
}
