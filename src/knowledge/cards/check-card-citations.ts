import type { Article, Card } from '../card.js';
import { KNOWN_LAWS } from '../law-names.js';

/**
 * Why each of a card's citations cannot stand, if any. With statutes imported the article must be
 * there; without them only the law's name can be checked (against the laws the project knows).
 */
export function citationProblems(card: Card, articles: readonly Article[]): string[] {
  if (!articles.length) {
    const known = new Set(KNOWN_LAWS);
    return card.cite
      .filter((ref) => !known.has(ref.law))
      .map((ref) => `cite: "${ref.law} ${ref.article}" names a law the project does not know`);
  }
  const present = new Set(articles.map((a) => `${a.law}#${a.article}`));
  const laws = new Set(articles.map((a) => a.law));
  return card.cite
    .filter((ref) => !present.has(`${ref.law}#${ref.article}`))
    .map((ref) =>
      laws.has(ref.law)
        ? `cite: 《${ref.law}》 has no article ${ref.article} in the imported statutes`
        : `cite: 《${ref.law}》 is not among the imported statutes`,
    );
}
