import fp from 'fastify-plugin';
import { resolvePlace } from '../regions/index.js';
import { createAttachmentStore } from './attachment-store.js';
import { intakeFlow } from './intake-flow.js';

/** Registers the wage-arrears intake flow (intent `arrears`). */
export default fp(
  async (app) => {
    // Build the place-name table now, not on the first worker's message.
    resolvePlace('浦东新区');
    // The romanized names ("Pudong") take about a second: built just after start, while idle,
    // so the first worker who types one does not wait for it (tests build it when they need it).
    if (app.config.NODE_ENV !== 'test') {
      app.addHook('onReady', async () => {
        setTimeout(() => resolvePlace('Pudong'), 2000).unref();
      });
    }
    app.flows.register(
      intakeFlow({
        cipher: app.fieldCipher,
        tickets: app.tickets,
        attachments: createAttachmentStore(app.prisma, app.fieldCipher),
        log: app.log,
        llm: app.llm,
      }),
    );
  },
  { name: 'intake', dependencies: ['conversation', 'encryption', 'tickets', 'llm'] },
);
