import { findArticleRefs, findLawMentions } from './article-lookup.js';
import { Bm25, type QueryTerm } from './bm25.js';
import type { Article, ArticleRef, Card } from './card.js';
import { expandSynonyms } from './synonyms.js';
import { normalize, tokenize } from './tokenizer.js';

export interface CardHit {
  card: Card;
  score: number;
  coverage: number;
  /** Words showing the question's topic (its own words and what its colloquialisms stand for) found in the card. */
  matchedWords: string[];
}

export interface ArticleHit {
  article: Article;
  score: number;
}

export interface Retrieval {
  /** Articles the question named outright. */
  direct: Article[];
  cards: CardHit[];
  articles: ArticleHit[];
  /** Ranked citations: named articles, then the best card's, then the best articles. */
  citations: ArticleRef[];
}

export interface SearchOptions {
  /** Plain BM25 on articles only (no synonyms, cards or law boosts): the eval's baseline. */
  plain?: boolean;
  limit?: number;
}

export interface KnowledgeBase {
  search(question: string, options?: SearchOptions): Retrieval;
  article(ref: ArticleRef): Article | undefined;
  readonly laws: readonly string[];
  readonly stats: { cards: number; articles: number; buildMs: number };
  /** The cards the index answers from. */
  readonly cards: readonly Card[];
  /**
   * The same statutes with other cards: only the card index is rebuilt (the article index, the
   * costly part, is shared), so a card saved in the console answers the next question.
   */
  withCards(cards: readonly Card[]): KnowledgeBase;
}

const key = (ref: ArticleRef) => `${ref.law}#${ref.article}`;

// Bigrams catch typos and odd segmentation; they are many and weak, so they weigh less.
const BIGRAM_WEIGHT = 0.35;
const SYNONYM_WEIGHT = 1.0;
/** How much the cards citing an article lift it (relative to the best article's own score). */
const CARD_LIFT = 0.8;
const LAW_MENTION_BOOST = 1.5;
/** Best-card score from which its citations lead the ranking (the answerer's bar, answer-question.ts). */
const CARD_LEAD_SCORE = 8;

function queryTerms(tokens: string[], weight: number): QueryTerm[] {
  return tokens.map((term) => ({ term, weight: term.startsWith('~') ? weight * BIGRAM_WEIGHT : weight }));
}

function cardText(card: Card): string[] {
  const asks = [...card.ask, ...(card.askEn ?? [])].join('\n');
  // The asked forms count twice: they are what a question should look like.
  const answers = [card.zh, card.en]
    .map((text) => (text ? `${text.lead}\n${text.more ?? ''}` : ''))
    .join('\n');
  return [...tokenize(asks), ...tokenize(asks), ...tokenize(answers)];
}

/** The statutes' side of the index, built once per import and shared by every card set. */
interface ArticleSide {
  articles: readonly Article[];
  index: Bm25;
  byKey: Map<string, Article>;
  laws: string[];
  /** The eval's baseline only; built on first use so start-up does not pay for it. */
  plain?: Bm25;
}

function articleSide(articles: readonly Article[]): ArticleSide {
  return {
    articles,
    index: new Bm25(articles.map((a) => tokenize(`${a.law} ${a.chapter ?? ''}\n${a.text}`))),
    byKey: new Map(articles.map((a) => [key(a), a])),
    laws: [...new Set(articles.map((a) => a.law))],
  };
}

/** Build the in-memory index over the cards and the imported statute articles. */
export function createKnowledgeBase(cards: readonly Card[], articles: readonly Article[]): KnowledgeBase {
  const started = performance.now();
  return indexCards(cards, articleSide(articles), started);
}

