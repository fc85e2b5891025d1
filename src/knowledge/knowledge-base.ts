import { findArticleRefs, findLawMentions } from './article-lookup.js';
import { Bm25, type QueryTerm } from './bm25.js';
import type { Article, ArticleRef, Card } from './card.js';
import type { CardClassifier } from './card-classifier/card-classifier.js';
import { shippedCardClassifier } from './card-classifier/shipped-card-classifier.js';
import {
  BM25_RANKER_WEIGHTS,
  type CardSignals,
  featureRows,
  RANKER_WEIGHTS,
  rankScore,
  type Weights,
} from './card-ranker.js';
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
  /** Ranker weights other than the trained ones (training and experiments). */
  weights?: Weights;
}

/** One question's candidate cards and what the ranker sees of each (for training the ranker). */
export interface CardCandidates {
  ids: string[];
  signals: CardSignals[];
  /** Whether the card classifier's probabilities are in the signals (else BM25's only). */
  classified: boolean;
}

export interface IndexOptions {
  /**
   * The card classifier whose probabilities the ranker weighs: the shipped one when not given,
   * none with `null` (BM25's signals only).
   */
  classifier?: CardClassifier | null;
}

export interface KnowledgeBase {
  search(question: string, options?: SearchOptions): Retrieval;
  /** The cards retrieval weighs for a question, before ranking. */
  cardCandidates(question: string): CardCandidates;
  article(ref: ArticleRef): Article | undefined;
  readonly laws: readonly string[];
  readonly stats: { cards: number; articles: number; buildMs: number };
  /** The cards the index answers from. */
  readonly cards: readonly Card[];
  /**
   * The same statutes with other cards: only the card index is rebuilt (the article index, the
   * costly part, is shared), so a card saved in the console answers the next question.
   */
  withCards(cards: readonly Card[], options?: IndexOptions): KnowledgeBase;
  /** The card classifier in use, if any, and how many of the cards it knows. */
  readonly classifier: { version: string; knownCards: number } | null;
}

const key = (ref: ArticleRef) => `${ref.law}#${ref.article}`;

// Bigrams catch typos and odd segmentation; they are many and weak, so they weigh less.
const BIGRAM_WEIGHT = 0.5;
const SYNONYM_WEIGHT = 1.0;
/** How much the cards citing an article lift it (relative to the best article's own score). */
const CARD_LIFT = 0.8;
const LAW_MENTION_BOOST = 1.5;
/** Best-card score from which its citations lead the ranking (the answerer's bar, answer-question.ts). */
const CARD_LEAD_SCORE = 8;
/** Cards the whole-card index proposes for the ranker to order. */
const CARD_CANDIDATES = 10;
/** Cards the classifier adds to them: its most likely ones, when BM25 did not propose them. */
const CLASSIFIER_CANDIDATES = 5;

function queryTerms(tokens: string[], weight: number): QueryTerm[] {
  return tokens.map((term) => ({ term, weight: term.startsWith('~') ? weight * BIGRAM_WEIGHT : weight }));
}

