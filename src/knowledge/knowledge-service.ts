import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db/create-prisma.js';
import type { Article, Card } from './card.js';
import { InvalidCardsError, loadCardDir } from './cards/load-card-dir.js';
import { applyCardVersions, type CardSet, checkCardMarkdown } from './console/apply-card-versions.js';
import { type CardChangeNotice, createInProcessCardChangeNotice } from './console/card-change-notice.js';
import { type CardChange, type CardVersionStore, createCardVersionStore } from './console/card-versions.js';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { type ImportReport, importStatutes } from './statute-importer.js';

export interface KnowledgeService {
  /** The current index; replaced as a whole after an import, so a search never sees half of one. */
  readonly base: KnowledgeBase;
  /** The cards answering now, where each came from, and the retired ones. */
  readonly cardSet: CardSet;
  /** The folder's cards as read at the last full build (what an export without edits would write). */
  readonly folderCards: readonly Card[];
  readonly articles: readonly Article[];
  readonly versions: CardVersionStore;
  rebuild(): Promise<KnowledgeBase['stats']>;
  /** Rebuild only if the stored articles or card versions changed since the last build. */
  refreshIfChanged(): Promise<boolean>;
  importDir(dir: string): Promise<ImportReport>;
  /** Markdown checked as a card file is, against the imported statutes. */
  checkCard(markdown: string, fileName: string): ReturnType<typeof checkCardMarkdown>;
  /** Store card versions, re-index here at once, then tell every other instance. */
  saveCards(changes: CardChange[]): Promise<void>;
}

export interface KnowledgeServiceOptions {
  /** Where "the cards changed" goes to and comes from; in-process when not given. */
  notice?: CardChangeNotice;
}

/**
 * The cards of `cardsDir`, with the console's stored versions on top, plus the statute articles
 * in the database, as one in-memory index. At start every file must pass (citations checked
 * against the stored statutes), or this throws InvalidCardsError with every problem. A later
 * rebuild that refuses a file keeps the folder cards it had; a stored version the statutes no
 * longer support is logged and the folder's card answers instead.
 */
export async function createKnowledgeService(
  prisma: Db,
  log: FastifyBaseLogger,
  cardsDir: string,
  options: KnowledgeServiceOptions = {},
): Promise<KnowledgeService> {
  const instance = randomUUID();
  const notice = options.notice ?? createInProcessCardChangeNotice();
  const versions = createCardVersionStore(prisma);
  let folderCards: Card[] = [];
  let articles: Article[] = [];
  let cardSet: CardSet = { cards: [], origin: new Map(), retired: [], problems: [] };
  let base = createKnowledgeBase([], []);
  let builtFrom = '';

  // Row counts and newest writes identify what the index was built from.
  async function version(): Promise<string> {
    const [docs, cards] = await Promise.all([
      prisma.knowledgeDoc.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
      prisma.knowledgeCardVersion.aggregate({ _count: { _all: true } }),
    ]);
    return `${docs._count._all}@${docs._max.updatedAt?.toISOString() ?? ''}+${cards._count._all}`;
  }

  async function overlay(): Promise<CardSet> {
    const set = applyCardVersions(folderCards, await versions.newest(), articles);
    if (set.problems.length)
      log.error({ problems: set.problems }, 'stored card versions refused; the folder cards answer');
    return set;
  }

  async function build(strict: boolean) {
    builtFrom = await version();
    articles = await prisma.knowledgeDoc.findMany({
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
    else folderCards = loaded.cards;
    cardSet = await overlay();
    base = createKnowledgeBase(cardSet.cards, articles);
    log.info(base.stats, 'knowledge index built');
    return base.stats;
  }

  // Only the cards changed: the statutes' index is kept, so this takes milliseconds.
  async function reindexCards() {
    builtFrom = await version();
    cardSet = await overlay();
    base = base.withCards(cardSet.cards);
  }

  await build(true);
  const rebuild = () => build(false);
  notice.subscribe((message) => {
    if (message.origin === instance) return;
    reindexCards().catch((err) => log.warn({ err }, 'knowledge card refresh failed'));
  });

  return {
    get base() {
      return base;
    },
    get cardSet() {
      return cardSet;
    },
    get folderCards() {
      return folderCards;
    },
    get articles() {
      return articles;
    },
    versions,
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
    checkCard: (markdown, fileName) => checkCardMarkdown(markdown, fileName, articles),
    async saveCards(changes) {
      for (const change of changes) await versions.save(change);
      await reindexCards();
      notice.publish({ origin: instance, cardIds: changes.map((change) => change.cardId) });
    },
  };
}
