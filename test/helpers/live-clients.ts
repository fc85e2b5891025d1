import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/platform/paths.js';

// Clients of a real server process over loopback, as a browser and the staff console use it:
// the chaos tests that kill the process and the soak drive it through these.

// biome-ignore lint/suspicious/noExplicitAny: replies are loose JSON; callers pick their fields
export type Reply = Record<string, any> & { type: string; text: string };
export interface Turn {
  status: number;
  conversationId?: string;
  replies: Reply[];
}

/** One web chat user: their browser id and the clientSecret their first reply issued. */
export class WebWorker {
  conversationId?: string;
  clientSecret?: string;
  constructor(
    readonly baseUrl: string,
    readonly channelUserId: string,
  ) {}

  /** POST one message; a network error (the server died) is status 0. */
  async say(text: string): Promise<Turn> {
    try {
      const response = await fetch(`${this.baseUrl}/api/chat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channelUserId: this.channelUserId, clientSecret: this.clientSecret, text }),
      });
      if (response.status !== 200) return { status: response.status, replies: [] };
      const body = (await response.json()) as {
        conversationId: string;
        clientSecret?: string;
        replies: Reply[];
      };
      this.conversationId = body.conversationId;
      this.clientSecret ??= body.clientSecret;
      return { status: 200, conversationId: body.conversationId, replies: body.replies };
    } catch {
      return { status: 0, replies: [] };
    }
  }

  /** The conversation as the web chat shows it after a reload (opened by the server). */
  async history(): Promise<{ direction: string; author: string; text: string }[]> {
    const response = await fetch(
      `${this.baseUrl}/api/chat/history?channelUserId=${encodeURIComponent(this.channelUserId)}&limit=100`,
      { headers: this.clientSecret ? { 'x-client-secret': this.clientSecret } : {} },
    );
    if (response.status !== 200) throw new Error(`history ${response.status}`);
    const body = (await response.json()) as {
      messages: { direction: string; author: string; reply: { text?: string } }[];
    };
    return body.messages.map((m) => ({ direction: m.direction, author: m.author, text: m.reply.text ?? '' }));
  }

  /** ws:// address of this user's live socket. */
  socketUrl(): string {
    const query = new URLSearchParams({ channelUserId: this.channelUserId });
    if (this.clientSecret) query.set('clientSecret', this.clientSecret);
    return `${this.baseUrl.replace(/^http/, 'ws')}/ws/chat?${query}`;
  }
}

/**
 * A staff account in the database at `databaseUrl`, made by `npm run staff:create` (before the
 * server starts; the CLI seeds the directory as the server would).
 */
export function createStaffAccount(databaseUrl: string, username: string, password: string): void {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/create-staff.ts',
      '--username',
      username,
      '--role',
      'admin',
      '--sub-offices',
    ],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, STAFF_PASSWORD: password, SEED_SAMPLE_DATA: 'false' },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`staff:create failed: ${result.stderr}${result.stdout}`);
}

/** The staff console's API with a bearer token. */
export class StaffClient {
  private token = '';
  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, client: 'api' }),
    });
    if (response.status !== 200) throw new Error(`login ${response.status}: ${await response.text()}`);
    this.token = ((await response.json()) as { token: string }).token;
  }

  /** A request to the staff API; a network error is status 0. */
  async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    } catch {
      return { status: 0, json: undefined };
    }
  }

  /** The chats waiting in the queue this account sees. */
  async waiting(): Promise<{ id: string; conversationId: string }[]> {
    const { status, json } = await this.call('GET', '/api/staff/handoffs?status=waiting');
    if (status !== 200) throw new Error(`queue ${status}`);
    return (json as { handoffs: { id: string; conversationId: string }[] }).handoffs;
  }
}
