import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/platform/paths.js';
import { startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/test-app.js';

describe('the server process', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses to start on a bad variable and names it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: `file:${path.join(dir, 'x.db')}` },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT: must be an integer');
  });

  it('creates and migrates its database, serves, and shuts down gracefully on SIGTERM', async () => {
    const server = await startServerProcess({
      DATABASE_URL: `file:${path.join(dir, 'gongyou.db')}`,
      SEED_SAMPLE_DATA: 'false',
    });
    const ready = await fetch(`${server.baseUrl}/readyz`);
    // The station index builds after listening: it may still be warming on the first request.
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      stations: expect.stringMatching(/^(warming|ready)$/),
    });
    const chat = await fetch(`${server.baseUrl}/api/chat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channelUserId: 'proc-rider', text: '你好' }),
    });
    expect(chat.status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down');
    expect(fs.existsSync(path.join(dir, 'gongyou.db'))).toBe(true);
  });
});
