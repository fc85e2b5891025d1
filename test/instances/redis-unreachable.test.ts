import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.js';

describe('an instance told to share Redis', () => {
  it('refuses to start when Redis cannot be reached, instead of serving alone', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    await expect(createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' })).rejects.toThrow(
      /ECONNREFUSED|connect/i,
    );
  });
});
