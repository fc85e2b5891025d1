import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.js';

const parsed = (logs: string[]) => logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('request logging', () => {
  it('writes one line per request: method, route pattern, status and time, never the path or body', async () => {
    const t = await createTestApp();
    try {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/chat/messages?utm_source=tracking',
        payload: { channelUserId: 'request-log-rider', text: '电话13812345678，老板欠我工资' },
      });
      expect(response.statusCode).toBe(200);
      await t.app.inject({ method: 'GET', url: '/api/tickets/no-such-ticket-id' });
      const lines = parsed(t.logs).filter(
        (line) => line.msg === 'request' || line.msg === 'incoming request',
      );
      expect(lines).toEqual([
        expect.objectContaining({
          method: 'POST',
          route: '/api/chat/messages',
          statusCode: 200,
          msg: 'request',
        }),
        expect.objectContaining({ method: 'GET', statusCode: expect.any(Number), msg: 'request' }),
      ]);
      expect(typeof lines[0]?.ms).toBe('number');
      expect(typeof lines[0]?.reqId).toBe('string');
      const output = t.logs.join('\n');
      expect(output).not.toContain('utm_source');
      expect(output).not.toContain('no-such-ticket-id');
      expect(output).not.toMatch(/13812345678|老板欠我工资/);
    } finally {
      await t.close();
    }
  });
});
