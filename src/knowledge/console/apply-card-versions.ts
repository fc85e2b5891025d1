import type { Article, Card } from '../card.js';
import { citationProblems } from '../cards/check-card-citations.js';
import { parseCardFile } from '../cards/parse-card-file.js';
import type { StoredCard } from './card-versions.js';

export type CardSource = 'folder' | 'console';

export interface CardSet {
  cards: Card[];
  /** Where each card in `cards` came from, and its stored version when the console saved it. */
  origin: Map<string, { source: CardSource; version?: number }>;
  /** Cards retired in the console: out of the index, kept for the history and to be restored. */
  retired: StoredCard[];
  /** "id.md (version n): field: reason" for a stored version the statutes no longer support. */
  problems: string[];
}

/** A card's Markdown checked as the folder's strict reader checks a file, citations included. */
export function checkCardMarkdown(
  markdown: string,
  fileName: string,
  articles: readonly Article[],
): { ok: true; card: Card } | { ok: false; problems: string[] } {
  const parsed = parseCardFile(markdown, fileName);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((problem) => `${fileName}: ${problem}`) };
  const refused = citationProblems(parsed.card, articles);
  if (refused.length) return { ok: false, problems: refused.map((problem) => `${fileName}: ${problem}`) };
  return parsed;
}

/**
 * The folder's cards with the console's versions on top: a stored version wins over the file of
 * the same id, a retired one removes it, a new one adds a card. A stored version that no longer
 * passes (its article was removed from the statutes) is reported, and the folder's card stays.
 */
export function applyCardVersions(
  folder: readonly Card[],
  stored: ReadonlyMap<string, StoredCard>,
  articles: readonly Article[],
): CardSet {
  const byId = new Map<string, Card>(folder.map((card) => [card.id, card]));
  const origin = new Map<string, { source: CardSource; version?: number }>(
    folder.map((card) => [card.id, { source: 'folder' }]),
  );
  const retired: StoredCard[] = [];
  const problems: string[] = [];
  for (const version of stored.values()) {
    if (version.action === 'retire') {
      byId.delete(version.cardId);
      origin.delete(version.cardId);
      retired.push(version);
      continue;
    }
    const checked = checkCardMarkdown(version.markdown, `${version.cardId}.md`, articles);
    if (!checked.ok) {
      problems.push(...checked.problems.map((problem) => `${problem} (version ${version.version})`));
      continue;
    }
    byId.set(version.cardId, checked.card);
    origin.set(version.cardId, { source: 'console', version: version.version });
  }
  // Folder order, new cards after: with no versions stored the index is the folder's, exactly.
  const cards = [...byId.values()];
  return { cards, origin, retired, problems };
}
