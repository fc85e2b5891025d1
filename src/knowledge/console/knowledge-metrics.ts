import { CollectedGauge, Counter, type MetricsRegistry } from '../../platform/metrics/registry.js';
import type { ConfidenceBand } from '../review/answer-confidence.js';
import type { ReviewQueue } from '../review/review-queue.js';

/**
 * What legal staff watch: answers by confidence band, the workers' 有用 / 没用 (the unhelpful
 * rate is no / (yes + no), kept as a gauge so a dashboard need not divide), and the review queue.
 */
export function registerKnowledgeMetrics(metrics: MetricsRegistry, queue: ReviewQueue) {
  const bands = metrics.register(
    new Counter(
      'gongyou_knowledge_answers_by_confidence_total',
      'Questions by answer confidence (high, low, none).',
    ),
  );
  const feedback = metrics.register(
    new Counter(
      'gongyou_knowledge_feedback_total',
      'Workers marking an answer helpful (yes) or unhelpful (no).',
    ),
  );
  metrics.register(
    new CollectedGauge(
      'gongyou_knowledge_unhelpful_ratio',
      'Answers marked unhelpful / answers marked at all.',
      () => {
        const no = feedback.get({ verdict: 'no' });
        const all = no + feedback.get({ verdict: 'yes' });
        return all ? no / all : 0;
      },
    ),
  );
  metrics.register(
    new CollectedGauge(
      'gongyou_knowledge_review_queue_size',
      'Open items in the knowledge review queue.',
      () => queue.size(),
    ),
  );
  return {
    answered: (band: ConfidenceBand) => bands.inc({ band }),
    feedback: (verdict: 'yes' | 'no') => feedback.inc({ verdict }),
  };
}

export type KnowledgeMetrics = ReturnType<typeof registerKnowledgeMetrics>;
