import fp from 'fastify-plugin';
import { CARDS_DIR } from '../platform/paths.js';
import { createBusCardChangeNotice } from './console/bus-card-change-notice.js';
import { type CardEditor, createCardEditor } from './console/card-editor.js';
import { type KnowledgeMetrics, registerKnowledgeMetrics } from './console/knowledge-metrics.js';
import { createKnowledgeService, type KnowledgeService } from './knowledge-service.js';
import { createReviewActions, type ReviewActions } from './review/review-actions.js';
import { createReviewQueue, type ReviewQueue } from './review/review-queue.js';
import { importStatutes } from './statute-importer.js';

const REFRESH_MS = 60_000;

declare module 'fastify' {
  interface FastifyInstance {
    knowledge: KnowledgeService;
    /** The console's side of knowledge: card edits, the review queue and its actions, metrics. */
    knowledgeConsole: {
      editor: CardEditor;
      review: ReviewQueue;
      reviewActions: ReviewActions;
      metrics: KnowledgeMetrics;
    };
  }
}

/**
 * Labor-rights answers: imports statutes from KNOWLEDGE_DIR at start (when set), then loads the
 * cards of KNOWLEDGE_CARDS_DIR checked against them (an invalid card fails the start, with the
 * list), builds the in-memory index and rebuilds it when another process imported. The question
 * flow that uses it lives in conversation/flows/qa.
 */
export default fp(
  async (app) => {
    // Statutes first, so the cards' citations are checked against the articles they will cite.
    if (app.config.KNOWLEDGE_DIR) {
      const report = await importStatutes(app.prisma, app.config.KNOWLEDGE_DIR);
      for (const problem of report.problems) app.log.warn(problem, 'statute file skipped');
      app.log.info(
        {
          dir: app.config.KNOWLEDGE_DIR,
          files: report.files.length,
          created: report.files.reduce((n, f) => n + f.created, 0),
          updated: report.files.reduce((n, f) => n + f.updated, 0),
          skipped: report.problems.length,
        },
        'statutes imported',
      );
    }
    const knowledge = await createKnowledgeService(
      app.prisma,
      app.log,
      app.config.KNOWLEDGE_CARDS_DIR ?? CARDS_DIR,
      // Every instance re-reads the card versions when one of them saves (Redis with REDIS_URL).
      {
        notice: createBusCardChangeNotice(app.bus, (err) =>
          app.log.warn({ err }, 'knowledge card change not announced'),
        ),
      },
    );
    app.decorate('knowledge', knowledge);
    const editor = createCardEditor(knowledge);
    const review = createReviewQueue(app.prisma);
    app.decorate('knowledgeConsole', {
      editor,
      review,
      reviewActions: createReviewActions({ knowledge, editor, queue: review }),
      metrics: registerKnowledgeMetrics(app.metrics, review),
    });
    // `npm run kb:import` writes from another process, and another instance may save a card
    // without a bus between them: pick either up within a minute.
    const refresh = setInterval(() => {
      knowledge.refreshIfChanged().catch((err) => app.log.warn({ err }, 'knowledge refresh failed'));
    }, REFRESH_MS);
    refresh.unref();
    app.addHook('onClose', async () => clearInterval(refresh));
  },
  { name: 'knowledge', dependencies: ['prisma', 'config', 'metrics', 'bus'] },
);
