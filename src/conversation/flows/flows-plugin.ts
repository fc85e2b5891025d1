import fp from 'fastify-plugin';
import { Counter } from '../../platform/metrics/registry.js';
import { resolvePlace } from '../../regions/index.js';
import { createAttachmentStore } from '../../tickets/attachment-store.js';
import { calcFlow } from './calc/calc-flow.js';
import { offeringCalculator } from './calc/offer-calculator.js';
import { registerEscalationHandlers } from './handoff/escalation-handlers.js';
import { createHandoffFlow } from './handoff/handoff-flow.js';
import { createSatisfactionGuard } from './handoff/satisfaction-guard.js';
import { createWaitingGuard } from './handoff/waiting-guard.js';
import { intakeFlow } from './intake/intake-flow.js';
import { createEmergencyGuard } from './qa/emergency-guard.js';
import { createFeedbackGuard } from './qa/feedback-guard.js';
import { keepingReportFacts } from './qa/keep-report-facts.js';
import { createQuestionFlow } from './qa/question-flow.js';
import { reviewOfQuestion } from './qa/review-recorder.js';
import { createStationsFlow } from './stations/stations-flow.js';
import { ticketStatusFlow } from './ticket-status/ticket-status-flow.js';
import { createVoiceGuard } from './voice/voice-guard.js';

/**
 * Every flow and guard of the conversation, each given the domain services it calls. Registered
 * after the domains, so a domain never knows it is spoken to through a chat.
 */
export default fp(
  async (app) => {
    const answers = app.metrics.register(
      new Counter(
        'gongyou_knowledge_answers_total',
        'Labor-law answers by source (llm, offline, none) and intent.',
      ),
    );
    const { review, metrics } = app.knowledgeConsole;
    // The queue is for learning, never in the worker's way: a failed write is logged, not thrown.
    const queue = (item: Parameters<typeof review.record>[0]) =>
      review.record(item).catch((err) => app.log.warn({ err }, 'knowledge review item not stored'));
    app.flows.register(
      offeringCalculator(
        keepingReportFacts(
          createQuestionFlow({
            knowledge: app.knowledge,
            llm: () => app.llm,
            onAnswer: (source, intent) => answers.inc({ source, intent }),
            onQuestion: async (seen) => {
              const { band, item } = reviewOfQuestion(seen);
              metrics.answered(band);
              if (item) await queue(item);
            },
          }),
          app.fieldCipher,
        ),
      ),
    );
    app.flows.registerGuard(createEmergencyGuard(app.knowledge));
    app.flows.registerGuard(
      createFeedbackGuard({
        onFeedback: async (verdict, answer, conversationId, locale) => {
          metrics.feedback(verdict);
          if (verdict === 'no') await queue({ reason: 'unhelpful', conversationId, locale, ...answer });
        },
      }),
    );

    app.flows.register(createStationsFlow(app.stations));
    app.flows.register(ticketStatusFlow(app.tickets));

    app.flows.register(createHandoffFlow(app.handoffs));
    app.flows.registerGuard(createWaitingGuard(app.handoffs));
    app.flows.registerGuard(createSatisfactionGuard(app.helpdesk.satisfaction));
    // After the waiting guard, which restores `human` when a person claimed the chat meanwhile.
    app.flows.registerGuard(createVoiceGuard());
    registerEscalationHandlers(app, app.handoffs);

    // The place-name tables take about a second each (GB/T 2260's 40,000 names, then their
    // pinyin): built once the server listens, not before, so /healthz answers first; a message
    // naming a place before then builds them on the spot (resolvePlace builds what it lacks).
    // Tests (inject, no listen) build them when they need them.
    app.addHook('onListen', async () => {
      setTimeout(() => resolvePlace('浦东新区'), 1500).unref();
      setTimeout(() => resolvePlace('Pudong'), 4000).unref();
    });
    const intake = intakeFlow({
      cipher: app.fieldCipher,
      tickets: app.tickets,
      attachments: createAttachmentStore(app.prisma, app.fieldCipher),
      log: app.log,
    });
    app.flows.register(intake);
    // The calculator hands its total to the intake when the worker agrees to file it.
    app.flows.register(
      calcFlow({
        calculators: app.calculators,
        cipher: app.fieldCipher,
        startIntake: (ctx) => intake.start(ctx),
      }),
    );
  },
  {
    name: 'flows',
    dependencies: [
      'conversation',
      'knowledge',
      'stations',
      'tickets',
      'handoff',
      'helpdesk',
      'llm',
      'metrics',
      'encryption',
      'calculators',
    ],
  },
);
