import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/create-prisma.js';
import { CARDS } from './cards/index.js';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { type ImportReport, importStatutes } from './statute-importer.js';

export interface KnowledgeService {
  /** The current index; replaced as a whole after an import, so a search never sees half of one. */
  readonly base: KnowledgeBase;
  rebuild(): Promise<KnowledgeBase['stats']>;
  importDir(dir: string): Promise<ImportReport>;
}

/** Cards (from code) plus the statute articles in the database, as one in-memory index. */
export async function createKnowledgeService(prisma: Db, log: FastifyBaseLogger): Promise<KnowledgeService> {
  let base = createKnowledgeBase(CARDS, []);
  async function rebuild() {
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
    async importDir(dir) {
      const report = await importStatutes(prisma, dir);
      for (const problem of report.problems) log.warn(problem, 'statute file skipped');
      await rebuild();
      return report;
    },
  };
}
