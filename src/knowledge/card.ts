/** A statute article a card or answer relies on: short law name and article number. */
export interface ArticleRef {
  law: string;
  article: number;
}

/**
 * A knowledge card: one question workers ask, answered in plain words by the project, with the
 * statute articles the answer rests on. Cards are data; they live in src/knowledge/cards/.
 */
export interface Card {
  id: string;
  topic: string;
  /** The question as workers put it, several ways (used for retrieval, not shown). */
  ask: string[];
  askEn?: string[];
  /** The answer, short enough to read on a phone. */
  answer: string;
  /** What to do next, in order. */
  steps: string[];
  en?: { answer: string; steps: string[] };
  cite: ArticleRef[];
  /** Offer to start a wage-arrears report from this answer. */
  offerReport?: boolean;
}

/** A statute article as the index and the answerer see it. */
export interface Article extends ArticleRef {
  lawTitle: string;
  label: string;
  chapter?: string | null;
  text: string;
}
