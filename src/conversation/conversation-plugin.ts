import fp from 'fastify-plugin';
import { CollectedGauge, Counter } from '../platform/metrics/registry.js';
import { createAttachmentStore } from '../tickets/attachment-store.js';
import { type ChatService, createChatService } from './chat-service.js';
import { FlowRegistry } from './flow-registry.js';
import { type ConversationStore, createConversationStore } from './store/conversation-store.js';
import { createOutboundMessages, type OutboundMessages } from './store/outbound-messages.js';
import { createTurnQueue } from './turn-queue.js';
import { shippedModel } from './understanding/classifier/shipped-model.js';
import { createUnderstand } from './understanding/understand.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Domain plugins register their flows here. */
    flows: FlowRegistry;
    conversations: ConversationStore;
    /** Who a conversation is and its sealed outbound Message rows, for the outbox (src/delivery). */
    outboundMessages: OutboundMessages;
    chat: ChatService;
  }
}

const OPEN_WINDOW_MS = 24 * 60 * 60 * 1000;

export default fp(
  async (app) => {
    const flows = new FlowRegistry();
    const codec = app.messageCodec;
    const store = createConversationStore(app.prisma, codec);
    const turns = app.metrics.register(
      new Counter('gongyou_chat_turns_total', 'Chat turns by channel and detected intent.'),
    );
    app.metrics.register(
      new CollectedGauge(
        'gongyou_open_conversations',
        'Conversations not closed with a message in the last 24 hours.',
        () => store.countOpen(new Date(Date.now() - OPEN_WINDOW_MS)),
      ),
    );
    app.decorate('flows', flows);
    app.decorate('conversations', store);
    app.decorate('outboundMessages', createOutboundMessages(app.prisma, codec));
    // The intent model loads now, not on the first worker's message.
    shippedModel();
    const understand = createUnderstand({
      llm: () => (app.config.LLM_UNDERSTANDING ? app.llm : undefined),
      log: app.log,
    });
    const queue = createTurnQueue({
      perConversation: app.config.CHAT_QUEUE_PER_CONVERSATION,
      global: app.config.CHAT_QUEUE_MAX,
    });
    app.load.addSource('chat-queue', queue.overload);
    app.metrics.register(
      new CollectedGauge('gongyou_chat_turns_in_flight', 'Chat turns waiting or running now.', queue.size),
    );
    app.metrics.register(
      new CollectedGauge(
        'gongyou_chat_turns_per_commit',
        'Chat turns written per grouped transaction, on average since start.',
        () => {
          const stats = store.commitStats();
          return stats.commits ? stats.works / stats.commits : 0;
        },
      ),
    );
    app.decorate(
      'chat',
      createChatService({
        store,
        flows,
        t: app.t,
        log: app.log,
        turns,
        understand,
        queue,
        bus: app.bus,
        voice: { asr: () => app.asr, keep: createAttachmentStore(app.prisma, app.fieldCipher).saveAudio },
      }),
    );
  },
  {
    name: 'conversation',
    dependencies: ['bus', 'config', 'prisma', 'i18n', 'metrics', 'encryption', 'llm', 'speech'],
  },
);
