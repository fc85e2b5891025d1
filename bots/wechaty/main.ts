// `npm run bot`: the WeChat bot on its own, without the HTTP server (same database, same
// engine). The login QR code is written to data/wechaty-login-qr.png and its state logged.
// With the server also configured for the bot, one of them runs it and the other stands by
// (a lease in the database), taking over if the first stops.
import fs from 'node:fs';
import path from 'node:path';
import { FileBox } from 'file-box';
import { buildApp } from '../../src/app.js';
import { loadConfigOrExit } from '../../src/platform/config/config.js';

const QR_FILE = path.resolve('data', 'wechaty-login-qr.png');

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  if (!config.WECHATY_PUPPET) {
    console.error(
      'Set WECHATY_PUPPET (e.g. wechaty-puppet-service with WECHATY_PUPPET_SERVICE_TOKEN) to run the bot.',
    );
    process.exit(1);
  }

  const app = await buildApp(config);
  // The wechaty plugin starts the bot when the app is ready.
  await app.ready();

  let shownQr: string | undefined;
  let shownState: string | undefined;
  const watch = setInterval(() => {
    const status = app.wechaty.status();
    if (status.state !== shownState) {
      shownState = status.state;
      app.log.info({ state: status.state, lastError: status.lastError }, 'wechaty status');
    }
    if (status.qrcode && status.qrcode !== shownQr) {
      shownQr = status.qrcode;
      fs.mkdirSync(path.dirname(QR_FILE), { recursive: true });
      void FileBox.fromQRCode(status.qrcode)
        .toFile(QR_FILE, true)
        .then(() => app.log.info(`Scan ${QR_FILE} with the bot's WeChat account to log in.`));
    }
  }, 1000);

  const shutdown = async (signal: string) => {
    clearInterval(watch);
    app.log.info({ signal }, 'bot shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
