import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/db/create-prisma.js';
import { CARDS } from './cards/index.js';
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

/** Cards (from code) plus the statute articles in the database, as one in-memory index. */
export async function createKnowledgeService(prisma: Db, log: FastifyBaseLogger): Promise<KnowledgeService> {
  let base = createKnowledgeBase(CARDS, []);
  let builtFrom = '';
  // Row count and newest update identify what the index was built from.
  async function version(): Promise<string> {
    const { _count, _max } = await prisma.knowledgeDoc.aggregate({
      _count: { _all: true },
      _max: { updatedAt: true },
    });
    return `${_count._all}@${_max.updatedAt?.toISOString() ?? ''}`;
  }
  async function rebuild() {
    builtFrom = await version();
    const articles = await prisma.knowledgeDoc.findMany({
      select: { law: true, lawTitle: true, article: true, label: true, chapter: true, text: true },
      orderBy: [{ law: 'asc' }, { article: 'asc' }],
    });
    base = createKnowledgeBase(CARDS, articles);
    log.info(base.stats, 'knowledge index built');
    return base.stats;
  }
  await rebuild();
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
