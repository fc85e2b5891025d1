import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db/create-prisma.js';
import type { Article, Card } from './card.js';
import { InvalidCardsError, loadCardDir } from './cards/load-card-dir.js';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { type ImportReport, importStatutes } from './statute-importer.js';

export interface KnowledgeService {
  /** The current index; replaced as a whole after an import, so a search never sees half of one. */
  readonly base: KnowledgeBase;
  rebuild(): Promise<KnowledgeBase['stats']>;
  /** Rebuild only if the stored articles changed since the last build (an import by the CLI). */
  refreshIfChanged(): Promise<boolean>;
  importDir(dir: string): Promise<ImportReport>;
}

/**
 * The cards of `cardsDir` plus the statute articles in the database, as one in-memory index.
 * At start every card must pass (citations checked against the stored statutes), or this throws
 * InvalidCardsError with every problem. A later rebuild that refuses a card (statutes re-imported
 * without an article it cites, a file edited badly) logs the problems and keeps the cards it had.
 */
export async function createKnowledgeService(
  prisma: Db,
  log: FastifyBaseLogger,
  cardsDir: string,
): Promise<KnowledgeService> {
  let cards: Card[] = [];
  let base = createKnowledgeBase(cards, []);
  let builtFrom = '';
  // Row count and newest update identify what the index was built from.
  async function version(): Promise<string> {
    const { _count, _max } = await prisma.knowledgeDoc.aggregate({
      _count: { _all: true },
      _max: { updatedAt: true },
    });
    return `${_count._all}@${_max.updatedAt?.toISOString() ?? ''}`;
  }
  async function build(strict: boolean) {
    builtFrom = await version();
    const articles: Article[] = await prisma.knowledgeDoc.findMany({
      select: { law: true, lawTitle: true, article: true, label: true, chapter: true, text: true },
      orderBy: [{ law: 'asc' }, { article: 'asc' }],
    });
    const loaded = loadCardDir(cardsDir, articles);
    if (loaded.problems.length && strict) throw new InvalidCardsError(cardsDir, loaded.problems);
    if (loaded.problems.length)
      log.error(
        { dir: cardsDir, problems: loaded.problems },
        'knowledge cards refused; the previous cards stay',
      );
    else cards = loaded.cards;
    base = createKnowledgeBase(cards, articles);
    log.info(base.stats, 'knowledge index built');
    return base.stats;
  }
  await build(true);
  const rebuild = () => build(false);
  return {
    get base() {
      return base;
    },
    rebuild,
    async refreshIfChanged() {
      if ((await version()) === builtFrom) return false;
      await rebuild();
      return true;
    },
    async importDir(dir) {
      const report = await importStatutes(prisma, dir);
      for (const problem of report.problems) log.warn(problem, 'statute file skipped');
      await rebuild();
      return report;
    },
  };
}
