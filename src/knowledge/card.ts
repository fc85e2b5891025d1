/** A statute article a card or answer relies on: short law name and article number. */
export interface ArticleRef {
  law: string;
  article: number;
}

/** A card's answer in one language, shaped for a phone held in one hand. */
export interface CardText {
  /** Answers the question in at most about 120 characters (140 at most; English twice that). */
  lead: string;
  /** Further explanation: folded on the web chat, left out on text channels. */
  more?: string;
  /** What to do next, in order. */
  steps: string[];
}

/**
 * A knowledge card: one question workers ask, answered in plain words by the union, with the
 * statute articles the answer rests on. Cards are data: one Markdown file each under
 * knowledge/cards/ (or KNOWLEDGE_CARDS_DIR), read by cards/load-card-dir.ts.
 */
export interface Card {
  id: string;
  topic: string;
  /** The question as workers put it, several ways (used for retrieval, not shown). */
  ask: string[];
  askEn?: string[];
  zh: CardText;
  en?: CardText;
  cite: ArticleRef[];
  /** Offer to start a wage-arrears report from this answer. */
  offerReport?: boolean;
  /** When legal staff last checked the card against the law (YYYY-MM-DD). */
  reviewed: string;
  author: string;
}

/** A statute article as the index and the answerer see it. */
export interface Article extends ArticleRef {
  lawTitle: string;
  label: string;
  chapter?: string | null;
  text: string;
}