function indexCards(cards: readonly Card[], side: ArticleSide, started: number): KnowledgeBase {
  // Cards with many phrasings are long by design: weak length normalisation (b = 0.3) for them.
  const cardIndex = new Bm25(cards.map(cardText), 1.2, 0.3);
  const cardWords = cards.map((card) => new Set(cardText(card).filter((token) => !token.startsWith('~'))));
  const { articles, index: articleIndex, byKey, laws } = side;
  const buildMs = performance.now() - started;

  function plainSearch(question: string, limit: number): Retrieval {
    side.plain ??= new Bm25(articles.map((a) => tokenize(`${a.law}\n${a.text}`, { bigrams: false })));
    const hits = side.plain.search(queryTerms(tokenize(question, { bigrams: false }), 1), limit);
    const found = hits.map((hit) => ({ article: articles[hit.doc] as Article, score: hit.score }));
    return { direct: [], cards: [], articles: found, citations: found.map(({ article }) => article) };
  }

  function search(question: string, options: SearchOptions = {}): Retrieval {
    const limit = options.limit ?? 5;
    if (options.plain) return plainSearch(question, limit);
    const normal = normalize(question);
    const direct = findArticleRefs(normal, laws)
      .map((ref) => byKey.get(key(ref)))
      .filter((a): a is Article => a !== undefined);
    const own = tokenize(normal);
    const synonyms = expandSynonyms(normal).map((group) => ({
      ...group,
      words: tokenize(group.terms, { bigrams: false }),
    }));
    // Words that show what the question is about: the user's own, and what their colloquial
    // words stand for (公伤 → 工伤), but not who is asking (骑手 → 新就业形态).
    const topicWords = [
      ...new Set([
        ...own.filter((token) => !token.startsWith('~')),
        ...synonyms.filter((group) => !group.who).flatMap((group) => group.words),
      ]),
    ];
    const terms = [
      ...queryTerms(own, 1),
      // A group adds several statute words; together they should count about as much as one of
      // the user's own words, or a single topical word (外卖) would pull in a whole card.
      ...synonyms.flatMap(({ words }) =>
        queryTerms(words, SYNONYM_WEIGHT / Math.sqrt(Math.max(1, words.length))),
      ),
    ];
    const cardHits = cardIndex.search(terms, 3).map((hit) => ({
      card: cards[hit.doc] as Card,
      score: hit.score,
      coverage: hit.coverage,
      matchedWords: topicWords.filter((word) => cardWords[hit.doc]?.has(word)),
    }));

    // Articles: their own BM25, lifted when the question names their law or a matching card cites them.
    const mentioned = findLawMentions(normal, laws);
    const raw = articleIndex.search(terms, 50);
    const top = raw[0]?.score ?? 1;
    const scores = new Map<string, { article: Article; score: number }>();
    for (const hit of raw) {
      const article = articles[hit.doc] as Article;
      const boost = mentioned.has(article.law) ? LAW_MENTION_BOOST : 1;
      scores.set(key(article), { article, score: (hit.score / top) * boost });
    }
    const bestCard = cardHits[0]?.score ?? 1;
    cardHits.forEach((hit, rank) => {
      hit.card.cite.forEach((ref, position) => {
        const article = byKey.get(key(ref));
        if (!article) return;
        const lift = (CARD_LIFT * (hit.score / bestCard)) / (rank + 1) / (1 + position * 0.25);
        const entry = scores.get(key(ref)) ?? { article, score: 0 };
        entry.score += lift;
        scores.set(key(ref), entry);
      });
    });
    const ranked = [...scores.values()].sort((a, b) => b.score - a.score);
    const citations: ArticleRef[] = [];
    const seen = new Set<string>();
    // A card that fits well is what the answer will cite: its articles lead, in its order.
    const lead = (cardHits[0]?.score ?? 0) >= CARD_LEAD_SCORE ? (cardHits[0]?.card.cite ?? []) : [];
    for (const ref of [...direct, ...lead, ...ranked.map((entry) => entry.article)]) {
      if (seen.has(key(ref))) continue;
      seen.add(key(ref));
      citations.push({ law: ref.law, article: ref.article });
    }
    return {
      direct,
      cards: cardHits,
      articles: ranked.slice(0, limit),
      citations: citations.slice(0, Math.max(limit, 10)),
    };
  }

  return {
    search,
    article: (ref) => byKey.get(key(ref)),
    laws,
    stats: { cards: cards.length, articles: articles.length, buildMs },
    cards,
    withCards: (next) => indexCards(next, side, performance.now()),
  };
}
