// npm run db:backup -- --to FILE — an online backup of the SQLite database named by DATABASE_URL,
// safe while the server runs. PostgreSQL deployments back up with pg_dump instead (README).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config/config.js';
import { sqlitePathFromUrl } from '../platform/db/sqlite-path.js';
import { KEY_FILE_NAME } from '../platform/privacy/encryption.js';
import { backupSqlite } from './backup/sqlite-backup.js';

const { values } = parseArgs({ options: { to: { type: 'string' } } });
if (!values.to) {
  console.error('usage: npm run db:backup -- --to FILE');
  process.exit(2);
}
const config = loadConfig(process.env);
if (!config.DATABASE_URL.startsWith('file:')) {
  console.error('DATABASE_URL is not a SQLite file: back PostgreSQL up with pg_dump (README, "Backups").');
  process.exit(2);
}
const source = sqlitePathFromUrl(config.DATABASE_URL);
try {
  const result = await backupSqlite(source, values.to);
  console.info(`Backed up ${source} to ${result.file} (${result.pages} pages, ${result.bytes} bytes).`);
  // The personal fields in the copy are sealed: without the key they cannot be read, and a key
  // stored with the backup would protect nothing. Say where it is; never copy it.
  console.info(
    config.GONGYOU_DATA_KEY
      ? 'The data key is GONGYOU_DATA_KEY: keep it in your secret store, apart from this backup.'
      : `The data key is ${path.join(path.dirname(source), KEY_FILE_NAME)}: keep a copy apart from this backup.`,
  );
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exit(1);
}
