import fp from 'fastify-plugin';
import { resolvePlace } from '../regions/index.js';
import { createAttachmentStore } from './attachment-store.js';
import { intakeFlow } from './intake-flow.js';

/** Registers the wage-arrears intake flow (intent `arrears`). */
export default fp(
  async (app) => {
    // Build the place-name table now, not on the first worker's message.
    resolvePlace('浦东新区');
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
