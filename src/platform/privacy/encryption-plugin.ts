import fp from 'fastify-plugin';
import { sqlitePathFromUrl } from '../db/sqlite-path.js';
import { createFieldCipher, type FieldCipher, loadDataKey } from './encryption.js';
import { createMessageCodec, type MessageCodec } from './message-codec.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** AES-256-GCM for personal fields at rest (claimant name, phone, ID number, evidence files). */
    fieldCipher: FieldCipher;
    /** Seals and opens Message text/payload (what a worker writes is personal data). */
    messageCodec: MessageCodec;
  }
}

export default fp(
  async (app) => {
    const source = loadDataKey({
      configured: app.config.GONGYOU_DATA_KEY,
      sqlitePath: sqlitePathFromUrl(app.config.DATABASE_URL),
    });
    if (source.origin === 'generated') {
      app.log.warn(
        { file: source.file },
        'GONGYOU_DATA_KEY is not set: generated a data key next to the database. Back it up (without it the personal data cannot be read) and set GONGYOU_DATA_KEY in production, kept apart from the data.',
      );
    } else if (source.origin === 'file' && app.config.NODE_ENV === 'production') {
      app.log.warn(
        { file: source.file },
        'personal data key read from the data directory; set GONGYOU_DATA_KEY',
      );
    } else if (source.origin === 'ephemeral') {
      app.log.warn('in-memory database: personal data key is temporary');
    }
    const cipher = createFieldCipher(source.key);
    app.decorate('fieldCipher', cipher);
    app.decorate(
      'messageCodec',
      createMessageCodec(cipher, (err) => app.log.error({ err: err.message }, 'unreadable message')),
    );
  },
  { name: 'encryption', dependencies: ['config'] },
);