function cardText(card: Card): string[] {
  const asks = [...card.ask, ...(card.askEn ?? [])].join('\n');
  // Asks and answer once each: with a dozen asks or more per card, counting the asks twice let
  // a card win on its question words (多长时间, 怎么办) over one whose answer is on topic.
  const answers = [card.zh, card.en]
    .map((text) => (text ? `${text.lead}\n${text.more ?? ''}` : ''))
    .join('\n');
  return [...tokenize(asks), ...tokenize(answers)];
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
export function createKnowledgeBase(
  cards: readonly Card[],
  articles: readonly Article[],
  options: IndexOptions = {},
): KnowledgeBase {
  const started = performance.now();
  const classifier = options.classifier === undefined ? shippedCardClassifier().model : options.classifier;
  return indexCards(cards, articleSide(articles), classifier, started);
}

function indexCards(
  cards: readonly Card[],
  side: ArticleSide,
  classifier: CardClassifier | null,
  started: number,
): KnowledgeBase {
  // Cards with many phrasings are long by design: weak length normalisation (b = 0.3) for them.
  const cardIndex = new Bm25(cards.map(cardText), 1.2, 0.3);
  // Every ask on its own, too: a question put like one ask of a card should find that card even
  // when the card's other asks and its answer are about neighbouring things.
  const askOwner: number[] = [];
  const askDocs: string[][] = [];
  const asksByCard: number[][] = cards.map(() => []);
  cards.forEach((card, index) => {
    for (const ask of [...card.ask, ...(card.askEn ?? [])]) {
      asksByCard[index]?.push(askDocs.length);
      askOwner.push(index);
      askDocs.push(tokenize(ask));
    }
  });
  const askIndex = new Bm25(askDocs);

  const cardWords = cards.map((card) => new Set(cardText(card).filter((token) => !token.startsWith('~'))));
  // The classifier's class of each card; −1 for a card it does not know or learned from other asks
  // or answer text (new or edited in the console since): such a card is ranked on BM25 alone.
  const classOf = cards.map((card) => classifier?.classOf(card) ?? -1);
  const docOfClass = new Map(classOf.flatMap((c, doc) => (c >= 0 ? [[c, doc] as const] : [])));
  const { articles, index: articleIndex, byKey, laws } = side;
  const buildMs = performance.now() - started;

  function plainSearch(question: string, limit: number): Retrieval {
    side.plain ??= new Bm25(articles.map((a) => tokenize(`${a.law}\n${a.text}`, { bigrams: false })));
    const hits = side.plain.search(queryTerms(tokenize(question, { bigrams: false }), 1), limit);
    const found = hits.map((hit) => ({ article: articles[hit.doc] as Article, score: hit.score }));
    return { direct: [], cards: [], articles: found, citations: found.map(({ article }) => article) };
  }

  /** The question's words, what its colloquialisms stand for, and its BM25 query. */
  function understand(normal: string) {
    const own = tokenize(normal);
    const synonyms = expandSynonyms(normal).map((group) => ({
      ...group,
      words: tokenize(group.terms, { bigrams: false }),
    }));
    // Words that show what the question is about: the user's own, and what their colloquial
    // words stand for (公伤 → 工伤), but not who is asking (骑手 → 新就业形态).
    const ownWords = [...new Set(own.filter((token) => !token.startsWith('~')))];
    const topicWords = [
      ...new Set([...ownWords, ...synonyms.filter((group) => !group.who).flatMap((group) => group.words)]),
    ];
    const terms = [
      ...queryTerms(own, 1),
      // A group adds several statute words; together they should count about as much as one of
      // the user's own words, or a single topical word (外卖) would pull in a whole card.
      ...synonyms.flatMap(({ words }) =>
        queryTerms(words, SYNONYM_WEIGHT / Math.sqrt(Math.max(1, words.length))),
      ),
    ];
    return { ownWords, topicWords, terms };
  }

  /**
   * The classifier's probability of every card, and its likeliest cards, when every card BM25
   * proposes is known to it; otherwise none (a card it does not know could not compete).
   */
  function classify(normal: string, proposed: readonly { doc: number }[]) {
    if (!classifier || docOfClass.size === 0) return undefined;
    if (proposed.some(({ doc }) => (classOf[doc] ?? -1) < 0)) return undefined;
    const probabilities = classifier.probabilities(normal);
    // The few likeliest of the cards in the index, by insertion into a short sorted list.
    const likeliest: { doc: number; p: number }[] = [];
    for (const [c, doc] of docOfClass) {
      const p = probabilities[c] ?? 0;
      if (likeliest.length === CLASSIFIER_CANDIDATES && p <= (likeliest.at(-1)?.p ?? 0)) continue;
      let at = likeliest.length;
      while (at > 0 && (likeliest[at - 1]?.p ?? 0) < p) at--;
      likeliest.splice(at, 0, { doc, p });
      if (likeliest.length > CLASSIFIER_CANDIDATES) likeliest.pop();
    }
    return { probabilities, likeliest: likeliest.map(({ doc }) => doc) };
  }

  /** Candidate cards with their signals; `articleScore` is each article's share of the best. */
  function candidates(
    normal: string,
    terms: QueryTerm[],
    ownWords: string[],
    articleScore: Map<string, number>,
  ): { found: { doc: number; signals: CardSignals }[]; classified: boolean } {
    const proposed = cardIndex.search(terms, CARD_CANDIDATES);
    const classified = classify(normal, proposed);
    if (classified) {
      const have = new Set(proposed.map(({ doc }) => doc));
      const extra = classified.likeliest.filter((doc) => !have.has(doc));
      proposed.push(...cardIndex.scoreDocs(terms, extra));
    }
    // Only the candidates' own asks are scored: the ask index is large and a question's bigrams
    // touch most of it.
    const asksOf = proposed.flatMap((hit) => asksByCard[hit.doc] ?? []);
    const bestAsk = new Map<number, { score: number; coverage: number }>();
    for (const hit of askIndex.scoreDocs(terms, asksOf)) {
      const owner = askOwner[hit.doc] as number;
      if (hit.score > (bestAsk.get(owner)?.score ?? 0)) bestAsk.set(owner, hit);
    }
    const found = proposed.map((hit) => {
      const card = cards[hit.doc] as Card;
      const cited = card.cite.map((ref) => articleScore.get(key(ref)) ?? 0);
      const words = cardWords[hit.doc];
      const ask = bestAsk.get(hit.doc);
      return {
        doc: hit.doc,
        signals: {
          card: hit.score,
          cardCoverage: hit.coverage,
          ask: ask?.score ?? 0,
          askCoverage: ask?.coverage ?? 0,
          citedArticle: Math.max(0, ...cited),
          firstArticle: cited[0] ?? 0,
          words: ownWords.length ? ownWords.filter((word) => words?.has(word)).length / ownWords.length : 0,
          probability: classified?.probabilities[classOf[hit.doc] ?? -1] ?? 0,
        },
      };
    });
    return { found, classified: classified !== undefined };
  }

  /** Each article's own BM25 relative to the best one's. */
  function articleScores(terms: QueryTerm[]) {
    const raw = articleIndex.search(terms, 50);
    const top = raw[0]?.score ?? 1;
    return new Map(raw.map((hit) => [key(articles[hit.doc] as Article), hit.score / top]));
  }

  function cardCandidates(question: string): CardCandidates {
    const normal = normalize(question);
    const { ownWords, terms } = understand(normal);
    const { found, classified } = candidates(normal, terms, ownWords, articleScores(terms));
    return {
      ids: found.map(({ doc }) => (cards[doc] as Card).id),
      signals: found.map(({ signals }) => signals),
      classified,
    };
  }

  function search(question: string, options: SearchOptions = {}): Retrieval {
    const limit = options.limit ?? 5;
    if (options.plain) return plainSearch(question, limit);
    const normal = normalize(question);
    const direct = findArticleRefs(normal, laws)
      .map((ref) => byKey.get(key(ref)))
      .filter((a): a is Article => a !== undefined);
    const { ownWords, topicWords, terms } = understand(normal);
    const ownScores = articleScores(terms);
    const { found, classified } = candidates(normal, terms, ownWords, ownScores);
    const rows = featureRows(found.map(({ signals }) => signals));
    const weights = options.weights ?? (classified ? RANKER_WEIGHTS : BM25_RANKER_WEIGHTS);
    const ranked = found
      .map((candidate, i) => ({ ...candidate, rank: rankScore(rows[i] ?? [], weights) }))
      .sort((a, b) => b.rank - a.rank || a.doc - b.doc);
    // The score stays the whole-card BM25: the answerer's bars (answer-question.ts) are on it.
    const cardHits = ranked.slice(0, 3).map(({ doc, signals }) => ({
      card: cards[doc] as Card,
      score: signals.card,
      coverage: signals.cardCoverage,
      matchedWords: topicWords.filter((word) => cardWords[doc]?.has(word)),
    }));

    // Articles: their own BM25, lifted when the question names their law or a matching card cites them.
    const mentioned = findLawMentions(normal, laws);
    const scores = new Map<string, { article: Article; score: number }>();
    for (const [ref, share] of ownScores) {
      const article = byKey.get(ref) as Article;
      const boost = mentioned.has(article.law) ? LAW_MENTION_BOOST : 1;
      scores.set(ref, { article, score: share * boost });
    }
    const bestCard = cardHits[0]?.score ?? 1;
    cardHits.forEach((hit, rank) => {
      hit.card.cite.forEach((ref, position) => {
        const article = byKey.get(key(ref));
        if (!article) return;
        const lift = (CARD_LIFT * Math.min(1, hit.score / bestCard)) / (rank + 1) / (1 + position * 0.25);
        const entry = scores.get(key(ref)) ?? { article, score: 0 };
        entry.score += lift;
        scores.set(key(ref), entry);
      });
    });
    const byScore = [...scores.values()].sort((a, b) => b.score - a.score);
    const citations: ArticleRef[] = [];
    const seen = new Set<string>();
    // A card that fits well is what the answer will cite: its articles lead, in its order.
    const lead = (cardHits[0]?.score ?? 0) >= CARD_LEAD_SCORE ? (cardHits[0]?.card.cite ?? []) : [];
    for (const ref of [...direct, ...lead, ...byScore.map((entry) => entry.article)]) {
      if (seen.has(key(ref))) continue;
      seen.add(key(ref));
      citations.push({ law: ref.law, article: ref.article });
    }
    return {
      direct,
      cards: cardHits,
      articles: byScore.slice(0, limit),
      citations: citations.slice(0, Math.max(limit, 10)),
    };
  }

  return {
    search,
    cardCandidates,
    article: (ref) => byKey.get(key(ref)),
    laws,
    stats: { cards: cards.length, articles: articles.length, buildMs },
    cards,
    withCards: (next, options = {}) =>
      indexCards(
        next,
        side,
        options.classifier === undefined ? classifier : options.classifier,
        performance.now(),
      ),
    classifier: classifier && { version: classifier.version, knownCards: docOfClass.size },
  };
}
