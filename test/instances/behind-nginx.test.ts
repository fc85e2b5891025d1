import { execFile } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { appServices, type ComposeService, environmentOf, loadCompose } from '../helpers/compose.js';
import { type Instances, startInstances } from '../helpers/instances.js';
import { findNginx, type RunningNginx, startNginx } from '../helpers/nginx.js';
import { TEST_POSTGRES_URL } from '../helpers/postgres.js';
import { TEST_REDIS_URL } from '../helpers/test-redis.js';
import { type Frame, WsClient } from '../helpers/ws-client.js';
import { createOffices, createStaff, PASSWORD } from '../staff/staff-fixtures.js';

// Generous: these run beside the whole suite on two shared cores; a frame that comes, comes early.
const WAIT = 20_000;
const NGINX = findNginx();
const SKIP = !NGINX
  ? ' (skipped: no nginx binary; Debian: apt-get install nginx, as .ci/run does)'
  : !TEST_POSTGRES_URL
    ? ' (skipped: TEST_POSTGRES_URL is not set; .ci/start-postgres.sh prints one)'
    : !TEST_REDIS_URL
      ? ' (skipped: TEST_REDIS_URL is not set; .ci/start-redis.sh prints one)'
      : '';
const run = promisify(execFile);

type Seen = { instance: 'app1' | 'app2'; kind: 'request' | 'upgrade'; url: string; forwardedFor?: string };

/** The app services' environment from docker-compose.yml, less what the test sets itself. */
function composeAppEnv(): Record<string, string> {
  const [first] = appServices(loadCompose());
  if (!first) throw new Error('docker-compose.yml has no app service');
  const { HOST: _h, PORT: _p, DATABASE_URL: _d, REDIS_URL: _r, ...env } = environmentOf(first[1]);
  return env;
}

