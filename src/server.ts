// Entry point: validate config, build the app, listen, and close gracefully on SIGINT/SIGTERM
// (in-flight requests finish, then the database closes).
import { buildApp } from './app.js';
import { loadConfigOrExit } from './platform/config/config.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);

  const startedAt = performance.now();
  // The station index is built once listening (readiness says so): health answers within 2 s.
  const app = await buildApp(config, { warmUpAfterListen: true });
  await app.listen({ port: config.PORT, host: config.HOST });
  app.log.info({ ms: Math.round(performance.now() - startedAt) }, 'gongyou ready');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // Refuse to hang forever on a stuck connection.
    const timer = setTimeout(() => {
      app.log.error('graceful shutdown timed out');
      process.exit(1);
    }, 10_000);
    timer.unref();
    try {
      await app.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
