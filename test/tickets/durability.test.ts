import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../src/tickets/consent.js';
import { startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/test-app.js';

const dir = tempDir('gongyou-durability-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const env = {
  DATABASE_URL: `file:${path.join(dir, 'gongyou.db')}`,
  SEED_SAMPLE_DATA: 'false',
  RATE_LIMIT_PER_MINUTE: '1000000',
};

function ticketForm(i: number) {
  return {
    claimantName: '测试工友',
    phone: `1390000${String(i).padStart(4, '0')}`,
    regionCode: '310115',
    industry: 'delivery',
    employer: `样例站点${i}`,
    amount: 1000 + i,
    consent: true,
    consentVersion: CONSENT_VERSION,
  };
}

describe('acknowledged tickets survive SIGKILL', () => {
  it('finds every ticket that got a 201 after the process was killed mid-stream', async () => {
    const server = await startServerProcess(env);
    const acknowledged: { number: string; queryCode: string; amount: number }[] = [];
    let attempted = 0;
    // Keep 20 requests in flight; kill the process while they are.
    const worker = async (lane: number) => {
      for (let i = lane; ; i += 20) {
        attempted += 1;
        try {
          const response = await fetch(`${server.baseUrl}/api/tickets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(ticketForm(i)),
          });
          if (response.status !== 201) continue;
          const body = (await response.json()) as { number: string; queryCode: string };
          acknowledged.push({ ...body, amount: 1000 + i });
        } catch {
          return; // the server is gone
        }
      }
    };
    const lanes = Array.from({ length: 20 }, (_, lane) => worker(lane));
    while (acknowledged.length < 150) await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGKILL');
    await Promise.all(lanes);
    await server.exited;
    expect(attempted).toBeGreaterThan(acknowledged.length);

    const again = await startServerProcess(env);
    try {
      const missing: string[] = [];
      for (const ticket of acknowledged) {
        const response = await fetch(
          `${again.baseUrl}/api/tickets/${ticket.number}?code=${ticket.queryCode}`,
        );
        if (response.status !== 200) missing.push(ticket.number);
      }
      expect(missing).toEqual([]);
      // Numbering carries on after the restart without reusing a number.
      const next = await fetch(`${again.baseUrl}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ticketForm(99_999)),
      });
      const { number } = (await next.json()) as { number: string };
      expect(acknowledged.map((t) => t.number)).not.toContain(number);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 120_000);
});
