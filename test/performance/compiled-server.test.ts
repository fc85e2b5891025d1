import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/platform/paths.js';
import { tempDir } from '../helpers/test-app.js';
import { WsClient } from '../helpers/ws-client.js';

/**
 * `npm start` runs the bundle scripts/build-server.mjs writes, not the TypeScript the other tests
 * import: this builds it and talks to it as a worker and a browser would, so a package that
 * breaks once bundled (a file read beside its own code, a require esbuild cannot follow) fails
 * here rather than in production.
 */
describe('the compiled server (npm start)', () => {
  const dir = tempDir('gongyou-compiled-');
  let child: ReturnType<typeof spawn>;
  let base = '';

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: PROJECT_ROOT, stdio: 'pipe' });
    child = spawn(process.execPath, ['dist/server/server.js'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DATABASE_URL: `file:${path.join(dir, 'compiled.db')}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not listen:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('exit', resolve));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers health, the API docs, the web chat page and a labor-law question over HTTP', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const docs = (await (await fetch(`${base}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toContain('/api/chat/messages');
    expect((await fetch(`${base}/docs/`)).status).toBe(200);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');

    const response = await fetch(`${base}/api/chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channelUserId: 'compiled-rider', text: '加班费怎么算' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { replies: { text?: string }[]; clientSecret?: string };
    expect(body.replies.map((reply) => reply.text).join('')).toContain('加班');
    expect(body.clientSecret).toBeTruthy();
  });

  it('is ASCII only, so V8 keeps its source one byte per character', () => {
    const outdir = path.join(PROJECT_ROOT, 'dist', 'server');
    for (const name of fs.readdirSync(outdir).filter((file) => file.endsWith('.js'))) {
      expect(/[\u0080-\uffff]/.test(fs.readFileSync(path.join(outdir, name), 'utf8')), name).toBe(false);
    }
  });

  it('reads a wage claim in Chinese through the escaped patterns', async () => {
    const response = await fetch(`${base}/api/chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelUserId: 'compiled-intake',
        text: '我是美团骑手，在浦东新区张江站送餐，站长拖欠我3个月工资一共一万二，我叫李强，电话138 1234 5678',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { replies: { text?: string }[] };
    const summary = body.replies.map((reply) => reply.text).join('');
    for (const part of ['12,000元', '3个月', '外卖配送 · 美团', '上海市浦东新区', '138****5678']) {
      expect(summary).toContain(part);
    }
  });

  it('chats over the WebSocket and finds the nearest rest station', async () => {
    const socket = new WsClient(`${base.replace('http', 'ws')}/ws/chat?channelUserId=compiled-socket`);
    await socket.waitFor((frame) => frame.event === 'ready');
    socket.send({
      type: 'message',
      text: '附近的驿站',
      location: { lat: 31.23, lng: 121.47, coord: 'gcj02' },
    });
    const replies = await socket.waitFor((frame) => frame.event === 'replies');
    expect(JSON.stringify(replies)).toContain('驿站');
    socket.close();
  });
});
