import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';

export interface TestApp {
  app: FastifyInstance;
  dir: string;
  databaseUrl: string;
  /** Everything the app logged, one JSON line per entry (for personal-data checks). */
  logs: string[];
  close(): Promise<void>;
}

/** A temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'gongyou-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * The whole app on its own temporary SQLite database, migrated, with no sample data unless asked
 * and no LLM unless an OPENAI_API_KEY is passed (tests mock it with nock).
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dir = tempDir();
  const databaseUrl = `file:${path.join(dir, 'test.db')}`;
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'info',
    SEED_SAMPLE_DATA: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  });
  const app = await buildApp(config, { logStream });
  await app.ready();
  return {
    app,
    dir,
    databaseUrl,
    logs,
    async close() {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Replies are loose JSON in tests; assertions pick the fields they check.
// biome-ignore lint/suspicious/noExplicitAny: test convenience for reply payloads
export type ChatBody = { conversationId: string; locale: string; replies: Array<Record<string, any>> };

/**
 * Each app's web conversations' client secrets, as a browser keeps them: by conversationId and
 * by channelUserId. `chat()` sends the one it holds and keeps the one a first reply issues.
 */
const secrets = new Map<string, Map<string, string>>();
// By database, not by app: a browser keeps its secret when the server restarts.
const secretsOf = (app: FastifyInstance) => {
  const known = secrets.get(app.config.DATABASE_URL) ?? new Map<string, string>();
  secrets.set(app.config.DATABASE_URL, known);
  return known;
};

/** The clientSecret `chat()` was given for a conversationId or a channelUserId. */
export function clientSecretFor(app: FastifyInstance, idOrUser: string): string | undefined {
  return secretsOf(app).get(idOrUser);
}

/** POST a chat message, as the web chat does (with the conversation's secret), and parse it. */
export async function chat(app: FastifyInstance, body: Record<string, unknown>): Promise<ChatBody> {
  const known = secretsOf(app);
  const ref = String(body.conversationId ?? body.channelUserId ?? '');
  const held = body.clientSecret ?? known.get(ref);
  const payload = held ? { ...body, clientSecret: held } : body;
  const response = await app.inject({ method: 'POST', url: '/api/chat/messages', payload });
  if (response.statusCode !== 200) throw new Error(`chat failed ${response.statusCode}: ${response.body}`);
  const reply = response.json() as ChatBody & { clientSecret?: string };
  const secret = reply.clientSecret ?? (typeof held === 'string' ? held : undefined);
  if (secret) {
    known.set(reply.conversationId, secret);
    if (typeof body.channelUserId === 'string') known.set(body.channelUserId, secret);
  }
  return reply;
}