// docker-compose.yml's shape on one machine: two instances (the compose file's environment) on
// one PostgreSQL and one Redis, and nginx with deploy/nginx.conf in front. Everything below goes
// through nginx only, as a worker's phone and a staff member's browser would.
describe.skipIf(SKIP !== '')(`two instances behind nginx with the compose file's config${SKIP}`, () => {
  let pair: Instances;
  let nginx: RunningNginx;
  /** The worker's conversation of the takeover, joined again after an instance is gone. */
  let workerSecret = '';
  let workerConversation = '';
  const seen: Seen[] = [];
  const sockets: WsClient[] = [];
  const open = (url: string, headers?: Record<string, string>) => {
    const client = new WsClient(url, headers);
    sockets.push(client);
    return client;
  };
  const served = (kind: Seen['kind'], since: number, url?: string) =>
    seen.slice(since).filter((s) => s.kind === kind && (!url || s.url.startsWith(url)));
  const through = (path: string, init?: RequestInit) => fetch(`${nginx.http}${path}`, init);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    through(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    pair = await startInstances({
      engine: 'PostgreSQL',
      redisUrl: TEST_REDIS_URL as string,
      env: { ...composeAppEnv(), HANDOFF_OFFICE: 'region-310115', STAFF_LOGIN_PER_MINUTE: '1000' },
    });
    for (const [instance, { app }] of [
      ['app1', pair.a],
      ['app2', pair.b],
    ] as const) {
      const record = (kind: Seen['kind']) => (request: IncomingMessage) => {
        const forwardedFor = request.headers['x-forwarded-for'];
        seen.push({ instance, kind, url: request.url ?? '', forwardedFor: forwardedFor?.toString() });
      };
      app.server.on('request', record('request'));
      app.server.on('upgrade', record('upgrade'));
    }
    nginx = await startNginx(NGINX as string, {
      app1: pair.a.http.replace('http://', ''),
      app2: pair.b.http.replace('http://', ''),
    });
    const offices = await createOffices(pair.a.app);
    await createStaff(pair.a.app, 'agent.nginx', 'agent', offices.a);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await nginx?.stop();
    await pair?.close();
  });

  it('passes `nginx -t`', () => {
    const { status, output } = nginx.check();
    expect(output).toContain('syntax is ok');
    expect(output).toContain('test is successful');
    expect(status).toBe(0);
  });

  it('serves the web page, its script and the chat API, round robin over both instances', async () => {
    const since = seen.length;
    const page = await through('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    const script = html.match(/<script src="([^"]+)"/)?.[1];
    expect(script).toBe('/static/chat/chat.js');
    const js = await through(script as string);
    expect(js.status).toBe(200);
    expect(await js.text()).toContain('/ws/chat');

    const turn = await postJson('/api/chat/messages', {
      channelUserId: 'rider-http-nginx',
      text: '老板拖欠工资怎么办',
    });
    expect(turn.status).toBe(200);
    const body = (await turn.json()) as { conversationId: string; clientSecret: string; replies: unknown[] };
    expect(body.replies.length).toBeGreaterThan(0);
    // The next turn of the same conversation, on whichever instance nginx picks: no stickiness needed.
    for (let i = 0; i < 3; i += 1) {
      const next = await postJson('/api/chat/messages', {
        conversationId: body.conversationId,
        clientSecret: body.clientSecret,
        text: '两个月没发了',
      });
      expect(next.status).toBe(200);
    }
    for (let i = 0; i < 6; i += 1) expect((await through('/healthz')).status).toBe(200);
    const byInstance = new Set(served('request', since).map((s) => s.instance));
    expect([...byInstance].sort()).toEqual(['app1', 'app2']);
    const turns = served('request', since, '/api/chat/messages');
    expect(new Set(turns.map((s) => s.instance)).size).toBe(2);
  });

  it('answers /healthz and /readyz through nginx, hides /metrics, and sets the client address itself', async () => {
    const ready = await through('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', redis: 'ready' });
    // Each instance has /metrics (Prometheus scrapes it directly); the balancer does not pass it.
    expect((await fetch(`${pair.a.http}/metrics`)).status).toBe(200);
    expect((await through('/metrics')).status).toBe(404);

    const since = seen.length;
    const forged = await through('/healthz', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(forged.status).toBe(200);
    expect(served('request', since, '/healthz').map((s) => s.forwardedFor)).toEqual(['127.0.0.1']);
  });

  it('runs the compose health check of each instance', async () => {
    const [, app] = appServices(loadCompose())[0] as [string, ComposeService];
    const [kind, command, ...args] = (app.healthcheck?.test ?? []) as string[];
    expect([kind, command]).toEqual(['CMD', 'node']);
    expect(args.at(-1)).toContain('http://127.0.0.1:3000/readyz');
    // Compose calls an instance unhealthy after `retries` failures in a row, `interval` (10 s) apart,
    // not after one: /readyz rightly answers 503 "overloaded" while the last 5-second window of the
    // event loop ran far behind (both instances share this process and the crowded machine), so the
    // checks here are one such window apart.
    const retries = app.healthcheck?.retries ?? 3;
    for (const instance of [pair.a, pair.b]) {
      const own = args.map((arg) => arg.replace('http://127.0.0.1:3000', instance.http));
      const answers: string[] = [];
      for (let attempt = 0; attempt < retries; attempt += 1) {
        const passed = await run(process.execPath, own).then(
          () => true,
          () => false,
        );
        if (passed) break;
        answers.push(await (await fetch(`${instance.http}/readyz`)).text());
        await new Promise((resolve) => setTimeout(resolve, 5500));
      }
      expect(answers.length, `/readyz failed ${retries} times in a row: ${answers.join(' ')}`).toBeLessThan(
        retries,
      );
    }
  }, 60_000);

  it('carries a takeover and messages both ways with the worker and the staff member on different instances', async () => {
    const login = await postJson('/api/staff/login', {
      username: 'agent.nginx',
      password: PASSWORD,
      client: 'api',
    });
    expect(login.status).toBe(200);
    const staff = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };

    let since = seen.length;
    const worker = open(`${nginx.ws}/ws/chat?channelUserId=rider-nginx`);
    await worker.waitFor((f) => f.event === 'ready', WAIT);
    const workerOn = served('upgrade', since, '/ws/chat')[0]?.instance;
    expect(workerOn).toBeDefined();

    // nginx chooses; open consoles until one lands on the other instance (round robin: the next one
    // or so). The ones on the worker's instance stay open: they prove nothing either way.
    let console: WsClient | undefined;
    for (let attempt = 0; attempt < 10 && !console; attempt += 1) {
      since = seen.length;
      const candidate = open(`${nginx.ws}/ws/staff`, staff);
      await candidate.seen((f) => f.event === 'ready', WAIT);
      if (served('upgrade', since, '/ws/staff')[0]?.instance !== workerOn) console = candidate;
    }
    if (!console) throw new Error(`nginx put ten staff sockets on ${workerOn}, the worker's instance`);

    worker.send({ type: 'message', text: '转人工' });
    const { conversationId, clientSecret } = await worker.waitFor((f) => f.event === 'replies', WAIT);
    workerConversation = String(conversationId);
    workerSecret = String(clientSecret);
    const queued = (await console.seen(
      (f) =>
        f.event === 'queue' && (f.handoff as { conversationId: string }).conversationId === conversationId,
      WAIT,
    )) as Frame & { handoff: { id: string; status: string } };
    expect(queued.handoff.status).toBe('waiting');

    const claim = await postJson(`/api/staff/handoffs/${queued.handoff.id}/claim`, {}, staff);
    expect(claim.status).toBe(200);
    await worker.seen(
      (f) => f.event === 'push' && (f.replies as OutboundMessage[]).some((r) => r.type === 'handoff'),
      WAIT,
    );

    worker.send({ type: 'message', text: '我在张江送外卖，老板欠我两个月工资' });
    await console.seen(
      (f) =>
        f.event === 'message' &&
        (f.message as { text: string }).text === '我在张江送外卖，老板欠我两个月工资',
      WAIT,
    );
    for (const text of ['收到，我是浦东新区总工会的王老师。', '请把工资条拍照发给我。']) {
      const reply = await postJson(`/api/staff/handoffs/${queued.handoff.id}/messages`, { text }, staff);
      expect(reply.status).toBe(200);
      await worker.seen(
        (f) => f.event === 'push' && (f.replies as OutboundMessage[]).some((r) => r.text === text),
        WAIT,
      );
    }
    // Delivered live through nginx and Redis: nothing left for the outbox to retry.
    await expect
      .poll(() => pair.a.app.delivery.pending(String(conversationId)), { timeout: WAIT })
      .toEqual([]);
  });

  it('leaves out an instance that is down: requests and a reconnecting socket reach the other', async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await pair.b.app.close();
    await expect(
      run(process.execPath, [
        '-e',
        `fetch('${pair.b.http}/readyz').then(()=>process.exit(0),()=>process.exit(1))`,
      ]),
    ).rejects.toThrow();

    const since = seen.length;
    for (let i = 0; i < 6; i += 1) expect((await through('/healthz')).status).toBe(200);
    const turn = await postJson('/api/chat/messages', { channelUserId: 'rider-after-b', text: '你好' });
    expect(turn.status).toBe(200);
    // The takeover's worker comes back (their phone reconnects) and finds the conversation.
    const worker = open(`${nginx.ws}/ws/chat?channelUserId=rider-nginx&clientSecret=${workerSecret}`);
    const ready = await worker.waitFor((f) => f.event === 'ready', WAIT);
    expect(ready.conversationId).toBe(workerConversation);
    expect(new Set(served('request', since).map((s) => s.instance))).toEqual(new Set(['app1']));
    expect(served('upgrade', since).map((s) => s.instance)).toEqual(['app1']);
  });
});
