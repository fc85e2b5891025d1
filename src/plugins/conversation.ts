import fp from 'fastify-plugin';
import { type ChatService, createChatService } from '../conversation/chat-service.js';
import { type ConversationStore, createConversationStore } from '../conversation/conversation-store.js';
import { FlowRegistry } from '../conversation/flow-registry.js';
import { createMessageCodec, type MessageCodec } from '../conversation/message-codec.js';
import { CollectedGauge, Counter } from '../metrics/registry.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Domain plugins register their flows here. */
    flows: FlowRegistry;
    conversations: ConversationStore;
    chat: ChatService;
    /** Seals and opens Message text/payload (personal data at rest). */
    messageCodec: MessageCodec;
  }
}

const OPEN_WINDOW_MS = 24 * 60 * 60 * 1000;

export default fp(
  async (app) => {
    const flows = new FlowRegistry();
    const codec = createMessageCodec(app.fieldCipher, (err) =>
      app.log.error({ err: err.message }, 'unreadable message'),
    );
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
    app.decorate('messageCodec', codec);
    app.decorate('flows', flows);
    app.decorate('conversations', store);
    app.decorate('chat', createChatService({ store, flows, t: app.t, log: app.log, turns }));
  },
  { name: 'conversation', dependencies: ['prisma', 'i18n', 'metrics', 'encryption'] },
);
