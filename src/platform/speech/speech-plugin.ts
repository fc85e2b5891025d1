import fp from 'fastify-plugin';
import { type Asr, createAsr } from './asr-client.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Speech recognition, or undefined when ASR_BASE_URL is not set (voice is kept for staff). */
    asr: Asr | undefined;
  }
}

export default fp(
  async (app) => {
    const asr = createAsr(app.config, app.log);
    app.decorate('asr', asr);
    app.log.info({ asr: asr ? { model: asr.model } : 'off' }, 'speech recognition');
  },
  { name: 'speech', dependencies: ['config'] },
);
