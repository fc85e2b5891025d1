import fs from 'node:fs';
import path from 'node:path';
import type { Article, Card } from '../card.js';
import { citationProblems } from './check-card-citations.js';
import { parseCardFile } from './parse-card-file.js';

export interface CardDirReport {
  /** The cards that passed every check, in file-name order. */
  cards: Card[];
  /** "file.md: field: reason", one line per problem; a card with any problem is refused. */
  problems: string[];
}

/** Every *.md card in `dir` (subfolders too, so an operator may group them), checked. */
export function loadCardDir(dir: string, articles: readonly Article[] = []): CardDirReport {
  if (!fs.existsSync(dir)) return { cards: [], problems: [`${dir}: the cards folder is not there`] };
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !path.basename(name).startsWith('README'))
    .sort();
  const cards: Card[] = [];
  const problems: string[] = [];
  const fileOfId = new Map<string, string>();
  for (const file of files) {
    const parsed = parseCardFile(fs.readFileSync(path.join(dir, file), 'utf8'), file);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((problem) => `${file}: ${problem}`));
      continue;
    }
    const { card } = parsed;
    const refused = citationProblems(card, articles);
    const twin = fileOfId.get(card.id);
    if (twin) refused.push(`id: "${card.id}" is also the id of ${twin}`);
    if (refused.length) {
      problems.push(...refused.map((problem) => `${file}: ${problem}`));
      continue;
    }
    fileOfId.set(card.id, file);
    cards.push(card);
  }
  if (!files.length) problems.push(`${dir}: no card files (*.md)`);
  return { cards, problems };
}

/** A card folder with a refused card: nothing starts on part of its cards. */
export class InvalidCardsError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: string[],
  ) {
    super(`knowledge cards in ${dir} refused:\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidCardsError';
  }
}

/** The cards of `dir`, all of them, or InvalidCardsError listing every problem (CLIs, bench, tests). */
export function loadCardsOrThrow(dir: string, articles: readonly Article[] = []): Card[] {
  const { cards, problems } = loadCardDir(dir, articles);
  if (problems.length) throw new InvalidCardsError(dir, problems);
  return cards;
}
